// pop and shift on dense arrays, holes, prototype elements, frozen/sealed arrays and non-writable lengths.
const show = (label, v) => console.log(label, JSON.stringify(v));
const q = [];
for (let i = 0; i < 10; i++) q.push(i);
const order = [];
while (q.length) order.push(q.length % 3 ? q.shift() : q.pop());
show("queue:", order);
show("empty:", [[].pop(), [].shift(), [].length]);
const holes = [1, , 3, ,];
show("holes pop:", [holes.pop(), holes.pop(), holes.length, 1 in holes]);
const holes2 = [, 2, , 4];
show("holes shift:", [holes2.shift(), holes2, holes2.length, 0 in holes2, 1 in holes2]);
Array.prototype[3] = "proto";
const viaProto = [1, 2, 3, ,];
show("proto pop:", [viaProto.pop(), viaProto.length]);
const viaProto2 = [1, 2, 3, , 5];
show("proto shift:", [viaProto2.shift(), viaProto2, Object.keys(viaProto2)]);
delete Array.prototype[3];
let sets = 0;
Object.defineProperty(Array.prototype, 0, { set(v) { sets++; }, get() { return "g"; }, configurable: true });
const withSetter = [, 1, 2];
show("proto accessor shift:", [withSetter.shift(), withSetter.length, sets]);
delete Array.prototype[0];
for (const make of [a => Object.freeze(a), a => Object.seal(a), a => Object.preventExtensions(a)]) {
  const a = make([1, 2, 3]);
  const out = [];
  for (const op of ["pop", "shift"]) { try { out.push(a[op]()); } catch (e) { out.push(e.constructor.name); } }
  show("locked:", [out, a.length, Array.from(a)]);
}
const big = Array.from({ length: 1000 }, (_, i) => i);
let total = 0;
while (big.length > 500) total += big.shift();
while (big.length) total += big.pop();
show("big:", [total, big.length]);
const sparse = [];
sparse[100000] = 1;
show("sparse:", [sparse.pop(), sparse.length, sparse.shift(), sparse.length]);
const args = (function () { return Array.prototype.shift.call(arguments); })(7, 8);
const like = { length: 2, 0: "a", 1: "b" };
show("generic:", [args, Array.prototype.pop.call(like), like]);
