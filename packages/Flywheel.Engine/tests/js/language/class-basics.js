// Class declarations and expressions: constructor, methods, non-enumerable methods, strictness.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm2() { return this.x * this.x + this.y * this.y; }
  toString() { return `(${this.x}, ${this.y})`; }
}
const p = new Point(3, 4);
console.log(p.norm2(), String(p), `${p}`);
console.log(typeof Point, Object.keys(p), Object.keys(Point.prototype));
console.log(Object.getOwnPropertyNames(Point.prototype));
console.log(Object.getOwnPropertyDescriptor(Point.prototype, "norm2").enumerable);
console.log(Point.prototype.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
console.log(Point.name, Point.length);
try { Point(1, 2); } catch (e) { console.log("call without new:", e.name); }
// class expression names
const Anon = class {};
const Named = class Inner { who() { return Inner.name; } };
console.log(Anon.name, Named.name, new Named().who(), typeof Inner);
// class binding is const inside the body
class Self { static rename() { try { Self = null; } catch (e) { return e.name; } } }
console.log(Self.rename());
// classes are not hoisted (TDZ)
try { new Late(); } catch (e) { console.log("TDZ:", e.name); }
class Late {}
// default constructor
class Empty {}
console.log(typeof new Empty(), Empty.length);
// computed method names and symbols
const methodName = "dyn";
class Computed {
  [methodName + "Method"]() { return "dynamic"; }
  [Symbol.iterator]() { return [1, 2][Symbol.iterator](); }
  "quoted name"() { return "quoted"; }
  123() { return "numeric"; }
}
const cmp = new Computed();
console.log(cmp.dynMethod(), [...cmp], cmp["quoted name"](), cmp[123]());
// methods are not constructible
try { new p.norm2(); } catch (e) { console.log("new method:", e.name); }
// instance fields
class Fields {
  a = 1;
  b = this.a + 1;
  ["c"] = "computed field";
  d;
}
console.log(new Fields());
console.log(Object.keys(new Fields()));
// constructor returning object
class Weird { constructor() { return { weird: true }; } }
console.log(new Weird(), new Weird() instanceof Weird);
// instanceof and Symbol.hasInstance
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(2 instanceof Even, 3 instanceof Even);
// class toString shows source
class Src { m() { return 1; } }
console.log(Src.toString());
