// Function and block scopes, shadowing, closures over loop variables, named function expression scope.
var x = "global";
function f() {
  console.log("1:", x);
  var x = "function";
  {
    let x = "block";
    console.log("2:", x);
    {
      const x = "inner block";
      console.log("3:", x);
    }
  }
  console.log("4:", x);
}
f();
console.log("5:", x);
// named function expression name is read-only inside
const nfe = function named() { named = 1; return typeof named; };
console.log(nfe());
const nfeStrict = function named2() { "use strict"; try { named2 = 1; } catch (e) { return e.name; } };
console.log(nfeStrict());
// parameter shadowing function name
function shadowName(shadowName) { return shadowName; }
console.log(shadowName("param"));
// inner function declaration shadows outer
function outer() {
  inner.tag = "x";
  function inner() { return "inner v1"; }
  return inner();
}
console.log(outer());
// let shadows in nested loops
for (let i = 0; i < 2; i++) { for (let i = 10; i < 12; i++) console.log("inner i", i); console.log("outer i", i); }
// function hoisting within blocks in strict code is block-scoped
(function () {
  "use strict";
  { function blockOnly() {} }
  console.log("strict block fn:", typeof blockOnly);
})();
// closures capture per-iteration bindings in for-let with continue
const fns = [];
for (let i = 0; i < 5; i++) { if (i % 2) continue; fns.push(() => i); }
console.log(fns.map(g => g()));
// var redeclaration across blocks refers to same variable
function redecl() { var a = 1; { var a = 2; } return a; }
console.log(redecl());
// catch parameter shadows outer variable
let e = "outer e";
try { throw "thrown"; } catch (e) { console.log("catch e:", e); }
console.log("after catch:", e);
// class declarations are block scoped
{ class Scoped {} console.log(typeof Scoped); }
console.log(typeof Scoped);
// global let is visible in functions defined earlier
function readLater() { return laterLet; }
let laterLet = "defined later";
console.log(readLater());
