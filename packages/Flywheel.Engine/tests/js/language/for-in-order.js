// for-in / Object.keys order: integer-like keys ascending, then strings in insertion order;
// inherited enumerable keys after own ones, shadowed keys visited once.
const o = {};
o.z = 1; o[10] = 1; o.a = 1; o[2] = 1; o["-1"] = 1; o[4294967294] = 1; o[4294967295] = 1; o["1.5"] = 1; o["007"] = 1; o[0] = 1; o.m = 1;
const keys = [];
for (const k in o) keys.push(k);
console.log(keys.join(" "));
console.log(Object.keys(o).join(" "));
console.log(JSON.stringify(o));
const proto = { p2: 1, shared: 1, 1: 1 };
const child = Object.create(proto);
child.c1 = 1; child.shared = 2; child[0] = 1;
const ck = [];
for (const k in child) ck.push(k);
console.log(ck.join(" "));
// non-enumerable own property shadows enumerable inherited
const shadow = Object.create({ hidden: 1, shown: 1 });
Object.defineProperty(shadow, "hidden", { value: 2, enumerable: false });
const sk = [];
for (const k in shadow) sk.push(k);
console.log(sk.join(" "));
// symbols are never visited
const sym = { [Symbol("s")]: 1, str: 1 };
for (const k in sym) console.log("sym test", k);
// arrays: indices first, then other props
const arr = ["a", "b"];
arr.prop = 1;
arr[5] = "f";
console.log(Object.keys(arr).join(" "));
// class instances: fields in definition order
class P { b = 1; a = 2; constructor() { this.c = 3; this[1] = 4; } }
console.log(Object.keys(new P()).join(" "));
// Object.entries/values follow the same order
const mixed = { b: "B", 2: "two", a: "A", 1: "one" };
console.log(Object.entries(mixed).map(([k, v]) => k + "=" + v).join(" "));
console.log(Object.values(mixed).join(" "));
// Reflect.ownKeys: integers, strings, symbols
const all = { [Symbol.for("x")]: 1, b: 1, 3: 1, a: 1 };
console.log(Reflect.ownKeys(all).map(String).join(" "));
// Object.assign copies in this order
const log = [];
const src = { get b() { log.push("b"); return 1; }, get 1() { log.push("1"); return 1; }, get a() { log.push("a"); return 1; } };
Object.assign({}, src);
console.log(log.join(" "));
// properties added during for-in are not necessarily visited; deleted ones are not: test only deleted
const dd = { x: 1, y: 2, z: 3 };
const seen = [];
for (const k in dd) { seen.push(k); delete dd.z; }
console.log(seen.join(" "));
