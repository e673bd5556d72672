// Strict-mode-only differences observable at run time; functions opt in individually.
function sloppyThis() { return typeof this; }
function strictThis() { "use strict"; return typeof this; }
console.log(sloppyThis(), strictThis());
function sloppyAssign() { undeclaredSloppy = 1; return typeof undeclaredSloppy; }
console.log(sloppyAssign(), globalThis.undeclaredSloppy);
delete globalThis.undeclaredSloppy;
function strictAssign() { "use strict"; try { undeclaredStrict = 1; } catch (e) { return e.name; } }
console.log(strictAssign());
// parameter list restrictions checked via Function constructor
for (const src of ["'use strict'; function f(a, a) {}", "function f(a, a) { return a; }", "'use strict'; var eval = 1;", "'use strict'; arguments = 1;", "'use strict'; var let = 1;", "var let = 1;", "'use strict'; var o = { p: 1, p: 2 };", "'use strict'; 0777;", "0777;"]) {
  try { new Function(src); console.log("ok   ", src); } catch (e) { console.log("error", src, e.name); }
}
// duplicate params in sloppy: last wins
const dup = new Function("a", "a", "return a");
console.log(dup(1, 2));
// legacy octal in sloppy mode
console.log(new Function("return 0777")(), new Function("return 089")());
// non-strict arguments mapping vs strict
function mapped(a) { a = "changed"; return arguments[0]; }
function unmapped(a) { "use strict"; a = "changed"; return arguments[0]; }
console.log(mapped("orig"), unmapped("orig"));
// functions defined inside strict functions are strict
function outerStrict() { "use strict"; return (function () { return this; })(); }
console.log(outerStrict());
// Function.prototype.caller/arguments throw on strict functions
function strictFn() { "use strict"; }
try { strictFn.caller; } catch (e) { console.log("caller:", e.name); }
try { strictFn.arguments; } catch (e) { console.log("arguments:", e.name); }
// deleting non-configurable in strict mode
(function () { "use strict"; try { delete Object.prototype; } catch (e) { console.log("delete non-configurable:", e.name); } })();
// writing to primitive property in strict mode
(function () { "use strict"; try { (5).x = 1; } catch (e) { console.log("primitive write:", e.name); } })();
(function () { try { (5).x = 1; console.log("sloppy primitive write ignored"); } catch (e) { console.log("?"); } })();
