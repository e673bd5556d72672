// Getters and setters on prototypes called from hot sites: results, assigned values, receivers,
// arguments, new.target, throws caught around the access, recursion to the stack limit, redefinition.
class A { constructor(x) { this._x = x; } get x() { return this._x * 2; } set x(v) { this._x = v + 1; return 99; } }
class B extends A { constructor(x) { super(x); this.extra = 1; } get y() { return this.x + 1; } }
let s = 0;
const b = new B(3);
for (let i = 0; i < 2000; i++) { s += b.x; s += b.y; const r = (b.x = i); s += r; }
console.log(s, b._x);

class T { constructor() { this.n = 0; } get bad() { this.n++; if (this.n % 3 === 0) throw new Error("boom " + this.n); return this.n; } set bad(v) { if (v % 4 === 0) throw new TypeError("set " + v); this.n = v; } }
const t = new T();
let caught = [], sum = 0;
for (let i = 0; i < 100; i++) {
  try { sum += t.bad; } catch (e) { caught.push(e.message); }
  try { t.bad = i; } catch (e) { caught.push(e.name); }
}
console.log(sum, caught.length, caught.slice(-4).join());

class R { constructor() { this.n = 0; } get deep() { this.n++; return this.deep; } }
const rr = new R();
try { rr.deep; } catch (e) { console.log(e instanceof RangeError, rr.n > 10); }

function Sloppy() {}
Object.defineProperty(Sloppy.prototype, "who", {
  get: function () { return typeof this + ":" + (this instanceof Sloppy) + ":" + arguments.length + ":" + String(new.target); },
  set: function (v) { this.log = typeof this + ":" + arguments.length + ":" + arguments[0] + ":" + String(new.target); },
});
const so = new Sloppy();
let who;
for (let i = 0; i < 40; i++) { who = so.who; so.who = i; }
console.log(who, so.log);

class P { get v() { return 1; } set w(x) { this.last = x; } }
const ps = [new P(), new P(), Object.create(P.prototype)];
let total = 0;
const log = [];
for (let i = 0; i < 400; i++) {
  const o = ps[i % 3];
  total += o.v;
  o.w = i;
  if (i === 100) Object.defineProperty(P.prototype, "v", { get() { return 10; }, configurable: true });
  if (i === 150) Object.defineProperty(P.prototype, "v", { value: 100, configurable: true });
  if (i === 200) Object.defineProperty(P.prototype, "v", { get: () => 1000, configurable: true });
  if (i === 250) Object.defineProperty(P.prototype, "w", { set: undefined, configurable: true });
  if (i === 300) { Object.defineProperty(ps[0], "v", { value: -1 }); Object.setPrototypeOf(ps[1], { get v() { return 7; } }); }
  if (i === 350) Object.defineProperty(P.prototype, "w", { set(x) { log.push(x); }, configurable: true });
}
console.log(total, log.length, ps[2].last);

function f() { "use strict"; const o = new A(1); let r; for (let i = 0; i < 20; i++) r = (o.x = i * 2); return r + ":" + o._x; }
console.log(f());
