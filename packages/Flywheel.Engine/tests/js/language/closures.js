// Closures capture variables (not values), share environments, and outlive their frames.
function makeCounter(start) {
  let count = start;
  return {
    inc() { return ++count; },
    dec() { return --count; },
    peek: () => count,
  };
}
const a = makeCounter(10), b = makeCounter(100);
a.inc(); a.inc(); b.dec();
console.log(a.peek(), b.peek());

// shared environment between closures
function pair() {
  let v = 0;
  return [() => v, x => { v = x; }];
}
const [get, set] = pair();
set(5);
console.log(get());
set("changed");
console.log(get());

// closure in loop with var vs let
var vs = [];
for (var i = 0; i < 3; i++) vs.push(function () { return i; });
console.log(vs.map(f => f()));
var ls = [];
for (let i = 0; i < 3; i++) ls.push(function () { return i; });
console.log(ls.map(f => f()));

// IIFE to capture
var cs = [];
for (var k = 0; k < 3; k++) (function (k) { cs.push(() => k * 10); })(k);
console.log(cs.map(f => f()));

// deep nesting
function l1(x) {
  return function l2(y) {
    return function l3(z) {
      return function l4() { return [x, y, z].join("-"); };
    };
  };
}
console.log(l1("a")("b")("c")());

// memoization
function memo(f) {
  const cache = new Map();
  let calls = 0;
  const g = n => {
    if (cache.has(n)) return cache.get(n);
    calls++;
    const r = f(n);
    cache.set(n, r);
    return r;
  };
  g.calls = () => calls;
  return g;
}
const slowSquare = memo(n => n * n);
console.log(slowSquare(4), slowSquare(4), slowSquare(5), slowSquare.calls());
const fibm = memo(n => (n < 2 ? n : fibm(n - 1) + fibm(n - 2)));
console.log(fibm(80), fibm.calls());

// capturing arguments and this via arrow
function outer() {
  const args = () => arguments[0];
  const self = () => this.tag;
  return [args(), self()];
}
console.log(outer.call({ tag: "T" }, "first"));

// closures over catch parameter and block variables
const catchers = [];
for (let n = 0; n < 2; n++) {
  try { throw n * 3; } catch (e) { catchers.push(() => e); }
}
console.log(catchers.map(f => f()));

// accumulator generator
function acc(total) { return n => (total += n); }
const ac = acc(1);
ac(10);
console.log(ac(0.5));
// counter generator with private state via closure and function property
function once(f) { let done = false, r; return (...xs) => (done ? r : ((done = true), (r = f(...xs)))); }
const init = once((x, y) => { console.log("init ran"); return x + y; });
console.log(init(1, 2), init(5, 5));
