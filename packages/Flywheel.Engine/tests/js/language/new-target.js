// new.target in functions, classes and derived classes; Reflect.construct.
function F() { return new.target === undefined ? "called" : "constructed:" + new.target.name; }
console.log(F(), new F() instanceof F);
function G() { this.nt = new.target; }
console.log(new G().nt === G);
function OnlyNew() { if (!new.target) throw new TypeError("use new"); this.ok = true; }
try { OnlyNew(); } catch (e) { console.log(e.name, e.message); }
console.log(new OnlyNew().ok);
class Base { constructor() { this.created = new.target.name; } }
class Derived extends Base {}
console.log(new Base().created, new Derived().created);
class Abstract {
  constructor() { if (new.target === Abstract) throw new TypeError("abstract"); }
}
class Concrete extends Abstract {}
try { new Abstract(); } catch (e) { console.log(e.message); }
console.log(new Concrete() instanceof Abstract);
// new.target in arrow functions is from the enclosing function
function Outer() { const arrow = () => new.target; return { target: arrow() }; }
console.log(new Outer().target === Outer, Outer().target);
// Reflect.construct with a different newTarget
function Proto() { this.nt = new.target.name; }
function Other() {}
const r = Reflect.construct(Proto, [], Other);
console.log(r.nt, Object.getPrototypeOf(r) === Other.prototype);
// factory using new.target.prototype
class Shape { static make() { return new this(); } describe() { return new.target === undefined; } }
class Circle extends Shape {}
console.log(Circle.make() instanceof Circle, Circle.make().describe());
// new with member expressions and parentheses
const ns = { Klass: class { constructor(v) { this.v = v; } } };
console.log(new ns.Klass(3).v, new ns.Klass().v);
function factory() { return class { constructor() { this.made = true; } }; }
console.log(new (factory())().made);
// new without arguments list
const d = new Base;
console.log(d.created);
// non-constructors
for (const fn of [() => {}, Math.max, { m() {} }.m, function* () {}]) {
  try { new fn(); console.log("constructed?"); } catch (e) { console.log("not a constructor:", e.name); }
}
