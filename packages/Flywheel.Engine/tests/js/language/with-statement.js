// The sloppy-mode `with` statement: scope lookup through an object, unscopables, assignment.
const obj = { a: 1, b: 2 };
var a = "outer a";
with (obj) {
  console.log(a, b, typeof c);
  a = 10;
  var declaredInWith = b * 100;
}
console.log(obj.a, a, declaredInWith, obj.declaredInWith);
// assignments to names not on the object go to the enclosing scope
var outerOnly = 0;
with (obj) { outerOnly = 5; }
console.log(outerOnly, "outerOnly" in obj);
// functions created inside with capture the object scope
let getA;
with (obj) { getA = () => a; }
obj.a = 42;
console.log(getA());
// prototype chain is searched
const child = Object.create({ inherited: "from proto" });
with (child) { console.log(inherited, typeof toString); }
// Symbol.unscopables hides names
const arr = [1, 2, 3];
var keys = "outer keys";
with (arr) { console.log(length, keys, typeof includes, typeof at, typeof push); }
const custom = { hidden: 1, shown: 2, [Symbol.unscopables]: { hidden: true } };
var hidden = "outer hidden";
with (custom) { console.log(hidden, shown); }
// with on primitives wraps them
with ("text") { console.log(length, charAt(1)); }
with (5) { console.log(toFixed(2)); }
try { with (null) {} } catch (e) { console.log("with(null):", e.name); }
// nested with statements
with ({ x: "outer x", y: "outer y" }) { with ({ x: "inner x" }) { console.log(x, y); } }
// with and this: methods called by bare name get the object as this
const o2 = { v: "object v", get() { return this === o2 ? this.v : "other this"; } };
with (o2) { console.log(get()); }
// deleting a property during with makes the outer binding visible again
var dynamic = "outer dynamic";
const holder = { dynamic: "holder dynamic" };
with (holder) { console.log(dynamic); delete holder.dynamic; console.log(dynamic); }
