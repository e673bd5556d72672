// JSON.stringify corner cases: toJSON on prototypes, getters that return undefined, replacer
// array with duplicates and numbers, indentation of nested empties, lone surrogates, very deep
// arrays, and the order of replacer calls relative to toJSON.
class Stamp { constructor(v) { this.v = v; } }
Stamp.prototype.toJSON = function (key) { return { stamped: this.v, key }; };
console.log(JSON.stringify({ a: new Stamp(1), list: [new Stamp(2)] }));
console.log(JSON.stringify({ get g() { return undefined; }, h: 1 }));
console.log(JSON.stringify({ 1: "one", 2: "two", a: "a" }, [2, "a", 2, 1]));
console.log(JSON.stringify({ a: [], b: {}, c: [[]], d: [{}], e: { f: [] } }, null, 2));
console.log(JSON.stringify(["\ud800", "\udc00", "\ud83d\ude00", "\u2028\u2029"]));
let deep = [];
for (let i = 0; i < 100; i++) deep = [deep];
console.log(JSON.stringify(deep).length);
const order = [];
JSON.stringify({ x: { toJSON() { order.push("toJSON"); return "tj"; } } }, (k, v) => { order.push(`replacer(${k}=${typeof v === "string" ? v : typeof v})`); return v; });
console.log(order.join(" "));
console.log(JSON.stringify({ date: new Date(Date.UTC(2001, 1, 3)) }, (k, v) => (k === "date" ? typeof v : v)));
console.log(JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify(Object.assign(Object.create(null), { nullProto: true })));
console.log(JSON.stringify([new Number(1), new String("s"), new Boolean(true), Object(Symbol())]));
console.log(JSON.stringify({ a: 1 }, (k, v) => (k === "" ? [v, v] : v)));
console.log(JSON.stringify("x", null, 4), JSON.stringify([1], null, 1), JSON.stringify({}, null, 2), JSON.stringify([], null, 2));
const sparse = [];
sparse[3] = "x";
console.log(JSON.stringify(sparse), JSON.stringify({ arr: sparse }, null, 1));
console.log(JSON.stringify({ n: -0, big: 1e21, small: 1e-7, neg: -1.5e-10, max: Number.MAX_VALUE, min: Number.MIN_VALUE }));
