// super.name and super[key] loads of methods, data, absent properties and getters from hot methods.
class A { m(x) { return x + 1; } get g() { return this.k; } static s() { return "S"; } }
A.prototype.data = 5;
A.prototype[3] = "three";
class B extends A {
  constructor() { super(); this.k = 3; }
  m(x) { return super.m(x) * 2 + super.data + (super.missing === undefined ? 1 : 0) + super.g; }
  n(key) { return super[key]; }
  static s() { return "B" + super.s(); }
}
const b = new B();
let s = 0;
for (let i = 0; i < 3000; i++) { s += b.m(i); s += b.n(i % 2 ? "data" : "m") === 5 ? 1 : 0; }
console.log(s, B.s(), typeof b.n(Symbol.iterator), b.n(3), b.n(-1), b.n(1.5), b.n({ toString() { return "data"; } }));
const o = { __proto__: { x: 1, get y() { return this.z; } }, z: 9, f() { return super.x + super.y + String(super.nope); } };
for (let i = 0; i < 100; i++) s += o.f().length;
console.log(s, o.f());
Object.setPrototypeOf(B.prototype, { m() { return 100; }, get data() { return -1; }, get g() { return 0; } });
console.log(b.m(1));
