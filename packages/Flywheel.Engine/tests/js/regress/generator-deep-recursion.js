// Recursion through generators: for-of, spread, array destructuring and yield* over generators that
// recurse 1,000 deep work (node's own limit is a little above 3,000 for spread; it was 198 here when
// each level nested a C# frame), and far deeper recursion ends in a catchable RangeError, never a crash.
function* viaYieldStar(n) { if (n > 0) yield* viaYieldStar(n - 1); yield n; }
function* viaForOf(n) { if (n > 0) for (const x of viaForOf(n - 1)) yield x; yield n; }
function* viaSpread(n) { if (n > 0) yield [...viaSpread(n - 1)].length; yield n; }
function* viaDestructuring(n) { if (n > 0) { const [a, ...rest] = viaDestructuring(n - 1); yield a + 1 + rest.length; } else yield 0; }
function* viaCallSpread(n) { yield n > 0 ? Math.max(...viaCallSpread(n - 1)) + 1 : 0; }
function* pair(n) { yield n; yield n + 1; }
function forOfInRecursion(n) { let s = 0; for (const x of pair(n)) { s += x; if (x === n && n > 0) s += forOfInRecursion(n - 1); } return s; }
function recursionInGeneratorBody(n) { let s = 0; for (const x of (function* () { yield n > 0 ? recursionInGeneratorBody(n - 1) : 0; })()) s += x + 1; return s; }
const cases = {
  yieldStar: n => { let c = 0; for (const x of viaYieldStar(n)) c += x; return c; },
  forOf: n => { let c = 0; for (const x of viaForOf(n)) c += x; return c; },
  spread: n => [...viaSpread(n)].join(),
  destructuring: n => { const [r] = viaDestructuring(n); return r; },
  callSpread: n => [...viaCallSpread(n)][0],
  forOfInRecursion, recursionInGeneratorBody,
};
for (const [name, f] of Object.entries(cases)) {
  console.log(name, f(1000));
  // (Only two of them: under GC stress every level's allocation collects with the whole stack as roots.)
  if (name === "forOf" || name === "spread") {
    try { f(1e6); console.log(name, "deep: no error"); } catch (e) { console.log(name, "deep:", e instanceof RangeError); }
  }
  console.log(name, "again", f(10));
}

// The step of a generator resumed in the caller's loop behaves like next(): exceptions reach the
// caller's handlers, break closes the generator (finally blocks run), return values are dropped.
function* g1() { try { yield 1; yield 2; throw new Error("boom"); } finally { console.log("g1 finally"); } }
try { for (const x of g1()) console.log("got", x); } catch (e) { console.log("caught", e.message); }
function* g2() { try { yield 1; yield 2; } finally { console.log("g2 closed"); } }
for (const x of g2()) { console.log("first", x); break; }
function* g3() { yield "a"; return "ignored"; }
console.log([...g3()], Array.from(g3()));
const [p, q = "default", ...r] = g3();
console.log(p, q, r);
function* outer() { for (const x of g3()) { try { yield x; } catch (e) { console.log("outer caught", e); } } return "done"; }
const o = outer();
console.log(o.next(), o.throw("t"), o.next(), o.next());
// A generator iterating itself while running.
function* self() { try { for (const x of it) yield x; } catch (e) { yield e instanceof TypeError; } }
const it = self();
console.log([...it]);
// A replaced next on the prototype is called as an ordinary method.
function* counted() { yield 1; yield 2; }
const proto = Object.getPrototypeOf(counted.prototype);
const intrinsicNext = proto.next;
let calls = 0;
proto.next = function (v) { calls++; return intrinsicNext.call(this, v); };
console.log([...counted()], calls);
for (const x of counted()) calls += x;
console.log(calls);
proto.next = intrinsicNext;
// An own next on the generator object.
const own = counted();
own.next = () => ({ done: true });
console.log([...own]);
// Spread of generators and other iterables mixed with elements.
function* three() { yield 1; yield 2; yield 3; }
console.log([0, ...three(), 4, ..."ab", ...new Set([5]), ...[6, , 7]], Math.max(...three(), ...three()));
console.log(((...args) => args.length)(...three(), ...three()));
