// comma, void, conditional, grouping, precedence and evaluation order.
let x = (1, 2, 3);
console.log(x, void 0, void "ignored", typeof void 0);
console.log(true ? "yes" : "no", 0 ? "yes" : "no", null ? 1 : undefined ? 2 : 3);
const grade = s => (s >= 90 ? "A" : s >= 80 ? "B" : s >= 70 ? "C" : "F");
console.log([95, 85, 75, 10].map(grade).join(""));
const order = [];
const t = tag => (order.push(tag), tag);
t("a") + t("b") * t("c");
console.log(order.join(""));
order.length = 0;
const obj = {};
obj[t("key")] = t("value");
console.log(order.join(","));
order.length = 0;
function f(...args) { return args; }
f(t(1), t(2), t(3));
console.log(order.join(","));
// assignment evaluates left reference first
let arr = [0, 0];
let i = 0;
arr[i++] = i;
console.log(arr, i);
// precedence sampling
console.log(1 + 2 * 3 ** 2, (1 + 2) * 3, -(2 ** 2), 2 * 3 % 4, 10 - 2 - 3, 2 ** -1, 1 < 2 < 3, 3 > 2 > 1);
console.log(1 + 2 + "3" + 4 + 5, 1 == 1 === true, typeof 1 + 1, !1 == 0);
console.log(1 << 2 + 1, (1 << 2) + 1, 5 & 3 | 8, 5 & (3 | 8), 1 | 2 ^ 3 & 4);
// chained assignment
let a, b, c;
a = b = c = [];
console.log(a === b && b === c);
// compound assignment reads once
let reads = 0;
const holder = { get p() { reads++; return 1; }, set p(v) {} };
holder.p += 1;
console.log(reads);
// conditional with assignments
let m = 0;
true ? (m = 1) : (m = 2);
console.log(m);
// comma in for
let s = "";
for (let p = 0, q = 10; p < q; p += 3, q -= 3) s += p + ":" + q + " ";
console.log(s.trim());
// exponent with unary requires parentheses; these are fine:
console.log((-2) ** 2, -(2 ** 2), 2 ** -2);
// new vs call precedence
function Maker() { return function inner() { return "inner called"; }; }
console.log(new Maker()(), typeof new Maker);
