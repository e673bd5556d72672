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
