// for-in while the object changes: deleted keys not yet visited are skipped, keys are never
// visited twice, and properties added during iteration are not required to appear (this test
// only prints facts the spec fixes).
const o = { a: 1, b: 2, c: 3, d: 4 };
const seen = [];
for (const k in o) { seen.push(k); if (k === "a") { delete o.c; o.e = 5; } }
console.log(seen.includes("c"), seen.filter(k => k === "a").length, seen.slice(0, 2));
const arr = [10, 20, 30, 40];
const idx = [];
for (const k in arr) { idx.push(k); if (k === "0") arr.length = 2; }
console.log(idx);
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 1;
const seen2 = [];
for (const k in child) { seen2.push(k); if (k === "own") delete proto.inherited; }
console.log(seen2);
const counts = {};
const obj = {};
for (let i = 0; i < 20; i++) obj["k" + i] = i;
for (const k in obj) { counts[k] = (counts[k] || 0) + 1; delete obj["k" + (Number(k.slice(1)) + 1)]; }
console.log(Object.keys(counts).length, Object.values(counts).every(c => c === 1), Object.keys(counts).slice(0, 5));
// nested for-in over the same object
const pairs = [];
const small = { x: 1, y: 2 };
for (const a in small) for (const b in small) pairs.push(a + b);
console.log(pairs.join(" "));
// for-in over an object whose prototype is replaced mid-iteration must not crash
const swap = Object.create({ p1: 1, p2: 2 });
swap.own = 0;
const swapped = [];
for (const k in swap) { swapped.push(k); Object.setPrototypeOf(swap, { q: 1 }); }
console.log(swapped[0], swapped.length >= 1);
