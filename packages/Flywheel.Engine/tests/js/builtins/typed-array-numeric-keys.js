// Typed arrays handle every canonical numeric string key ("-1", "1.5", "NaN", "-0", "Infinity",
// "1e+21", …) as an integer index: never an ordinary property, never looked up on the prototype.
const t = new Int8Array(2);
Object.prototype[5] = "P"; Object.prototype["-1"] = "M"; Object.prototype["1.5"] = "F";
Object.prototype.NaN = "N"; Object.prototype.foo = "foo";
console.log(t[5], t[-1], t[1.5], t[NaN], t.NaN, t.foo, t["-0"], t[-0], t["1e21"], t["1e+21"]);
console.log(5 in t, "-1" in t, "1.5" in t, "NaN" in t, "foo" in t, "-0" in t, "0" in t, 0 in t, Reflect.has(t, "Infinity"));
// Named loads through an inline cache, on the receiver and through the prototype chain.
function readNaN(o) { return o.NaN; }
for (let i = 0; i < 5; i++) console.log(readNaN(t), readNaN({}), readNaN(Object.create(t)));
for (const k of ["-1", "1.5", "NaN", "-0", "Infinity", "-Infinity", "1e-7", "4294967295", "0.0000001", "01", "+1", " 1", "1e21"]) {
  t[k] = 7;
  console.log(JSON.stringify(k), t[k], k in t, Object.keys(t).length, delete t[k]);
}
delete Object.prototype[5]; delete Object.prototype["-1"]; delete Object.prototype["1.5"];
delete Object.prototype.NaN; delete Object.prototype.foo;
console.log(Object.keys(t), Object.getOwnPropertyNames(t));
// Conversions still happen when the index is invalid.
let calls = 0;
t[-1] = { valueOf() { calls++; return 1; } };
t[0] = { valueOf() { calls++; return 3; } };
console.log(calls, t[0]);
// Strict-mode writes to invalid indices do not throw.
(function () { "use strict"; t[9] = 1; t["-1"] = 3; t[1.5] = 2; console.log("strict writes ok", t); })();
// Descriptors and [[DefineOwnProperty]].
console.log(Object.getOwnPropertyDescriptor(t, 0), Object.getOwnPropertyDescriptor(t, "-0"), Object.getOwnPropertyDescriptor(t, 2));
console.log(delete t[0], delete t[5], delete t["-0"], delete t["-1"], delete t.foo);
for (const [k, d] of [["-1", { value: 1 }], ["0", { value: 1, configurable: false }], ["0", { get() { return 1; } }],
                      ["0", { value: 1, enumerable: false }], ["0", { value: 1, writable: false }], ["1", { value: 42 }], ["1.5", { value: 1 }]]) {
  try { Object.defineProperty(t, k, d); console.log("defined", k, t[k]); } catch (e) { console.log(k, e.name, e.message); }
  console.log(Reflect.defineProperty(t, k, d));
}
try { (function () { "use strict"; delete t[0]; })(); } catch (e) { console.log(e.name); }
// A typed array as a prototype: valid indices are set on the receiver, invalid ones are dropped.
const child = Object.create(t);
child[-1] = 3; child[0] = 4; child[7] = 5; child[1.5] = 6; child.x = 1;
console.log(Object.keys(child), t[0], child[0], child[-1], child[7], "-1" in child, 7 in child);
console.log(Reflect.set(t, 0, 99, child), child[0], t[0], Reflect.set(t, 5, 1, child), Reflect.set(t, "-1", 1, {}));
// Seal and freeze.
const e = new Float64Array(0), f = new Float64Array(2);
Object.freeze(e);
console.log(Object.isFrozen(e), Object.isSealed(e));
try { Object.freeze(f); } catch (err) { console.log(err.name, err.message, Object.isExtensible(f)); }
const s = new Uint8Array(2);
Object.seal(s);
s[0] = 9;
console.log(Object.isSealed(s), Object.isFrozen(s), s[0], Object.isExtensible(s));
// %TypedArray%
const TA = Object.getPrototypeOf(Int8Array);
console.log(TA.name, TA.length, TA.prototype === Object.getPrototypeOf(Uint8Array.prototype), TA.prototype.constructor === TA,
  Object.getOwnPropertyNames(Int8Array).sort(), typeof TA.from, Float32Array.from([1, 2]), Uint16Array.of(3, 4));
try { new TA(); } catch (err) { console.log(err.name, err.message); }
try { TA(); } catch (err) { console.log(err.name, err.message); }
class MyBytes extends Uint8Array {}
console.log(MyBytes.from([1, 2]) instanceof MyBytes, MyBytes.of(5).length, Object.getPrototypeOf(MyBytes) === Uint8Array);
