// Methods called on primitives: property lookup through the wrapper prototype, `this` boxing in
// sloppy functions vs raw primitives in strict functions, getters on prototypes of primitives.
String.prototype.sloppyThis = function () { return [typeof this, this instanceof String, String(this)]; };
String.prototype.strictThis = function () { "use strict"; return [typeof this, this instanceof String, this]; };
Object.defineProperty(Number.prototype, "double", { get() { "use strict"; return this * 2; }, configurable: true });
Object.defineProperty(Boolean.prototype, "flipped", { get() { return !this.valueOf(); }, configurable: true });
console.log("abc".sloppyThis(), "abc".strictThis(), (21).double, 1.5.double, true.flipped, false.flipped);
const sym = Symbol("desc");
Symbol.prototype.describe = function () { "use strict"; return typeof this + ":" + this.description; };
console.log(sym.describe());
// property writes on primitives are ignored in sloppy code and throw in strict code
const s = "str";
s.custom = 1;
console.log(s.custom);
(function () { "use strict"; try { s.custom = 1; } catch (e) { console.log("strict write:", e.name); } })();
// each access creates a new wrapper in sloppy mode
String.prototype.identity = function () { return this; };
console.log("x".identity() === "x".identity(), "x".identity() == "x");
// methods from Object.prototype on primitives
console.log((5).hasOwnProperty("toFixed"), "ab".hasOwnProperty(1), "ab".hasOwnProperty("length"), (5).toString === Number.prototype.toString, "s".propertyIsEnumerable(0));
// valueOf/toString on wrappers created with Object()
const w = Object("wrapped");
console.log(typeof w, w.length, w + "!", w == "wrapped", w === "wrapped", JSON.stringify(w), Object.keys(w).length);
delete String.prototype.sloppyThis; delete String.prototype.strictThis; delete Number.prototype.double; delete Boolean.prototype.flipped; delete Symbol.prototype.describe; delete String.prototype.identity;
console.log(typeof "".sloppyThis, typeof (1).double);
