// Function.prototype.call/apply/bind, name and length of bound functions, bound constructors.
function show(...args) { return `${this === undefined ? "undef" : this === globalThis ? "global" : JSON.stringify(this)}|${args.join(",")}`; }
function showStrict() { "use strict"; return `${String(this)}|${[...arguments].join(",")}`; }
console.log(show.call({ a: 1 }, 1, 2), show.apply({ b: 2 }, [3, 4]), show.call(), show.apply(null));
console.log(showStrict.call(undefined), showStrict.call(null), showStrict.apply(5, [1]));
console.log(show.apply({ c: 3 }, { length: 2, 0: "x", 1: "y" }), show.apply(null, undefined));
try { show.apply(null, 1); } catch (e) { console.log("apply non-object:", e.name); }
console.log(Math.max.apply(null, [1, 5, 3]), Array.prototype.join.call("abc", "-"));
// bind
const bound = show.bind({ bound: true }, "p1");
console.log(bound("p2"), bound.call({ ignored: true }, "p3"), bound.name, bound.length);
const bb = bound.bind({ again: true }, "p4");
console.log(bb("p5"), bb.name);
function three(a, b, c) {}
console.log(three.bind(null).length, three.bind(null, 1).length, three.bind(null, 1, 2, 3, 4).length);
// bound constructor ignores bound this, keeps args
function Pt(x, y) { this.x = x; this.y = y; }
const BoundPt = Pt.bind({ ignored: true }, 10);
const bp = new BoundPt(20);
console.log(bp.x, bp.y, bp instanceof Pt, bp instanceof BoundPt, BoundPt.prototype);
// call with more/fewer args
function pair(a, b) { return [a, b]; }
console.log(pair.call(null), pair.call(null, 1, 2, 3));
// Function.prototype properties
console.log(typeof Function.prototype.call, Function.prototype.length, Function.prototype.name === "");
console.log(Function.prototype.call.length, Function.prototype.apply.length, Function.prototype.bind.length);
try { Function.prototype.call.call(1); } catch (e) { console.log("call on non-function:", e.name); }
try { Function.prototype.bind.call({}); } catch (e) { console.log("bind non-function:", e.name); }
// method borrowing
const arrayLike = { 0: "a", 1: "b", length: 2 };
console.log(Array.prototype.map.call(arrayLike, s => s.toUpperCase()), Array.prototype.slice.call(arrayLike, 1));
// partial application utility
const partial = (f, ...pre) => (...rest) => f(...pre, ...rest);
console.log(partial(Math.min, 5)(3, 9), partial((a, b, c) => a + b + c, "x", "y")("z"));
// Symbol.hasInstance on Function.prototype
console.log(Function.prototype[Symbol.hasInstance].call(Pt, bp), ["length", "name", "prototype"].map(k => Object.hasOwn(three, k)));
// arrow functions ignore bound this
const arrow = () => typeof this;
console.log(arrow.bind({ x: 1 })(), arrow.call(5));
