// Small-integer fast paths must overflow into doubles exactly where int32 arithmetic would wrap.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function neg(a) { return -a; }
function inc(a) { return ++a; }
function dec(a) { return --a; }
const results = [];
for (let i = 0; i < 3; i++) {
  results.push(add(0x7fffffff, 1), sub(-0x80000000, 1), mul(0x10000, 0x10000), mul(-1, -0x80000000), neg(-0x80000000), inc(0x7fffffff), dec(-0x80000000));
  results.push(mul(0, -1), mul(-5, 0), add(-0, -0), sub(0, 0), neg(0));
  results.push(mul(46340, 46340), mul(46341, 46341), mul(-46341, 46341), add(0x3fffffff, 0x3fffffff), add(0x40000000, 0x40000000));
  results.push(((-0x80000000) / -1), (7 / 2), (-7 / 2), (6 / 3), (0 / -3), (-0x80000000 % -1), (5 % -5));
}
console.log(results.slice(0, 24).map(v => (Object.is(v, -0) ? "-0" : v)).join(" "));
console.log(results.length, results.slice(0, 24).every((v, i) => Object.is(v, results[i + 24]) && Object.is(v, results[i + 48])));
// loop accumulations crossing 2^31
let acc = 0x7ffffff0;
const seen = [];
for (let i = 0; i < 40; i++) { acc += 1; if (i % 8 === 0) seen.push(acc); }
console.log(seen.join(" "));
let prod = 1;
for (let i = 1; i <= 25; i++) { prod *= i; }
console.log(prod, prod > 2 ** 53);
let negProd = -1;
for (let i = 0; i < 40; i++) negProd *= 2;
console.log(negProd, negProd === 2 ** 40);
// counters in hot loops that go negative and wrap with |0
let h = 0;
for (let i = 0; i < 100000; i++) h = (h * 31 + i) | 0;
console.log(h);
let u = 0;
for (let i = 0; i < 100000; i++) u = (u * 33 + (i & 0xff)) >>> 0;
console.log(u);
// increment on a property and array element past int32
const o = { n: 0x7ffffffe };
o.n++; o.n++; o.n++;
const a = [0x7fffffff];
a[0]++;
console.log(o.n, a[0], a[0] - 1 === 0x7fffffff);
// division producing integers vs fractions
const divs = [];
for (const [x, y] of [[10, 2], [10, 4], [-10, 5], [0, 5], [0, -5], [1, 3], [2 ** 31, 2]]) divs.push(x / y);
console.log(divs.map(v => (Object.is(v, -0) ? "-0" : String(v))).join(" "));
