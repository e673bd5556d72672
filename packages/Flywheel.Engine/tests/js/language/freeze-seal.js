// Object.freeze / seal / preventExtensions and their predicates, sloppy-mode silent failures.
const f = Object.freeze({ a: 1, nested: { b: 2 } });
f.a = 100; f.c = 3; delete f.a;
f.nested.b = 200;
console.log(f, Object.isFrozen(f), Object.isSealed(f), Object.isExtensible(f));
const s = Object.seal({ a: 1 });
s.a = 2; s.b = 3; delete s.a;
console.log(s, Object.isFrozen(s), Object.isSealed(s), Object.isExtensible(s));
console.log(Object.getOwnPropertyDescriptor(s, "a"));
const p = Object.preventExtensions({ a: 1 });
p.b = 2; p.a = 5; delete p.a;
console.log(p, Object.isExtensible(p), Object.isSealed(p), Object.isFrozen(p));
// empty non-extensible object is frozen and sealed
const empty = Object.preventExtensions({});
console.log(Object.isFrozen(empty), Object.isSealed(empty));
// primitives
console.log(Object.isFrozen(1), Object.isSealed("s"), Object.isExtensible(1), Object.freeze(5));
// arrays
const arr = Object.freeze([1, 2, 3]);
try { "use strict"; arr.push(4); } catch (e) { console.log("push frozen:", e.name); }
try { arr.pop(); } catch (e) { console.log("pop frozen:", e.name); }
arr[0] = 9;
console.log(arr, arr.length);
const sealedArr = Object.seal([1, 2]);
sealedArr[0] = "changed";
try { sealedArr.push(3); } catch (e) { console.log("push sealed:", e.name); }
console.log(sealedArr);
// strict mode errors
(function () {
  "use strict";
  for (const [label, fn] of [
    ["write frozen", () => { f.a = 2; }],
    ["add frozen", () => { f.z = 2; }],
    ["delete sealed", () => { delete s.a; }],
    ["add non-extensible", () => { p.q = 1; }],
    ["setPrototypeOf non-extensible", () => Object.setPrototypeOf(p, {})],
  ]) {
    try { fn(); console.log(label, "no error"); } catch (e) { console.log(label, e.name); }
  }
})();
// deep freeze
function deepFreeze(o) {
  Object.values(o).forEach(v => typeof v === "object" && v !== null && deepFreeze(v));
  return Object.freeze(o);
}
const deep = deepFreeze({ a: { b: { c: 1 } } });
deep.a.b.c = 2;
console.log(deep.a.b.c, Object.isFrozen(deep.a.b));
// accessor properties on frozen objects still run setters
let hits = 0;
const acc = Object.freeze({ set x(v) { hits += v; } });
acc.x = 5;
console.log(hits);
// Reflect returns booleans instead of throwing
console.log(Reflect.set(f, "a", 1), Reflect.defineProperty(f, "q", { value: 1 }), Reflect.deleteProperty(f, "a"));
console.log(Reflect.preventExtensions({}), Reflect.isExtensible(f));
