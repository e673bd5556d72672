// `in` (own, inherited, arrays, symbols) and `delete` (results and effects).
const proto = { inherited: 1 };
const o = Object.create(proto);
o.own = 2;
o[Symbol.for("s")] = 3;
console.log("own" in o, "inherited" in o, "missing" in o, "toString" in o, Symbol.for("s") in o);
const arr = [10, , 30];
console.log(0 in arr, 1 in arr, 2 in arr, 3 in arr, "length" in arr, "0" in arr);
try { "x" in "string"; } catch (e) { console.log("in primitive:", e.name); }
try { "x" in null; } catch (e) { console.log("in null:", e.name); }
// delete
const d = { a: 1, b: 2 };
console.log(delete d.a, d, delete d.missing, delete d["b"], d);
const frozen = Object.freeze({ k: 1 });
console.log(delete frozen.k, frozen.k);
const nonConf = Object.defineProperty({}, "x", { value: 1 });
console.log(delete nonConf.x);
const a2 = [1, 2, 3];
console.log(delete a2[1], a2, a2.length, 1 in a2);
console.log(delete a2.length, a2.length);
var gv = 1;
globalThis.gp = 2;
console.log(delete globalThis.gv, delete globalThis.gp, typeof gp);
console.log(delete 5, delete "x".length);
function f() {}
console.log(delete f.prototype, delete f.name, f.name);
// delete inherited does nothing
const child = Object.create({ p: 1 });
console.log(delete child.p, child.p);
// delete on Math.PI
console.log(delete Math.PI, Math.PI > 3);
// delete then re-add changes key order
const order = { a: 1, b: 2, c: 3 };
delete order.a;
order.a = 4;
console.log(Object.keys(order));
// delete array element with expression key
const idx = { toString() { return "0"; } };
const a3 = ["x", "y"];
delete a3[idx];
console.log(a3);
// in with private brand check lives in class-private.js; here: in with numeric strings
console.log("1" in [5, 6], 1.0 in [5, 6], "1.0" in [5, 6]);
