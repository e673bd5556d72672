// console.log marks a circular object <ref *N> only where it prints it in full, never at the depth limit ([Object]).
const o = { a: 1 }; o.self = o;
const deep = { l1: { l2: { l3: o } }, o };
console.log(deep);
console.log([o, [[[o]]]]);
const p = { x: { y: { z: {} } } }; p.x.y.back = p; console.log(p, [p]);
console.log({ k: [deep] });
{ const trace = [];
const o0 = { 2: 1000, x: null };
const a1 = [[[]], o0, 49, trace];
const a3 = [a1, o0?.[2]?.length, o0, a1.slice(3).length];
o0.d = a1;
{ class A38 { constructor(v) { this.v = v; } get g() { return this.v ?? 7; } set g(x) { this.v = x; } m(k) { return this.v + k; } static s(x) { return x + 1; } } class B39 extends A38 { constructor(v) { super(v); this.w = a3; } m(k) { return super.m(k) + this.w; } get g() { return super.g; } } let t41 = 0; for (let i40 = 0; i40 < 7; i40++) { const o = i40 % 2 ? new A38(i40) : new B39(7); t41 = t41 + o.m(i40) + o.g; if (i40 % 3 === 0) o.g = i40; } console.log("p37", t41, A38.s(a1), new B39(o0), B39.s(1), Object.keys(new B39(2))); }
 }
