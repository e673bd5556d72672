// var declarations hoist to the function top with value undefined; function declarations hoist whole.
console.log(typeof a, a);
var a = 1;
console.log(typeof a, a);

console.log(hoisted());
function hoisted() { return "hoisted function called"; }

function scopes() {
  console.log("inner before:", x);
  if (true) { var x = 10; }
  console.log("inner after block:", x);
  for (var i = 0; i < 3; i++) { var y = i * 2; }
  console.log("loop vars leak:", i, y);
  return typeof z;
}
console.log(scopes());

var a = 2; // redeclaration is fine
console.log("redeclared:", a);

function shadow() {
  var a = "local";
  return a;
}
console.log(shadow(), a);

// var in catch clause with same name as parameter
function catchVar() {
  try { throw 1; } catch (e) { var e = 2; var f = 3; }
  return [typeof e, f].join(",");
}
console.log(catchVar());

// function declarations in blocks (sloppy mode, annex B)
function blockFn() {
  var before = typeof g;
  { function g() { return 1; } }
  return before + " " + typeof g;
}
console.log(blockFn());

// later function declaration wins
function dup() { return 1; }
function dup() { return 2; }
console.log(dup());

// var and function with same name: function wins at hoisting, var assignment overrides
console.log(typeof both);
var both = 5;
function both() {}
console.log(typeof both);

// globals declared with var become properties of globalThis (script scope)
var globalVar = 42;
console.log(globalThis.globalVar, "globalVar" in globalThis);
let globalLet = 43;
console.log(globalThis.globalLet, "globalLet" in globalThis);
console.log(Object.getOwnPropertyDescriptor(globalThis, "globalVar").configurable);
