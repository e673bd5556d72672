// Class instances print with their constructor name; anonymous classes, null prototypes, toStringTag.
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2));
class Empty {}
console.log(new Empty());
console.log([new Point(0, 0), new Empty()]);
console.log({ p: new Point(3, 4) });
class WithPrivate { #secret = 1; visible = 2; }
console.log(new WithPrivate());
class Base { constructor() { this.base = true; } }
class Derived extends Base { constructor() { super(); this.derived = true; } }
console.log(new Derived());
const Anon = (() => class {})();
console.log(new Anon());
function OldStyle(v) { this.v = v; }
console.log(new OldStyle(5));
class Tagged { get [Symbol.toStringTag]() { return "MyTag"; } }
console.log(new Tagged());
class Accessor { constructor() { this.a = 1; } get computed() { return 2; } }
console.log(new Accessor());
class Nested { constructor() { this.child = new Point(1, 1); this.list = [new Empty()]; } }
console.log(new Nested());
const protoless = Object.create(Point.prototype);
console.log(protoless);
class ArrayLike extends Array {}
console.log(ArrayLike.from([1, 2]));
class MyMap extends Map {}
console.log(new MyMap([["k", 1]]));
const weird = new Point(1, 2);
Object.defineProperty(weird, "constructor", { value: "not a function", enumerable: false });
console.log(weird);
