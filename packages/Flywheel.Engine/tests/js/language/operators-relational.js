// < > <= >= with numbers, strings (code unit order), mixed types, NaN and objects.
const pairs = [[1, 2], [2, 1], [1, 1], ["a", "b"], ["B", "a"], ["10", "9"], ["10", 9], [10, "9"], ["", 0], [null, 0], [undefined, 0], [NaN, NaN], [NaN, 1], ["abc", "ab"], [[2], 1], [[1, 2], "1,3"], [true, false], [-0, 0], [Infinity, Infinity], ["\u00e9", "f"], ["Z", "a"], ["a", "aa"], [{}, {}], ["x", NaN]];
const show = v => (Object.is(v, -0) ? "-0" : typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v}]` : String(v));
for (const [a, b] of pairs) {
  console.log(show(a), show(b), a < b, a > b, a <= b, a >= b);
}
console.log(null >= 0 && null <= 0 && null != 0);
console.log(undefined >= 0, undefined <= 0);
const order = [];
const l = { valueOf() { order.push("l"); return 1; } };
const r = { valueOf() { order.push("r"); return 2; } };
console.log(l < r, l > r, order.join(""));
console.log("\ud83d\ude00" > "\uffff", "\ud83d" < "\ue000");
console.log([3, 20, 100].sort(), [3, 20, 100].sort((a, b) => a - b));
console.log(["b", "a", "C", "á", "A"].sort());
// comparisons of Date objects use valueOf (number hint)
const d1 = new Date(Date.UTC(2020, 0, 1)), d2 = new Date(Date.UTC(2021, 0, 1));
console.log(d1 < d2, d1 > d2, d1 <= new Date(d1.getTime()), d1 == new Date(d1.getTime()));
// symbols cannot be compared relationally
try { Symbol() < 1; } catch (e) { console.log("symbol compare:", e.name); }
// string comparisons are by UTF-16 code units, not code points or locale
console.log("Z" < "a", "a" < "B", "\u00e9" > "z", "\ud83d\ude00" < "\uff01", "ab" < "ab\u0000");
