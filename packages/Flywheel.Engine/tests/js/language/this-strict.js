"use strict";
// `this` in strict-mode functions: passed through unchanged (no boxing, no globalThis).
function who() { return this; }
console.log(who(), who.call(null), who.call(undefined));
console.log(typeof who.call(5), who.call(5), who.call("s"), who.apply(true));
const o = { who };
console.log(o.who() === o, (0, o.who)());

const detached = o.who;
console.log(detached());

// primitives' methods see primitive this in strict mode
String.prototype.strictThis = function () { return typeof this; };
console.log("abc".strictThis());
delete String.prototype.strictThis;
Number.prototype.double = function () { return this * 2; };
console.log((21).double());
delete Number.prototype.double;

// assigning to undeclared variable throws
try { undeclaredVariable = 1; } catch (e) { console.log("undeclared:", e.name); }
// writing to read-only property throws
const frozen = Object.freeze({ a: 1 });
try { frozen.a = 2; } catch (e) { console.log("frozen write:", e.name); }
try { frozen.b = 2; } catch (e) { console.log("frozen add:", e.name); }
try { delete frozen.a; } catch (e) { console.log("frozen delete:", e.name); }
// getter-only property
const g = { get x() { return 1; } };
try { g.x = 2; } catch (e) { console.log("getter-only:", e.name); }
// setting property on primitive
try { "str".prop = 1; } catch (e) { console.log("primitive prop:", e.name); }
// arguments.callee
try { (function () { return arguments.callee; })(); } catch (e) { console.log("callee:", e.name); }
// arguments not linked to params
function unlinked(a) { a = 2; return arguments[0]; }
console.log("unlinked:", unlinked(1));
// this in class bodies is always strict
class C { m() { return this; } }
const m = new C().m;
console.log("class method detached:", m());
// eval does not leak vars in strict mode
eval("var leaked = 1;");
console.log(typeof leaked);
// delete of unqualified name is a SyntaxError in strict mode, so it is tested by new Function
try { new Function('"use strict"; var q; delete q;'); } catch (e) { console.log("delete name:", e.name); }
try { new Function('"use strict"; with ({}) {}'); } catch (e) { console.log("with:", e.name); }
try { new Function('"use strict"; var x = 010;'); } catch (e) { console.log("octal:", e.name); }
