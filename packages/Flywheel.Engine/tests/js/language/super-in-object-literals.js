// super in object-literal methods: [[HomeObject]] binding, setPrototypeOf after creation, super
// property get/set, super in getters and in nested arrows, and methods copied to other objects.
const base = {
  greet() { return "base greet from " + this.name; },
  get title() { return "base title"; },
  counter: 0,
};
const mid = {
  __proto__: base,
  name: "mid",
  greet() { return "mid > " + super.greet(); },
  get title() { return "mid > " + super.title; },
  bump() { super.counter = (super.counter || 0) + 1; return [this.counter, Object.hasOwn(this, "counter"), base.counter]; },
  arrowSuper() { return (() => super.greet())(); },
};
console.log(mid.greet(), mid.title, mid.bump(), mid.arrowSuper());
const leaf = { __proto__: mid, name: "leaf", greet() { return "leaf > " + super.greet(); } };
console.log(leaf.greet(), leaf.title);
// HomeObject is fixed at creation: borrowing the method keeps the original super
const borrower = { name: "borrower", greet: leaf.greet };
console.log(borrower.greet());
// changing the prototype of the home object changes what super sees
Object.setPrototypeOf(mid, { greet() { return "replacement proto greet for " + this.name; }, title: "plain data title" });
console.log(leaf.greet(), mid.title);
// super in static and instance class methods vs object literal methods
class K { static who() { return "K"; } who() { return "k instance"; } }
const withClassProto = { __proto__: K.prototype, who() { return "literal > " + super.who(); } };
console.log(withClassProto.who());
// super property access with computed keys and symbols
const sym = Symbol("s");
const p = { [sym]() { return "symbol method"; }, dyn: "dynamic value" };
const c = { __proto__: p, [sym]() { return "child > " + super[sym](); }, read(k) { return super[k]; } };
console.log(c[sym](), c.read("dyn"), c.read("missing"));
// super call of a method that uses this
const counterProto = { inc() { this.n = (this.n || 0) + 1; return this.n; } };
const counter = { __proto__: counterProto, inc() { return super.inc() * 10; } };
console.log(counter.inc(), counter.inc(), counter.n);
