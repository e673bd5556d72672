// Prototype chains: lookup, shadowing, Object.create, setPrototypeOf, constructor functions.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " speaks"; };
Animal.prototype.legs = 4;
function Bird(name) { Animal.call(this, name); }
Bird.prototype = Object.create(Animal.prototype);
Bird.prototype.constructor = Bird;
Bird.prototype.legs = 2;
Bird.prototype.fly = function () { return this.name + " flies"; };
const b = new Bird("tweety");
console.log(b.speak(), b.fly(), b.legs, b instanceof Animal, b.constructor.name);
console.log(Object.keys(b), "speak" in b, b.hasOwnProperty("speak"), Object.hasOwn(b, "name"));
// shadowing and deleting
b.legs = 1;
console.log(b.legs);
delete b.legs;
console.log(b.legs);
// changing the prototype object affects existing instances
Animal.prototype.eat = function () { return "eating"; };
console.log(b.eat());
// Object.create with descriptors
const o = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } });
console.log(o.inherited, o.own, o.hidden, Object.keys(o));
const bare = Object.create(null);
bare.x = 1;
console.log(Object.getPrototypeOf(bare), "toString" in bare, Object.keys(bare));
// setPrototypeOf and cycles
const p1 = { a: 1 }, p2 = { b: 2 };
Object.setPrototypeOf(p1, p2);
console.log(p1.b);
try { Object.setPrototypeOf(p2, p1); } catch (e) { console.log("cycle:", e.name); }
// __proto__ accessor
const q = {};
q.__proto__ = { viaProto: true };
console.log(q.viaProto, Object.prototype.hasOwnProperty.call(Object.prototype, "__proto__"));
// isPrototypeOf and instanceof with Symbol.hasInstance default
console.log(Animal.prototype.isPrototypeOf(b), Object.prototype.isPrototypeOf(b), Bird.prototype.isPrototypeOf(new Animal("x")));
// prototype of primitives
console.log(Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf("s") === String.prototype);
console.log(Object.getPrototypeOf(Object.prototype), Object.getPrototypeOf(Function.prototype) === Object.prototype);
console.log(typeof Function.prototype, Function.prototype(), Object.getPrototypeOf(Array.prototype) === Object.prototype);
// setters on the prototype chain intercept assignment
const withSetter = { set v(x) { this.setVia = x; } };
const inheritor = Object.create(withSetter);
inheritor.v = 5;
console.log(Object.keys(inheritor), inheritor.setVia);
// non-writable on prototype blocks assignment (sloppy: silently)
const ro = Object.create(Object.defineProperty({}, "fixed", { value: "proto", writable: false }));
ro.fixed = "own";
console.log(ro.fixed, Object.keys(ro));
// for-in walks the chain
const chain = Object.create({ up: 1 });
chain.down = 2;
const seen = [];
for (const k in chain) seen.push(k);
console.log(seen);
// instanceof with changed prototype
function K() {}
const kk = new K();
K.prototype = {};
console.log(kk instanceof K);
