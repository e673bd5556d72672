// JSON.stringify: values, escaping, indent, replacer function/array, toJSON, cycles, ordering.
console.log(JSON.stringify({ a: 1, b: "s", c: null, d: true, e: [1, "x", null], f: { g: {} } }));
console.log(JSON.stringify(undefined), JSON.stringify(() => {}), JSON.stringify(Symbol()), JSON.stringify(null), JSON.stringify("str"), JSON.stringify(42));
console.log(JSON.stringify([undefined, () => {}, Symbol(), NaN, Infinity, -0, new Date(0)]));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol(), [Symbol("k")]: 1, n: NaN, i: -Infinity, z: -0 }));
console.log(JSON.stringify("\u0000\u001f\u007f\"\\/\b\f\n\r\t\u2028\u2029\ud800\udc00\udc00é"));
console.log(JSON.stringify(new String("boxed")), JSON.stringify(new Number(3)), JSON.stringify(new Boolean(false)), JSON.stringify(Object(Symbol())));
console.log(JSON.stringify({ 2: "two", b: "b", 1: "one", a: "a" }));
// indent
const v = { a: [1, { b: 2 }], c: "d", e: [], f: {} };
console.log(JSON.stringify(v, null, 2));
console.log(JSON.stringify(v, null, "--"));
console.log(JSON.stringify([1, [2]], null, 20) === JSON.stringify([1, [2]], null, 10), JSON.stringify({ a: 1 }, null, "abcdefghijklmnop"));
console.log(JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, ""), JSON.stringify({ a: 1 }, null, new Number(1)), JSON.stringify({ a: 1 }, null, -5));
// replacer function: called with holder as this, key "" first
const calls = [];
const out = JSON.stringify({ x: 1, y: { z: 2 }, arr: [3] }, function (k, val) {
  calls.push(`${JSON.stringify(k)}:${typeof val}:${Array.isArray(this) ? "arr" : typeof this}`);
  return typeof val === "number" ? val * 10 : val;
});
console.log(out, calls.join(" "));
console.log(JSON.stringify({ keep: 1, drop: 2 }, (k, v) => (k === "drop" ? undefined : v)), JSON.stringify([1, 2], (k, v) => (k === "0" ? undefined : v)));
console.log(JSON.stringify(5, (k, v) => (k === "" ? { wrapped: v } : v)));
// replacer array: whitelist and order, numbers converted, duplicates ignored
console.log(JSON.stringify({ b: 1, a: 2, c: { a: 3, d: 4 }, 1: "one" }, ["a", "c", 1, "a", new String("b")]));
// toJSON
const withToJSON = { toJSON(key) { return `toJSON(${key})`; } };
console.log(JSON.stringify({ k: withToJSON, arr: [withToJSON] }), JSON.stringify(withToJSON));
console.log(JSON.stringify(new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 5))), JSON.stringify({ d: new Date(NaN) }));
class Money { constructor(c) { this.cents = c; } toJSON() { return { amount: this.cents / 100, currency: "EUR" }; } }
console.log(JSON.stringify({ price: new Money(1999) }, null, 1));
// cycles throw TypeError
const cyc = { name: "loop" };
cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log("cycle:", e.name, e instanceof TypeError); }
const arrCyc = [1];
arrCyc.push([arrCyc]);
try { JSON.stringify(arrCyc); } catch (e) { console.log("array cycle:", e.name); }
// repeated non-cyclic references are fine
const shared = { s: 1 };
console.log(JSON.stringify({ a: shared, b: shared, c: [shared, shared] }));
// non-enumerable and inherited properties are skipped, getters are called
const proto = { inherited: 1 };
const obj = Object.create(proto, { own: { value: 2, enumerable: true }, hidden: { value: 3 }, g: { get() { return "got"; }, enumerable: true } });
console.log(JSON.stringify(obj));
// Map/Set serialize as {}
console.log(JSON.stringify({ m: new Map([[1, 2]]), s: new Set([1]), r: /re/g, e: new Error("msg") }));
// arrays with holes and extra props
const holes = [1, , 3];
holes.extra = "ignored";
console.log(JSON.stringify(holes), JSON.stringify(new Array(3)), JSON.stringify({ length: 1, 0: "a" }));
// typed arrays serialize as objects
console.log(JSON.stringify(new Uint8Array([1, 2])), JSON.stringify([new Float64Array([0.5])]));
