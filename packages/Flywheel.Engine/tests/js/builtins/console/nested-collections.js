// Maps and Sets nested in objects and arrays, beyond the depth limit, and with object keys.
const inner = new Map([["k", new Set([1, 2])]]);
console.log({ inner });
console.log([inner, [inner]]);
console.log(new Map([[new Map([[1, 2]]), new Set([new Set([3])])]]));
console.log({ a: { b: new Map([["c", { d: { e: 1 } }]]) } });
console.log(new Set([[1, [2, [3, [4]]]]]));
console.log(new Map([["a".repeat(30), "b".repeat(30)], ["c".repeat(30), "d".repeat(30)]]));
console.log(new Set(["one", "two", "three", "four", "five", "six", "seven", "eight"]));
const m = new Map();
m.set(m, "self key");
console.log(m);
console.log([new Map(), new Set(), new Map([[undefined, null]])]);
class Registry extends Map { constructor() { super([["x", 1]]); this.extra = true; } }
console.log(new Registry());
const s = new Set([1]);
s.prop = "on set";
console.log(s);
