// Arithmetic operators with coercions: + - * / % **, unary + -, ++/--.
const vals = [0, -0, 1, -1, 2.5, NaN, Infinity, -Infinity, "", "3", "x", true, false, null, undefined, [], [2], {}];
const show = v => (Object.is(v, -0) ? "-0" : typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v}]` : String(v));
for (const v of vals) {
  console.log(show(v), "unary+", show(+v), "unary-", show(-v), "*2", show(v * 2), "-1", show(v - 1));
}
console.log(5 % 3, -5 % 3, 5 % -3, -5 % -3, 5.5 % 2, -0 % 5, 5 % 0, Infinity % 2, 2 % Infinity);
console.log(Object.is(-5 % 5, -0), Object.is(-0 % 1, -0));
console.log(1 / 0, -1 / 0, 0 / 0, 1 / -0, -0 / 1);
console.log(2 ** 10, 2 ** -1, (-2) ** 3, Math.abs(2 ** 0.5 - Math.SQRT2) < 1e-15, 0 ** 0, NaN ** 0, 1 ** Infinity, (-8) ** (1 / 3));
console.log(2 ** 3 ** 2, (2 ** 3) ** 2, 10 ** 21, (10 ** -7).toPrecision(12), (4 ** 0.5).toFixed(12));
console.log(0.1 + 0.2, 0.1 * 3, 1 - 0.9, 9007199254740992 + 1, 9007199254740993, 2 ** 53 + 2);
console.log(Number.MAX_VALUE * 2, Number.MIN_VALUE / 2, -Number.MAX_VALUE * 2, Number.MAX_SAFE_INTEGER + 2);
let i = 5;
console.log(i++, i, ++i, i, i--, i, --i, i);
let s = "5";
s++;
console.log(s, typeof s);
let u;
u++;
console.log(u);
let obj = { valueOf() { return 10; } };
obj++;
console.log(obj);
const o2 = { n: 1 };
o2.n += 2; o2.n *= 3; o2.n -= 1; o2.n /= 4; o2.n **= 2; o2.n %= 3;
console.log(o2.n);
// integer overflow into doubles
console.log(2147483647 + 1, -2147483648 - 1, 65536 * 65536, 46341 * 46341, 0x7fffffff * 2);
console.log(1e308 * 10, -1e-324, 5e-324, 5e-324 / 2);
