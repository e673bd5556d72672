// Function.prototype.toString returns the exact source text of user functions; native ones are
// printed as "function name() { [native code] }".
function plain(a, b) { return a + b; }
console.log(plain.toString());
console.log(String(function () { /* comment kept */ return 1; }));
console.log((x => x * 2).toString());
console.log(function* gen() { yield 1; }.toString());
class K {
  constructor(v) { this.v = v; }
  method(  spaced  ) { return spaced; }
  static stat() {}
  get g() { return 1; }
  set s(v) {}
  *gm() {}
  ["comp" + "uted"]() {}
}
console.log(K.toString());
console.log(K.prototype.method.toString());
console.log(K.stat.toString());
console.log(Object.getOwnPropertyDescriptor(K.prototype, "g").get.toString());
console.log(Object.getOwnPropertyDescriptor(K.prototype, "s").set.toString());
console.log(K.prototype.gm.toString());
console.log(K.prototype.computed.toString());
const obj = { shorthand() { return "s"; }, prop: function () {}, arrowProp: () => {}, get x() { return 1; } };
console.log(obj.shorthand.toString());
console.log(obj.prop.toString());
console.log(obj.arrowProp.toString());
console.log(Object.getOwnPropertyDescriptor(obj, "x").get.toString());
// multi-line with odd whitespace and comments preserved
function   weird  ( a , /* inline */ b )
{
	// tab-indented comment
	return a
}
console.log(weird.toString());
// native functions
console.log(Math.max.toString());
console.log(Array.prototype.push.toString());
console.log(Function.prototype.toString.call(Object));
console.log(String(Symbol));
// bound functions
console.log(plain.bind(null).toString());
// class without constructor and expression
console.log((class {}).toString(), (class Named extends K {}).toString());
// toString on non-function throws
try { Function.prototype.toString.call({}); } catch (e) { console.log("non-function:", e.name); }
