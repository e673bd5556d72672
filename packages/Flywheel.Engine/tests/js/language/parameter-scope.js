// Parameters with expressions: TDZ left to right, a separate var scope for the body, closures in defaults.
function order(a = log("a"), b = log("b", a)) { return [a, b]; }
const seen = [];
function log(name, v) { seen.push(name); return v === undefined ? name : v + 1; }
console.log(order(), order(10), seen.join(","));
function selfRef(a = a) { return a; }
try { selfRef(); } catch (e) { console.log(e.name, e.message); }
console.log(selfRef(3));
function laterRef(a = b, b) { return a; }
try { laterRef(); } catch (e) { console.log(e.name, e.message); }
console.log(laterRef(1));
function closureSeesParam(a, get = () => a) { var a = "body"; return [a, get()]; }
console.log(closureSeesParam("param"));
function closureSetsParam(a, set = v => { a = v; }) { var a; set("set by closure"); return a; }
console.log(closureSetsParam("param"));
function bodyVarCopiesParam(x, f = () => x) { var x; return [x, f()]; }
console.log(bodyVarCopiesParam(5));
function bodyFunctionShadows(x, f = () => x) { function x() {} return [typeof x, f()]; }
console.log(bodyFunctionShadows(5));
function destructuringDefaults({ a = 1, b = a + 1 } = {}, [c = b * 2] = []) { return [a, b, c]; }
console.log(destructuringDefaults(), destructuringDefaults({ a: 5 }), destructuringDefaults({}, [0]));
function computedKey({ [key()]: v } = { k: "computed" }) { return v; }
function key() { return "k"; }
console.log(computedKey());
function argumentsInDefault(a, b = arguments.length) { return b; }
console.log(argumentsInDefault(1), argumentsInDefault(1, undefined, 3));
function thisInDefault(a = this) { return a === globalThis; }
console.log(thisInDefault());
const arrowDefaults = (a, b = a * 2, ...rest) => [a, b, rest.length];
console.log(arrowDefaults(1), arrowDefaults(1, 5, 6, 7));
function letInBody(a = 1) { let b = a + 1; { let a = 100; b += a; } return [a, b]; }
console.log(letInBody());
function fnNameInDefault(f = () => typeof fnNameInDefault) { return f(); }
console.log(fnNameInDefault());
const namedExpr = function self(a = typeof self) { var self = "shadowed"; return [a, self]; };
console.log(namedExpr());
function* genDefaults(a, b = a + 1) { yield a; yield b; }
console.log([...genDefaults(1)]);
class WithDefaults { constructor(x = 1, y = x + 1) { this.sum = x + y; } m(p = this.sum) { return p; } }
console.log(new WithDefaults().sum, new WithDefaults(5).m());
function lengthOf(a, b = 1, c) {}
console.log(lengthOf.length, ((a, ...b) => 0).length, (({ a } = {}) => 0).length);
