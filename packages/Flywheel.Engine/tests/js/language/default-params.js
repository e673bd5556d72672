// Default parameters: evaluated at call time, left to right, only for undefined.
function f(a = 1, b = a * 2, c = a + b) { return [a, b, c]; }
console.log(f(), f(10), f(1, 1), f(undefined, 5), f(null), f(0, undefined, 0));

let calls = 0;
function counter() { return ++calls; }
function g(x = counter()) { return x; }
console.log(g(), g(), g(100), calls);

function h(a, b = () => a) { a = 5; return b(); }
console.log(h(1));

function scopeSeparate(a, b = () => a) { var a = 9; return [a, b()]; }
console.log(scopeSeparate(1));

function objDefault({ x = 1, y = 2 } = {}) { return x + y; }
console.log(objDefault(), objDefault({ x: 10 }), objDefault({ y: 0, x: 0 }));

function arrDefault([p = "p", q = "q"] = []) { return p + q; }
console.log(arrDefault(), arrDefault(["P"]), arrDefault([undefined, "Q"]));

const arrow = (s = "default", n = s.length) => `${s}:${n}`;
console.log(arrow(), arrow("hi"), arrow("hi", 0));

function refOuter(x = outerVar) { return x; }
var outerVar = "outer";
console.log(refOuter());

function lengths(a, b = 2, c) {}
console.log(lengths.length);

function defaultThis(x = this.v) { return x; }
console.log(defaultThis.call({ v: "from this" }));

function defaultArgs(a, b = arguments.length) { return b; }
console.log(defaultArgs(1), defaultArgs(1, undefined), defaultArgs(1, 2, 3));

function throwsDefault(x = (() => { throw new RangeError("bad default"); })()) { return x; }
try { throwsDefault(); } catch (e) { console.log(e.name, e.message); }
console.log(throwsDefault("given"));

class K { constructor(name = "anon", tags = []) { this.name = name; this.tags = tags; } }
const k1 = new K(), k2 = new K();
k1.tags.push("t");
console.log(k1.name, k1.tags, k2.tags);
