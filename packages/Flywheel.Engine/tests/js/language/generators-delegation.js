// yield*: delegation to generators and iterables, return value of yield*, next/throw/return forwarding.
function* inner() {
  const x = yield "inner-1";
  console.log("inner got", x);
  yield "inner-2";
  return "inner-result";
}
function* outer() {
  yield "outer-start";
  const r = yield* inner();
  console.log("yield* returned", r);
  yield* ["arr-1", "arr-2"];
  yield* "st";
  return "outer-done";
}
const g = outer();
let step;
while (!(step = g.next("sent")).done) console.log("value", step.value);
console.log("final", step.value);
// throw forwarded to inner which can catch
function* catcher() {
  try { yield 1; } catch (e) { console.log("inner caught", e); yield "recovered"; }
}
function* wrapper() { yield* catcher(); yield "after"; }
const w = wrapper();
console.log(w.next().value, w.throw("boom").value, w.next().value, w.next().done);
// return forwarded to inner's finally
function* withFinally() { try { yield "a"; yield "b"; } finally { console.log("inner finally"); } }
function* wrap2() { try { yield* withFinally(); } finally { console.log("outer finally"); } }
const w2 = wrap2();
console.log(w2.next().value);
console.log(w2.return("early"));
// recursive yield* (flatten)
function* flatten(arr) { for (const x of arr) { if (Array.isArray(x)) yield* flatten(x); else yield x; } }
console.log([...flatten([1, [2, [3, [4, []]], 5], [[6]]])]);
// yield* over iterator without throw: throw closes and raises TypeError
const noThrow = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { console.log("return called"); return {}; } }; } };
function* del() { yield* noThrow; }
const d = del();
d.next();
try { d.throw(new Error("x")); } catch (e) { console.log("throw into iterator without throw:", e.name); }
// permutations generator
function* permutations(a, n = a.length) {
  if (n <= 1) { yield a.slice(); return; }
  for (let i = 0; i < n; i++) {
    yield* permutations(a, n - 1);
    const j = n % 2 ? 0 : i;
    [a[n - 1], a[j]] = [a[j], a[n - 1]];
  }
}
const perms = [...permutations([1, 2, 3])].map(p => p.join(""));
console.log(perms.length, perms.join(" "));
