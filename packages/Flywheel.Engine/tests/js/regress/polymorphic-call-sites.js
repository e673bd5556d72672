// A single call site or property access that sees many receiver shapes and function kinds
// (monomorphic → polymorphic → megamorphic) must keep returning the right results.
class Circle { constructor(r) { this.r = r; } area() { return Math.PI * this.r * this.r; } get kind() { return "circle"; } }
class Square { constructor(s) { this.s = s; } area() { return this.s * this.s; } get kind() { return "square"; } }
class Rect extends Square { constructor(w, h) { super(w); this.h = h; } area() { return this.s * this.h; } get kind() { return "rect"; } }
const plain = { area: () => 42, kind: "plain" };
const viaProto = Object.create({ area() { return 7; }, kind: "proto" });
const shapes = [new Circle(1), new Square(2), new Rect(2, 3), plain, viaProto];
function totalArea(list) { let t = 0; for (const s of list) t += s.area(); return t; }
const kinds = [];
for (let round = 0; round < 4; round++) {
  const list = [];
  for (let i = 0; i < 50; i++) list.push(shapes[(i * (round + 1) + (i >> 3)) % shapes.length]);
  kinds.push(totalArea(list).toFixed(6));
}
console.log(kinds.join(" "));
// megamorphic property loads: many object literals with different key orders
const objs = [];
for (let i = 0; i < 40; i++) {
  const o = {};
  const keys = ["a", "b", "c", "d", "e", "f", "g", "h"];
  for (let j = 0; j < 8; j++) o[keys[(i + j * 3) % 8]] = j;
  o["extra" + (i % 5)] = i;
  objs.push(o);
}
let s = 0;
for (let rep = 0; rep < 10; rep++) for (const o of objs) s += o.a * 8 + o.h;
console.log(s, objs.map(o => o.c).join(""));
// call site seeing different function kinds
const callees = [function (x) { return x + 1; }, x => x * 2, Math.abs, String, Number.prototype.toFixed.bind(3.14159, 2), class { static m(x) { return x; } }.m, function* () {}, new Function("x", "return -x")];
console.log(callees.map(f => { const r = f(-5); return typeof r === "object" ? Object.prototype.toString.call(r) : String(r); }).join(" "));
// getters vs data properties at the same site
const mixed = [{ get v() { return "getter"; } }, { v: "data" }, Object.create({ get v() { return "inherited getter"; } }), Object.create({ v: "inherited data" })];
const reads = [];
for (let i = 0; i < 12; i++) reads.push(mixed[i % 4].v);
console.log(reads.slice(0, 4).join(", "), reads.length);
// method replaced on the prototype while hot
class Counter { constructor() { this.n = 0; } step() { return ++this.n; } }
const c = new Counter();
let total = 0;
for (let i = 0; i < 1000; i++) { if (i === 500) Counter.prototype.step = function () { return (this.n += 10); }; total += c.step(); }
console.log(c.n, total);
// receivers that are primitives
const prims = [1, "str", true, Symbol("s")];
console.log(prims.map(p => p.toString()).join(" "), prims.map(p => p.constructor.name).join(" "));
