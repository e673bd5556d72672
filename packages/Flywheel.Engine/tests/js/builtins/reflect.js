// Reflect: the function forms of the object operations, with boolean results instead of throws.
const o = { a: 1 };
console.log(Reflect.has(o, "a"), Reflect.has(o, "toString"), Reflect.get(o, "a"), Reflect.set(o, "b", 2), o);
console.log(Reflect.ownKeys({ b: 1, [Symbol.for("s")]: 2, 1: 3, a: 4 }), Reflect.getPrototypeOf([]) === Array.prototype);
console.log(Reflect.defineProperty(o, "c", { value: 3 }), Reflect.getOwnPropertyDescriptor(o, "c"), Reflect.deleteProperty(o, "c"), Reflect.deleteProperty(o, "a"), o);
const frozen = Object.freeze({ x: 1 });
console.log(Reflect.set(frozen, "x", 2), Reflect.defineProperty(frozen, "y", { value: 1 }), Reflect.deleteProperty(frozen, "x"), Reflect.isExtensible(frozen));
console.log(Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.set(o, "new", 1), Reflect.setPrototypeOf(o, null), Reflect.setPrototypeOf({}, null));
// receivers for getters and setters
const withAccessors = { _v: "own", get v() { return this._v; }, set v(x) { this._v = x; } };
const receiver = { _v: "receiver" };
console.log(Reflect.get(withAccessors, "v", receiver), Reflect.set(withAccessors, "v", "set via", receiver), receiver._v, withAccessors._v);
// apply and construct
console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function () { return this; }, "s", []).length, Reflect.apply(String.prototype.slice, "hello", [1, 3]));
class A { constructor(x) { this.x = x; this.nt = new.target.name; } }
class B {}
const c1 = Reflect.construct(A, [7]), c2 = Reflect.construct(A, [8], B);
console.log(c1, c2.x, c2.nt, c2 instanceof B, c2 instanceof A);
for (const [label, f] of [["apply non-callable", () => Reflect.apply(1, null, [])], ["construct arrow", () => Reflect.construct(() => {}, [])], ["get on primitive", () => Reflect.get(1, "x")], ["ownKeys on string", () => Reflect.ownKeys("s")], ["args not array-like", () => Reflect.apply(Math.max, null, 5)]]) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name); }
}
console.log(Object.prototype.toString.call(Reflect), typeof Reflect, Object.keys(Reflect).length, Reflect.ownKeys(Reflect).filter(k => typeof k === "string").sort().join(","));
