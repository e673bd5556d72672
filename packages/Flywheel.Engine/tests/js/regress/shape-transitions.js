// Objects built with the same properties in different orders, deletions, re-additions and
// attribute changes must all read back correctly (hidden-class transition trees, dictionary mode).
function make(order) { const o = {}; for (const k of order) o[k] = k.toUpperCase(); return o; }
const orders = [["a", "b", "c"], ["c", "b", "a"], ["b", "a", "c"], ["a", "c"], ["a", "b", "c", "d"]];
const objs = orders.map(make);
function readAll(o) { return [o.a ?? o.x, o.b ?? o.y, o.c ?? o.z, o.d].map(v => v ?? "-").join(""); }
for (let i = 0; i < 3; i++) console.log(objs.map(readAll).join(" "), objs.map(o => Object.keys(o).join("")).join(" "));
// delete from the middle and re-add
const d = { x: 1, y: 2, z: 3 };
delete d.y;
console.log(Object.keys(d), d.x, d.y, d.z);
d.y = 4;
console.log(Object.keys(d), readAll(d), JSON.stringify(d));
// many properties push towards dictionary mode
const big = {};
for (let i = 0; i < 200; i++) big["p" + i] = i;
for (let i = 0; i < 200; i += 3) delete big["p" + i];
let sum = 0;
for (const k in big) sum += big[k];
console.log(Object.keys(big).length, sum, big.p1, big.p3, big.p199, Object.keys(big).slice(0, 5));
// same shape, different values, then one changes type
class P { constructor(x, y) { this.x = x; this.y = y; } }
const ps = Array.from({ length: 10 }, (_, i) => new P(i, i * 2));
ps[5].x = "string now";
ps[7].y = { nested: true };
ps[8].z = "extra";
delete ps[9].x;
console.log(ps.map(p => `${typeof p.x}/${typeof p.y}/${"z" in p}`).join(" "));
// attribute changes on one object do not leak to siblings with the same shape
const s1 = { k: 1 }, s2 = { k: 2 };
Object.defineProperty(s1, "k", { writable: false });
s1.k = 100; s2.k = 200;
console.log(s1.k, s2.k, Object.getOwnPropertyDescriptor(s2, "k").writable);
Object.freeze(s2);
const s3 = { k: 3 };
s3.k = 300;
console.log(s3.k, Object.isFrozen(s3));
// prototype changes after objects were created
const proto = { greet() { return "v1"; } };
const kids = [Object.create(proto), Object.create(proto)];
const before = kids.map(k => k.greet());
proto.greet = function () { return "v2"; };
kids[1].greet = function () { return "own"; };
console.log(before, kids.map(k => k.greet()));
Object.setPrototypeOf(kids[0], { greet() { return "new proto"; } });
console.log(kids.map(k => k.greet()));
// integer-like keys interleaved with named keys
const mixed = {};
mixed.b = 1; mixed[3] = 2; mixed.a = 3; mixed[1] = 4; delete mixed[3]; mixed[2] = 5;
console.log(Object.keys(mixed), JSON.stringify(mixed));
