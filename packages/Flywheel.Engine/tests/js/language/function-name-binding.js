// A named function expression's own name is an immutable binding in its own scope.
const sloppy = function self() { self = 1; return typeof self; };
console.log(sloppy());
const strict = function self2() { "use strict"; try { self2 = 1; } catch (e) { return e.name; } };
console.log(strict());
const nested = function outerName() { return (() => { outerName = 2; return typeof outerName; })(); };
console.log(nested());
const shadowedByVar = function sv() { var sv = "var"; return sv; };
console.log(shadowedByVar());
const shadowedByParam = function sp(sp) { sp = "param"; return sp; };
console.log(shadowedByParam(1));
const compound = function cp() { cp += 1; cp++; return typeof cp; };
console.log(compound());
const recursive = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(recursive(6));
function* deep(n) { if (n > 0) yield* deep(n - 1); yield n; }
console.log([...deep(300)].length);
