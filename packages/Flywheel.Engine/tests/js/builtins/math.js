// Math: exactly specified results only (rounding, min/max, sign, integer ops, exact roots);
// transcendental results are compared with tolerances or rounded before printing.
const show = v => (Object.is(v, -0) ? "-0" : String(v));
const rs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0, 0, 2.4, -2.6, NaN, Infinity, 1e21, -4.5];
for (const x of rs) console.log(show(x), "round", show(Math.round(x)), "floor", show(Math.floor(x)), "ceil", show(Math.ceil(x)), "trunc", show(Math.trunc(x)), "sign", show(Math.sign(x)), "abs", show(Math.abs(x)), "fround", show(Math.fround(x)));
console.log(Math.max(), Math.min(), Math.max(1, NaN), Math.min(-0, 0), Object.is(Math.max(-0, 0), 0), Object.is(Math.min(0, -0), -0), Math.max("3", 2), Math.max([1], [2]));
console.log(Math.sqrt(16), Math.sqrt(2) === Math.SQRT2, Math.sqrt(-1), Math.sqrt(-0), Math.cbrt(27).toFixed(12), Math.cbrt(-8).toFixed(12), Math.hypot(3, 4).toFixed(12), Math.hypot(), Math.hypot(NaN, Infinity));
console.log(Math.pow(2, 10), Math.pow(NaN, 0), Math.pow(1, NaN), Math.pow(-0, -1), Math.pow(0, -1), Math.pow(-2, 0.5), Math.pow(2, 0), Math.pow(10, 308) * 10);
console.log(Math.abs(-5), Math.abs("-3"), Math.abs(null), Math.abs([]), Math.abs([-2]), Math.abs({}), Math.abs(-Infinity));
console.log(Math.clz32(0), Math.clz32(1), Math.clz32(0x80000000), Math.imul(2, 3), Math.imul(-1, 8), Math.imul(0x7fffffff, 2), Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128));
console.log(Math.exp(0), Math.log(1), Math.log(0), Math.log(-1), Math.sin(0), Math.cos(0), Math.tan(0), Math.atan2(0, -0), Math.atan2(-0, 0), Math.asin(2), Math.log2(8).toFixed(12), Math.log10(1000).toFixed(12), Math.log2(1024).toFixed(12), Math.expm1(0), Math.log1p(0));
// transcendental with tolerance
const close = (a, b) => Math.abs(a - b) < 1e-12;
console.log(close(Math.sin(Math.PI / 6), 0.5), close(Math.cos(Math.PI / 3), 0.5), close(Math.atan(1) * 4, Math.PI), close(Math.exp(1), Math.E), close(Math.log(Math.E), 1));
console.log(Math.sin(1).toFixed(10), Math.cos(1).toFixed(10), Math.tan(1).toFixed(10), Math.exp(2).toFixed(10), Math.log(10).toFixed(10), Math.atan2(1, 2).toFixed(10));
console.log(Math.sinh(1).toFixed(8), Math.cosh(1).toFixed(8), Math.tanh(0.5).toFixed(8), Math.asinh(1).toFixed(8), Math.acosh(2).toFixed(8), Math.atanh(0.5).toFixed(8));
console.log(Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT1_2, Math.SQRT2);
console.log(Object.prototype.toString.call(Math), typeof Math, Object.keys(Math).length);
try { new Math.max(); } catch (e) { console.log("new Math.max:", e.name); }
// random: only range checks
let ok = true;
for (let i = 0; i < 1000; i++) { const r = Math.random(); if (!(r >= 0 && r < 1)) ok = false; }
console.log("random in [0,1):", ok);
// integer helpers
const gcd = (a, b) => (b ? gcd(b, a % b) : a);
console.log(gcd(1071, 462), Math.floor(-7 / 2), Math.trunc(-7 / 2), -7 % 2, ((-7 % 3) + 3) % 3);
