// Arrays that change element kinds (small ints → doubles → objects, packed → holey), grow and
// shrink, and are accessed out of bounds; results must be identical whatever the representation.
const a = [1, 2, 3];
a.push(4.5);
a.push("five");
a.push({ six: 6 });
a[10] = 10;
console.log(a, a.length);
const b = new Array(5);
for (let i = 0; i < 5; i++) b[i] = i;
console.log(b, b.includes(undefined), b.indexOf(4));
const c = [];
c[2] = 2; c[0] = 0; c[1] = 1;
console.log(c, Object.keys(c));
// holes read through the prototype chain
Array.prototype[1] = "from prototype";
const holey = [0, , 2];
console.log(holey[1], holey.indexOf("from prototype"), holey.includes("from prototype"), holey.join("-"), 1 in holey, Object.keys(holey));
delete Array.prototype[1];
console.log(holey[1], holey.join("-"));
// shrink and regrow
const d = Array.from({ length: 100 }, (_, i) => i * 1.5);
d.length = 3;
d.length = 6;
console.log(d, d[4]);
// out of bounds reads and negative indexes
console.log(d[-1], d[100], d["2"], d[2.0], d["2.0"], d[1e10]);
// double array with NaN and -0
const e = [NaN, -0, 0.1, Infinity];
console.log(e.indexOf(NaN), e.includes(NaN), Object.is(e[1], -0), e.lastIndexOf(0), e.map(x => 1 / x));
// arrays used as stacks and queues
const q = [];
for (let i = 0; i < 1000; i++) q.push(i);
let qs = 0;
while (q.length > 500) qs += q.shift();
while (q.length) qs += q.pop();
console.log(qs, q.length);
// very sparse arrays behave like dictionaries but keep array semantics
const sp = [];
sp[1000000] = "far";
sp[5] = "near";
console.log(sp.length, Object.keys(sp), sp.indexOf("far"), sp.filter(Boolean), sp.findIndex(x => x === "near"));
sp.length = 6;
console.log(sp.length, Object.keys(sp));
// array with non-index properties and symbol keys keep working for iteration
const f = [1, 2, 3];
f.meta = "m";
f[Symbol.for("s")] = "sym";
console.log([...f], Object.keys(f), f.map(x => x * 2));
// frozen array reads fine, copy is mutable
const frozen = Object.freeze([3, 1, 2]);
const copy = [...frozen].sort();
console.log(frozen, copy, Object.isFrozen(copy));
