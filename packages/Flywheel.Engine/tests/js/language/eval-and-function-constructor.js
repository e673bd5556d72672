// Indirect eval (global scope), direct eval (local scope), new Function (global scope).
var globalName = "global";
function direct() { var globalName = "local"; return eval("globalName"); }
function indirect() { var globalName = "local"; return (0, eval)("globalName"); }
function aliased() { var globalName = "local"; const e = eval; return e("globalName"); }
console.log(direct(), indirect(), aliased());
// indirect eval declares globals
(0, eval)("var declaredByEval = 1; function fnByEval() { return 'fn'; }");
console.log(declaredByEval, fnByEval(), Object.hasOwn(globalThis, "declaredByEval"));
// eval returns completion value; non-strings returned unchanged
console.log(eval("1 + 1"), eval("'str'"), eval({ obj: 1 }).obj, eval(), eval("var q = 5"), eval("({ a: 1 })").a);
// eval syntax error is catchable
try { eval("var = 1"); } catch (e) { console.log("syntax:", e.name, e instanceof SyntaxError); }
try { (0, eval)("}"); } catch (e) { console.log("indirect syntax:", e.name); }
// let in eval is scoped to the eval
(0, eval)("let evalLet = 1;");
console.log(typeof evalLet);
// direct eval sees and can modify locals
function modify() { let x = 1; eval("x = 2"); return x; }
console.log(modify());
// strict direct eval has its own var scope
function strictEval() { "use strict"; eval("var inner = 1"); return typeof inner; }
console.log(strictEval());
// new Function
const add = new Function("a", "b", "return a + b");
console.log(add(2, 3), add.length, add.name, typeof add);
const noArgs = Function("return 42");
console.log(noArgs());
const multiParams = new Function("a, b", "c", "return [a, b, c].join('-')");
console.log(multiParams(1, 2, 3));
const withDefaults = new Function("a = 10", "...rest", "return a + rest.length");
console.log(withDefaults(), withDefaults(1, 2, 3));
// new Function does not close over locals
function makeFn() { const local = "local"; return new Function("return typeof local"); }
console.log(makeFn()());
// this in new Function (sloppy)
console.log(new Function("return this")() === globalThis);
console.log(new Function("'use strict'; return this")());
try { new Function("a", "return a +"); } catch (e) { console.log("bad body:", e.name); }
try { new Function("a b", "return 1"); } catch (e) { console.log("bad params:", e.name); }
// toString of dynamically created functions
console.log(new Function("a", "b", "return a").toString());
console.log(Function().toString());
// eval of function expressions and classes
const fromEval = (0, eval)("(function sq(x) { return x * x; })");
console.log(fromEval(9), fromEval.name);
const K = (0, eval)("(class Point { constructor(x) { this.x = x; } })");
console.log(new K(3).x, K.name);
// generator via constructor of generator functions
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const gen = new GeneratorFunction("n", "for (let i = 0; i < n; i++) yield i;");
console.log([...gen(4)], GeneratorFunction.name);
