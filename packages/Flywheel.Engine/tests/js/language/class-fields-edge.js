// Class field details: initializer this, computed keys evaluated once at class definition,
// fields shadowing accessors, arrow fields, field order with inheritance, symbols as field names.
let evaluations = 0;
const key = () => { evaluations++; return "computed" + evaluations; };
class A {
  [key()] = "first";
  [key()] = "second";
  plain = this.constructor.name;
  arrow = () => this.plain;
  static sfield = "static " + this.name;
}
const a1 = new A(), a2 = new A();
console.log(Object.keys(a1), evaluations, a1.computed1, a2.computed2, a1.plain, a1.arrow.call(null), A.sfield);
console.log(a1.arrow !== a2.arrow, Object.hasOwn(a1, "arrow"), Object.hasOwn(A.prototype, "arrow"));
// fields are defined (not assigned): setters on the prototype are not called
class WithSetter { set x(v) { console.log("setter called", v); } }
class FieldShadows extends WithSetter { x = "field"; }
const fs = new FieldShadows();
console.log(fs.x, Object.getOwnPropertyDescriptor(fs, "x").writable);
// field initializers run per instance after super()
class Base { constructor() { this.fromBase = this.describe(); } describe() { return "base sees " + this.field; } }
class Derived extends Base { field = "derived field"; describe() { return "derived sees " + this.field; } }
const d = new Derived();
console.log(d.fromBase, d.field);
// symbol field names and private names with the same text
const sym = Symbol("fieldSym");
class S { [sym] = 1; #same = 2; same = 3; getPriv() { return this.#same; } }
const s = new S();
console.log(s[sym], s.same, s.getPriv(), Object.getOwnPropertySymbols(s).length);
// initializer referencing earlier fields and arguments is not allowed, but earlier fields are
class Chain { a = 1; b = this.a + 1; c = this.b * 10; }
console.log(new Chain());
// fields with function values get names
class Named { fn = function () {}; arrowFn = () => {}; ["comp" + "uted"] = () => {}; }
const n = new Named();
console.log(n.fn.name, n.arrowFn.name, n.computed.name);
// static fields and static this
class Counter { static count = 0; static inc = () => ++this.count; }
Counter.inc(); Counter.inc();
console.log(Counter.count);
// instance field named constructor is not allowed but 'constructor' string as static is fine as a method name
class Weird { "constructor"() { this.made = true; } }
console.log(new Weird().made);
// class expression in field initializer
class Outer { inner = class Inner { who() { return "inner"; } }; }
console.log(new (new Outer().inner)().who());
