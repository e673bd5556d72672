// Object keys that need quotes, numeric-like keys, __proto__ as an own key, very long keys,
// and objects whose values are long strings or deeply nested.
console.log({ "__proto__": 1 });
const own = JSON.parse('{"__proto__": {"x": 1}}');
console.log(own);
console.log({ ["__proto__"]: "computed" });
console.log({ "-0": 1, "1e3": 2, "0.5": 3, "007": 4, "4294967295": 5, "4294967294": 6 });
console.log({ ["k".repeat(40)]: 1, ["j".repeat(40)]: 2 });
console.log({ "ünïcödé": 1, "日本": 2, "a\nb": 3, "tab\tkey": 4, "'": 5, '"': 6, "`": 7 });
console.log({ constructor: "own constructor", toString: "own toString", hasOwnProperty: 1 });
console.log({ get: 1, set: 2, async: 3, static: 4, class: 5, function: 6, null: 7, true: 8 });
console.log({ nested: { "key with space": { "another key": { deep: 1 } } } });
console.log({ 0: "a", 1: "b", length: 2 });
console.log({ "": "empty key", " ": "space key" });
console.log({ a1: 1, _1: 2, $: 3, _: 4, a$b: 5, "1a": 6, "a-1": 7 });
console.log({ [Symbol("sym key")]: 1, [Symbol()]: 2, regular: 3 });
console.log(Object.fromEntries([["x".repeat(20), 1], ["y".repeat(20), 2], ["z".repeat(20), 3]]));
const withNumberish = {};
for (const k of ["10", "9", "1", "a", "-5", "1.5"]) withNumberish[k] = k;
console.log(withNumberish);
console.log({ undefined: undefined, NaN: NaN, Infinity: -Infinity });
console.log({ nested: { "needs quote": { fine: { "too deep": 1 } } }, after: true });
