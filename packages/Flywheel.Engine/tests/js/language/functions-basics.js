// Function declarations, expressions, name and length, return values, recursion.
function add(a, b) { return a + b; }
const sub = function (a, b) { return a - b; };
const named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(add(2, 3), sub(2, 3), named(10));
console.log(add.name, sub.name, named.name, typeof fact);
console.log(add.length, sub.length, (function (a, b = 1, c) {}).length, ((...r) => 0).length);
console.log((function (a, { b }, [c]) {}).length);

function noReturn() {}
console.log(noReturn(), typeof noReturn());
function emptyReturn() { return; }
console.log(emptyReturn());

// missing and extra arguments
function three(a, b, c) { return [a, b, c].map(String).join("|"); }
console.log(three(1), three(1, 2, 3, 4));

// recursion and mutual recursion
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(7), isEven(7));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log([0, 1, 2, 3, 10, 20].map(fib).join(" "));

// functions are objects
function withProps() { return withProps.count = (withProps.count || 0) + 1; }
withProps(); withProps();
console.log(withProps.count, Object.keys(withProps));
console.log(typeof add.prototype, add.prototype.constructor === add);
console.log(typeof (() => 1).prototype);

// IIFE forms
console.log((function () { return "iife1"; })());
console.log((function () { return "iife2"; }()));
console.log(!function () { return 0; }());
console.log(void function () {}());

// immediately-invoked arrow
console.log((() => "arrow iife")());

// function name inference
const obj = { m() {}, f: function () {}, a: () => {}, ["comp" + "uted"]: function () {} };
console.log(obj.m.name, obj.f.name, obj.a.name, obj.computed.name);
let assigned;
assigned = function () {};
console.log(assigned.name);
const sym = Symbol("desc");
const o2 = { [sym]() {} };
console.log(o2[sym].name);
console.log((function () {}).name === "", (() => {}).name === "");
const bound = add.bind(null);
console.log(bound.name, bound.length);
// higher-order
const compose = (...fs) => x => fs.reduceRight((acc, f) => f(acc), x);
console.log(compose(x => x + 1, x => x * 2)(5));
