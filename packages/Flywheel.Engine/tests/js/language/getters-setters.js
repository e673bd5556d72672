// Accessor properties on plain objects: definition styles, inheritance, this, counts.
let reads = 0;
const o = {
  _v: 1,
  get v() { reads++; return this._v; },
  set v(x) { this._v = x; },
  get computedProp() { return this._v * 100; },
};
o.v; o.v; o.v = 5;
console.log(o.v, reads, o.computedProp);
// defineProperty accessor
const p = {};
let backing = "init";
Object.defineProperty(p, "prop", { get: () => backing, set: v => { backing = v.toUpperCase(); }, enumerable: true, configurable: true });
p.prop = "changed";
console.log(p.prop, backing, Object.keys(p));
// getter on prototype, receiver is instance
const proto = { get desc() { return "I am " + this.name; } };
const a = Object.create(proto, { name: { value: "a" } });
const b = Object.create(proto, { name: { value: "b" } });
console.log(a.desc, b.desc);
// setter on prototype prevents own property creation
const guarded = Object.create({ set x(v) { this.log = (this.log || "") + v; } });
guarded.x = 1; guarded.x = 2;
console.log(Object.keys(guarded), guarded.log, Object.hasOwn(guarded, "x"));
// getter that throws
const thrower = { get boom() { throw new Error("getter threw"); } };
try { thrower.boom; } catch (e) { console.log(e.message); }
// accessor in JSON.stringify and spread invokes getter
const j = { get g() { return "gv"; }, plain: 1 };
console.log(JSON.stringify(j), { ...j }.g, Object.assign({}, j).g);
// Object.entries invokes getters
let calls = 0;
const counting = { get a() { return ++calls; }, get b() { return ++calls; } };
console.log(Object.entries(counting), Object.values(counting), calls);
// getters for derived values and caching
class Rect {
  constructor(w, h) { this.w = w; this.h = h; }
  get area() { return this.w * this.h; }
  set area(a) { const r = Math.sqrt(a / this.area); this.w *= r; this.h *= r; }
}
const r = new Rect(2, 8);
r.area = 64;
console.log(r.w, r.h, r.area);
// getter with numeric and symbol names
const sym = Symbol("sym");
const odd = { get 0() { return "zero"; }, get [sym]() { return "symbol getter"; } };
console.log(odd[0], odd[sym]);
// delete accessor
delete o.v;
console.log(o.v, "v" in o);
// accessor property descriptor get/set names
const d = Object.getOwnPropertyDescriptor(p, "prop");
console.log(d.get.name, d.set.name, Object.getOwnPropertyDescriptor(j, "g").get.name);
