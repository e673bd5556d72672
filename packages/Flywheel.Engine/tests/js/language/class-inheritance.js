// extends, super calls, super property access, overriding, inheritance of statics.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get kind() { return "animal"; }
  static create(name) { return new this(name); }
  static describe() { return "Animal class"; }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return super.speak() + " (woof)"; }
  get kind() { return "dog/" + super.kind; }
  static describe() { return super.describe() + " > Dog"; }
}
const d = new Dog("Rex", "lab");
console.log(d.speak(), d.kind, d.breed);
console.log(Dog.describe(), Dog.create("Fido") instanceof Dog, Dog.create("Fido").speak());
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log(Object.getPrototypeOf(Dog) === Animal, Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
// this before super
class Bad extends Animal { constructor() { this.x = 1; super("x"); } }
try { new Bad(); } catch (e) { console.log("this before super:", e.name); }
class NoSuper extends Animal { constructor() {} }
try { new NoSuper(); } catch (e) { console.log("missing super:", e.name); }
class ReturnsObj extends Animal { constructor() { return { replaced: true }; } }
console.log(new ReturnsObj());
// default derived constructor passes all arguments
class Cat extends Animal {}
console.log(new Cat("Tom").name, Cat.length);
// three levels and method resolution
class A { who() { return "A"; } chain() { return ["A"]; } }
class B extends A { who() { return "B"; } chain() { return [...super.chain(), "B"]; } }
class C extends B { chain() { return [...super.chain(), "C"]; } }
console.log(new C().who(), new C().chain());
// extends null
class Nothing extends null { constructor() { return Object.create(Nothing.prototype); } }
console.log(Object.getPrototypeOf(Nothing.prototype), new Nothing() instanceof Nothing);
// extends expression
function mixin(Base) { return class extends Base { mixed() { return "mixed into " + super.who(); } }; }
class M extends mixin(B) {}
console.log(new M().mixed());
try { class X extends 5 {} } catch (e) { console.log("extends number:", e.name); }
// extending old-style constructor functions
function Legacy(v) { this.v = v; }
Legacy.prototype.get = function () { return this.v; };
class Modern extends Legacy { get() { return "modern " + super.get(); } }
console.log(new Modern(7).get());
// super in object literals
const base = { hi() { return "base hi"; } };
const derived = { __proto__: base, hi() { return super.hi() + " + derived"; } };
console.log(derived.hi());
// super property assignment sets on this
class P { }
class Q extends P { setIt() { super.field = 5; return Object.keys(this); } }
console.log(new Q().setIt());
// static inheritance and this in static
class S1 { static count = 0; static inc() { return ++this.count; } }
class S2 extends S1 {}
S1.inc(); S2.inc(); S2.inc();
console.log(S1.count, S2.count, Object.hasOwn(S2, "count"));
