// typeof for every kind of value; instanceof including primitives and hasInstance.
const things = [undefined, null, true, 0, -1.5, NaN, "", "str", Symbol(), Symbol.iterator, {}, [], function () {}, () => {}, class {}, function* () {}, new Date(0), /re/, new Map(), Math, JSON, Object(1), Object("s"), globalThis];
console.log(things.map(t => typeof t).join(" "));
console.log(typeof typeof 1, typeof undeclaredVar, typeof Object, typeof Object.prototype);
console.log(typeof console.log, typeof Array.prototype.map, typeof new Function());
// instanceof
console.log([] instanceof Array, [] instanceof Object, {} instanceof Array);
console.log("s" instanceof String, new String("s") instanceof String, 1 instanceof Number);
console.log(function () {} instanceof Function, Function instanceof Object, Object instanceof Function);
console.log(Object.create(null) instanceof Object, null instanceof Object);
try { ({}) instanceof {}; } catch (e) { console.log("rhs not callable:", e.name); }
try { ({}) instanceof (() => {}); } catch (e) { console.log("arrow rhs:", e.name); }
class Custom { static [Symbol.hasInstance](v) { return v === "magic"; } }
console.log("magic" instanceof Custom, "other" instanceof Custom);
function Bound() {}
const BoundF = Bound.bind(null);
console.log(new Bound() instanceof BoundF);
class E1 extends Error {}
const e1 = new E1("x");
console.log(e1 instanceof E1, e1 instanceof Error, e1.name, Object.prototype.toString.call(e1));
console.log(typeof new E1(), E1.prototype.name);
// typeof on deleted and TDZ
var gone = 1;
console.log(typeof gone);
// Object.prototype.toString tags
const tags = [undefined, null, 1, "s", true, [], {}, () => {}, new Date(0), /x/, new Error("e"), Symbol(), new Map(), new Set(), JSON, Math, new Uint8Array(1), (function () { return arguments; })()];
console.log(tags.map(t => Object.prototype.toString.call(t)).join("\n"));
const tagged = { [Symbol.toStringTag]: "Custom" };
console.log(String(tagged), Object.prototype.toString.call(tagged));
