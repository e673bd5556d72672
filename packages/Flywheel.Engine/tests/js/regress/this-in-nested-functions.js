// A function that needs no binding of its own for `this` (nothing nested in it captures `this`)
// must read its own receiver, not a binding an enclosing function keeps for its arrow functions
// (or for `super` in a nested derived class). Same for `new.target`.
// JsDiff finding 1123774067 and ten more (classes declared inside a function whose derived class
// calls super(): the base constructor wrote `this.v` on the enclosing function's `this`).

function classesInFunction(a) {
  class A { constructor(v) { this.v = v; } m(k) { return this.v + k; } }
  class B extends A { constructor(v) { super(v); this.w = a; } m(k) { return super.m(k) * 2; } }
  return [new A(1), new B(2), new B(3).m(4)];
}
console.log(classesInFunction("w"));

function arrowAndPlainFunction() {
  const arrow = () => this;
  function plain() { return this === undefined ? "undefined" : this === globalThis ? "global" : this.tag; }
  return [arrow().tag, plain(), plain.call({ tag: "own" }), new plain() instanceof plain];
}
console.log(arrowAndPlainFunction.call({ tag: "outer" }));

function newTargets() {
  const arrow = () => new.target;
  function inner() { return new.target === undefined ? "none" : "set"; }
  return [typeof arrow(), inner(), new inner() instanceof inner];
}
console.log(newTargets(), new newTargets());

const withSuper = {
  tag: "object",
  method() {
    const viaArrow = () => super.toString === Object.prototype.toString;
    function plain() { return this === undefined ? "undefined" : this === globalThis ? "global" : this.tag; }
    return [viaArrow(), plain(), plain.call({ tag: "own" }), this.tag];
  },
};
console.log(withSuper.method());

// Methods and generators nested in a function that captures `this`.
function outer() {
  const self = () => this.tag;
  const obj = { tag: "inner", get g() { return this.tag; }, m() { return this.tag; } };
  function* gen() { yield this === undefined ? "undefined" : this.tag; }
  return [self(), obj.g, obj.m(), [...gen.call({ tag: "gen" })]];
}
console.log(outer.call({ tag: "outer" }));

// Direct eval still sees its caller's `this`.
function withEval() { const arrow = () => this; return [eval("this.tag"), arrow().tag]; }
console.log(withEval.call({ tag: "eval" }));
