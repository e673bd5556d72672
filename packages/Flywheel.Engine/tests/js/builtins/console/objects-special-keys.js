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
