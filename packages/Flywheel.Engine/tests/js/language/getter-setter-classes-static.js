// Accessors across static and instance sides, inherited static accessors, accessor-to-data
// redefinition, and Object.defineProperty on class prototypes at run time.
class Temperature {
  static #scale = "C";
  static get scale() { return Temperature.#scale; }
  static set scale(s) { if (s !== "C" && s !== "F") throw new RangeError("bad scale " + s); Temperature.#scale = s; }
  #c;
  constructor(c) { this.#c = c; }
  get value() { return Temperature.scale === "C" ? this.#c : this.#c * 9 / 5 + 32; }
  set value(v) { this.#c = Temperature.scale === "C" ? v : (v - 32) * 5 / 9; }
}
const t = new Temperature(100);
console.log(t.value, Temperature.scale);
Temperature.scale = "F";
console.log(t.value);
t.value = 32;
Temperature.scale = "C";
console.log(t.value);
try { Temperature.scale = "K"; } catch (e) { console.log(e.name, e.message); }
class Sub extends Temperature {}
console.log(Sub.scale, Object.getOwnPropertyDescriptor(Sub, "scale"), typeof Object.getOwnPropertyDescriptor(Temperature, "scale").get);
// adding accessors to a prototype after instances exist
class Plain { constructor() { this.base = 2; } }
const p = new Plain();
Object.defineProperty(Plain.prototype, "double", { get() { return this.base * 2; }, configurable: true });
console.log(p.double);
Object.defineProperty(Plain.prototype, "double", { value: "now data", configurable: true });
console.log(p.double);
// own data property shadows prototype accessor only when defined, not when assigned
class Acc { get x() { return "accessor"; } set x(v) { this.setTo = v; } }
const a = new Acc();
a.x = 5;
console.log(a.x, a.setTo);
Object.defineProperty(a, "x", { value: "own data", writable: true, enumerable: true, configurable: true });
console.log(a.x, Object.keys(a));
// getters are not called by Object.keys/hasOwn/in
let calls = 0;
class Lazy { get expensive() { calls++; return 1; } }
const l = new Lazy();
console.log(Object.keys(l), "expensive" in l, Object.hasOwn(l, "expensive"), calls);
// static accessors with inheritance see this as the subclass
class Registry { static get registryName() { return "registry of " + this.name; } }
class UserRegistry extends Registry {}
console.log(Registry.registryName, UserRegistry.registryName);
