// Private fields and methods (#x): per-class brand, `in` checks, no reflection.
class Counter {
  #count = 0;
  static #instances = 0;
  #log = [];
  constructor() { Counter.#instances++; }
  #record(op) { this.#log.push(op); }
  get #doubled() { return this.#count * 2; }
  inc() { this.#count++; this.#record("inc"); return this; }
  dec() { this.#count--; this.#record("dec"); return this; }
  get value() { return this.#count; }
  get doubled() { return this.#doubled; }
  history() { return this.#log.join(","); }
  static instances() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  equals(other) { return this.#count === other.#count; }
}
const c = new Counter().inc().inc().dec();
console.log(c.value, c.doubled, c.history(), Counter.instances());
console.log(Object.keys(c), JSON.stringify(c), Object.getOwnPropertyNames(c));
console.log(Counter.isCounter(c), Counter.isCounter({}));
console.log(c.equals(new Counter().inc()));
try { c.equals({}); } catch (e) { console.log("foreign object:", e.name); }
try { Counter.prototype.history.call({}); } catch (e) { console.log("brand check:", e.name); }
console.log(c);
// same name in different classes is different
class A { #x = "A"; getA() { return this.#x; } }
class B extends A { #x = "B"; getB() { return this.#x; } }
const b = new B();
console.log(b.getA(), b.getB());
// private methods are not writable
class M {
  #m() { return 1; }
  tryWrite() { try { this.#m = () => 2; } catch (e) { return e.name; } }
}
console.log(new M().tryWrite());
// private setter
class S {
  #v = 0;
  set #value(x) { this.#v = x * 10; }
  setIt(x) { this.#value = x; return this.#v; }
}
console.log(new S().setIt(4));
// private fields initialized in order, before constructor body, after super()
const events = [];
class Base { constructor() { events.push("base ctor"); } }
class Derived extends Base {
  #a = events.push("field #a");
  b = events.push("field b");
  constructor() { events.push("before super"); super(); events.push("after super"); }
}
new Derived();
console.log(events);
// private static methods
class Util { static #helper(x) { return x * x; } static run(x) { return Util.#helper(x); } }
console.log(Util.run(9));
// optional chaining with private
class Opt { #p = "priv"; static get(o) { return o?.#p; } }
console.log(Opt.get(new Opt()), Opt.get(null));
