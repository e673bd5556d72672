// Getters and setters in classes: validation, computed names, inheritance, descriptors.
class Temperature {
  #celsius = 0;
  get celsius() { return this.#celsius; }
  set celsius(v) {
    if (typeof v !== "number") throw new TypeError("not a number");
    this.#celsius = v;
  }
  get fahrenheit() { return this.#celsius * 9 / 5 + 32; }
  set fahrenheit(f) { this.#celsius = (f - 32) * 5 / 9; }
}
const t = new Temperature();
t.celsius = 100;
console.log(t.celsius, t.fahrenheit);
t.fahrenheit = 32;
console.log(t.celsius);
try { t.celsius = "hot"; } catch (e) { console.log(e.name, e.message); }
const desc = Object.getOwnPropertyDescriptor(Temperature.prototype, "celsius");
console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
// getter only: assignment silently ignored in sloppy? No — class code is strict, but the
// assignment here is at top level (sloppy), so it is ignored.
class ReadOnly { get value() { return 42; } }
const r = new ReadOnly();
r.value = 1;
console.log(r.value);
// setter only: get returns undefined
class WriteOnly { set value(v) { this.stored = v; } }
const w = new WriteOnly();
w.value = 5;
console.log(w.value, w.stored);
// computed accessor names
const prop = "dynamic";
class Dyn { get [prop]() { return "got " + prop; } static get [prop + "Static"]() { return "static"; } }
console.log(new Dyn().dynamic, Dyn.dynamicStatic);
// overriding only the getter hides the inherited setter
class Parent { get x() { return "parent get"; } set x(v) { this._x = v; } }
class Child extends Parent { get x() { return "child get"; } }
const c = new Child();
c.x = 1;
console.log(c.x, c._x);
// accessors calling super accessors
class Child2 extends Parent {
  get x() { return "child2 over " + super.x; }
  set x(v) { super.x = v * 2; }
}
const c2 = new Child2();
c2.x = 21;
console.log(c2.x, c2._x);
// lazy getter that redefines itself
class Lazy {
  get expensive() {
    const value = [1, 2, 3].reduce((a, b) => a + b);
    Object.defineProperty(this, "expensive", { value, writable: false });
    return value;
  }
}
const lz = new Lazy();
console.log(lz.expensive, lz.expensive, Object.keys(lz));
