// The iterator protocol: custom iterables, return() on early exit, iterator results, errors.
class Range {
  constructor(from, to, step = 1) { this.from = from; this.to = to; this.step = step; }
  [Symbol.iterator]() {
    let cur = this.from;
    const { to, step } = this;
    return {
      next: () => (cur <= to ? { value: (cur += step) - step, done: false } : { value: undefined, done: true }),
      [Symbol.iterator]() { return this; },
    };
  }
}
console.log([...new Range(1, 5)], [...new Range(0, 10, 3)], Array.from(new Range(2, 4)));
let sum = 0;
for (const x of new Range(1, 100)) sum += x;
console.log(sum);
// return() called on break, throw, and destructuring; not on normal completion
function tracked(n, log) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { log.push("next"); return i < n ? { value: i++, done: false } : { done: true }; },
    return(v) { log.push("return"); return { done: true, value: v }; },
  };
}
let log = [];
for (const x of tracked(5, log)) { if (x === 1) break; }
console.log("break:", log.join(","));
log = [];
try { for (const x of tracked(5, log)) { throw new Error("boom"); } } catch (e) { console.log("throw:", e.message, log.join(",")); }
log = [];
for (const x of tracked(2, log));
console.log("complete:", log.join(","));
log = [];
const [p] = tracked(3, log);
console.log("destructure:", p, log.join(","));
log = [];
const [q, r, s, t] = tracked(2, log);
console.log("exhausted destructure:", q, r, s, t, log.join(","));
// done value is not included
const withReturnValue = { [Symbol.iterator]() { let d = false; return { next() { if (d) return { done: true, value: "ret" }; d = true; return { done: false, value: "v" }; } }; } };
console.log([...withReturnValue]);
// next returning non-object throws TypeError
const bad = { [Symbol.iterator]() { return { next() { return 1; } }; } };
try { for (const x of bad); } catch (e) { console.log("non-object result:", e.name); }
// iterator without next
const noNext = { [Symbol.iterator]() { return {}; } };
try { [...noNext]; } catch (e) { console.log("no next:", e.name); }
// built-in iterators are iterable themselves and share %IteratorPrototype%
const it = [1, 2, 3][Symbol.iterator]();
it.next();
console.log([...it], it[Symbol.iterator]() === it, typeof it.next);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())));
// string iterator and array iterator toStringTag
console.log(Object.prototype.toString.call(""[Symbol.iterator]()), Object.prototype.toString.call([].values()));
// infinite iterator with take
function take(iterable, n) { const out = []; for (const x of iterable) { if (out.length >= n) break; out.push(x); } return out; }
const naturals = { *[Symbol.iterator]() { let n = 0; while (true) yield n++; } };
console.log(take(naturals, 5));
// map keys iterator live view
const m = new Map([[1, "a"]]);
const keys = m.keys();
m.set(2, "b");
console.log([...keys]);
