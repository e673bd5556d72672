// Mutating Maps and Sets while iterating with for-of, forEach and live iterators: clear, delete
// and re-add, growth during iteration, and iterators created before mutation.
const m = new Map([[1, "a"], [2, "b"], [3, "c"]]);
const visited = [];
for (const [k] of m) { visited.push(k); if (k === 1) { m.delete(1); m.set(1, "re-added"); } if (visited.length > 10) break; }
console.log(visited, [...m.keys()]);
const s = new Set([1, 2, 3]);
const seen = [];
s.forEach(v => { seen.push(v); if (v === 2) { s.clear(); s.add(99); } });
console.log(seen, [...s]);
const growing = new Set([0]);
let steps = 0;
for (const v of growing) { if (v < 20) growing.add(v + 1); steps++; }
console.log(steps, growing.size);
const it = new Map([["x", 1], ["y", 2]]).entries();
const live = new Map([["x", 1], ["y", 2]]);
const liveIt = live.keys();
console.log(liveIt.next().value);
live.delete("y");
live.set("z", 3);
console.log(liveIt.next(), liveIt.next(), liveIt.next());
const cleared = new Set([1, 2, 3]);
const cit = cleared.values();
cit.next();
cleared.clear();
cleared.add("after clear");
console.log(cit.next(), cit.next());
const done = new Set([1]).values();
done.next(); done.next();
const doneSet = new Set([1]);
console.log(done.next());
const om = new Map();
const keys = Array.from({ length: 10 }, (_, i) => ({ i }));
for (const k of keys) om.set(k, k.i);
for (const k of keys) if (k.i % 2) om.delete(k);
for (const k of keys) if (k.i % 3 === 0) om.set(k, "again");
console.log([...om.values()]);
const big = new Map();
for (let i = 0; i < 5000; i++) big.set("k" + i, i);
for (let i = 0; i < 5000; i += 2) big.delete("k" + i);
let sum = 0;
for (const v of big.values()) sum += v;
console.log(big.size, sum, [...big.keys()].slice(0, 3), big.get("k4999"), big.has("k4998"));
