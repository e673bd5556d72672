// Object literals: shorthand, methods, computed keys, accessors, __proto__, duplicate keys, key order.
const x = 1, y = "two";
const o = { x, y, z: x + 1 };
console.log(o);
const k = "key";
let counter = 0;
const computed = { [k]: 1, [k + "2"]: 2, [`t${1 + 1}`]: 3, [++counter]: "num", [Symbol.for("s")]: "sym" };
console.log(computed, counter);
const methods = {
  plain() { return "plain"; },
  *gen() { yield 1; },
  get g() { return "getter"; },
  set s(v) { this._s = v; },
  "string key"() { return "sk"; },
  42() { return "forty-two"; },
};
methods.s = "set";
console.log(methods.plain(), [...methods.gen()], methods.g, methods._s, methods["string key"](), methods[42]());
console.log(Object.keys(methods));
// key order: integer keys ascending, then strings in insertion order, then symbols
const order = { b: 1, 2: 1, a: 1, 1: 1, [Symbol("z")]: 1, "-1": 1, "01": 1, 10: 1, 1.5: 1 };
console.log(Object.keys(order), Reflect.ownKeys(order).length);
// duplicate keys: last wins, position of first
const dup = { a: 1, b: 2, a: 3 };
console.log(dup, Object.keys(dup));
// __proto__ in literal sets prototype; computed does not
const proto = { inherited: "yes" };
const withProto = { __proto__: proto, own: 1 };
console.log(withProto.inherited, Object.keys(withProto), Object.getPrototypeOf(withProto) === proto);
const computedProto = { ["__proto__"]: proto };
console.log(Object.getPrototypeOf(computedProto) === Object.prototype, Object.keys(computedProto));
const nullProto = { __proto__: null };
console.log(Object.getPrototypeOf(nullProto), typeof nullProto.toString);
// numeric-like keys are strings
const nums = { 1: "a", 1.0: "b", "1": "c", 0x10: "hex", 1e3: "exp" };
console.log(nums, Object.keys(nums));
// methods have no prototype and are not constructors
console.log(methods.plain.prototype, typeof methods.gen.prototype);
// getter and setter pairing
const acc = { _v: 1, get v() { return this._v; }, set v(n) { this._v = n * 2; } };
acc.v = 5;
console.log(acc.v, Object.getOwnPropertyDescriptor(acc, "v").get.name);
// trailing commas and nested literals
const nested = { a: { b: { c: [1, { d: "deep" }] } }, };
console.log(nested.a.b.c[1].d, JSON.stringify(nested));
// computed key ToPropertyKey calls toString
const keyObj = { toString() { return "fromToString"; } };
console.log({ [keyObj]: 1 });
// reserved words as keys
const reserved = { if: 1, class: 2, new: 3, function: 4, null: 5, true: 6 };
console.log(reserved.if + reserved.class + reserved.new + reserved.function + reserved.null + reserved.true);
