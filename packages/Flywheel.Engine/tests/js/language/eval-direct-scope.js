function f() { eval("var x = 1"); return x; }
console.log(f());
function g(a) { eval("a = 5; var y = a * 2"); return [a, y, typeof z]; }
console.log(g(1));
var gx = "global";
function h() { eval("var gx = 'local'"); return gx; }
console.log(h(), gx);
function k() { let q = 1; try { eval("var q = 2"); } catch (e) { return e.name + ": " + e.message; } }
console.log(k());
const arrow = () => { eval("var inArrow = 3"); return inArrow; };
console.log(arrow(), typeof inArrow);
function thisEval() { return eval("this"); }
console.log(thisEval.call({ tag: 1 }));
function argsEval(a, b) { return eval("arguments.length + a + b"); }
console.log(argsEval(1, 2));
function closureOverEvalVar() { eval("var cv = 'cv'; function getCv() { return cv; }"); cv = "changed"; return getCv(); }
console.log(closureOverEvalVar());
function nested() { var outer = 1; return function () { return eval("outer + 1"); }; }
console.log(nested()());
function paramDefault(a = eval("var pd = 7; pd"), b = () => pd) { return [a, b()]; }
console.log(paramDefault());
function evalInEval() { eval("eval('var deep = 9')"); return deep; }
console.log(evalInEval());
function evalFnDecl() { eval("function declared() { return 'decl'; }"); return declared(); }
console.log(evalFnDecl());
var e2 = eval; function indirectLocal() { var loc = 1; return e2("typeof loc"); }
console.log(indirectLocal());
function deleteEvalVar() { eval("var dv = 1"); var r = delete dv; return [r, typeof dv]; }
console.log(deleteEvalVar());
function blockEval() { { let b = 1; eval("b = 2"); return b; } }
console.log(blockEval());
function strictEval() { "use strict"; eval("var s = 1"); return typeof s; }
console.log(strictEval());
console.log(eval("let tl = 5; tl * 2"), typeof tl);
// conflicts between eval vars and lexical bindings
function blockLetConflict() { { let c = 1; try { eval("var c = 2"); return "no error"; } catch (e) { return e.name; } } }
console.log(blockLetConflict());
function outerLetNoConflict() { let o = 1; return (function () { eval("var o = 2"); return o; })() + o; }
console.log(outerLetNoConflict());
function evalLetStaysLocal() { eval("let el = 1; const ec = 2; class EC {}"); return [typeof el, typeof ec, typeof EC]; }
console.log(evalLetStaysLocal());
try { eval("let topLet = 1; var topLet;"); } catch (e) { console.log("same eval:", e.name); }
let globalLet = 1;
try { eval("var globalLet = 2"); } catch (e) { console.log("global let:", e.name); }
// eval in arrows sees the enclosing this and arguments
function arrowHost() { return (() => eval("[this.tag, arguments[0], typeof new.target]"))(); }
console.log(arrowHost.call({ tag: "host" }, "arg0"));
function CtorEval() { this.nt = eval("new.target === CtorEval"); }
console.log(new CtorEval().nt);
// eval in generators and class methods (strict: vars stay in the eval)
function* genEval() { eval("var gv = 1"); yield gv; eval("gv++"); yield gv; }
console.log([...genEval()]);
class Methods { m() { eval("var mv = 1"); return typeof mv; } s(x) { return eval("x * 2"); } }
console.log(new Methods().m(), new Methods().s(21));
// eval updates closures and closures see eval vars
function counterEval() { var n = 0; const inc = () => ++n; eval("inc(); inc(); var n2 = n"); return [n, n2]; }
console.log(counterEval());
function lateClosure() { const get = () => typeof lc; eval("var lc = 1"); return get(); }
console.log(lateClosure());
// completion values
console.log(eval("if (true) { 'then' } else { 'else' }"), eval("for (var i = 0; i < 3; i++) i * 10"), eval("var unused = 1"), eval(""));
// eval inside with sees the object
function withEval(o) { with (o) { return eval("prop + 1"); } }
console.log(withEval({ prop: 41 }));
// shadowing a global function by an eval var
function shadowParseInt() { eval("var parseInt = () => 'shadowed'"); return parseInt("5"); }
console.log(shadowParseInt(), parseInt("5"));
// an eval var survives after the eval, per call
function perCall(v) { if (v) eval("var pc = v"); return typeof pc === "undefined" ? "none" : pc; }
console.log(perCall(1), perCall(0), perCall(2));
// not a direct eval: aliased, optional call, member call
const ev = eval;
function notDirect() { var nd = "local"; return [ev("typeof nd"), eval?.("typeof nd"), globalThis.eval("typeof nd")]; }
console.log(notDirect());
// recursion through eval
function fact(n) { return n <= 1 ? 1 : eval("n * fact(n - 1)"); }
console.log(fact(10));
