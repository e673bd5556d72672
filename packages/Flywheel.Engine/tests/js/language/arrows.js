// Arrow functions: lexical this/arguments/new.target, no prototype, not constructible.
const obj = {
  name: "obj",
  regular() { return [1].map(function () { return this === undefined ? "undef" : typeof this; })[0]; },
  arrow() { return [1].map(() => this.name)[0]; },
  nested() { return (() => (() => this.name)())(); },
};
console.log(obj.regular(), obj.arrow(), obj.nested());

const bodies = [x => x * 2, (x, y) => x + y, () => ({ wrapped: true }), x => { return x; }, async => async];
console.log(bodies[0](4), bodies[1](1, 2), bodies[2]().wrapped, bodies[3]("v"), bodies[4]("kw"));

const noBody = () => {};
console.log(noBody());
console.log(typeof (() => {}).prototype, "prototype" in (() => {}));

try { new (() => {})(); } catch (e) { console.log("new arrow:", e.name); }

function outer() { const f = () => arguments.length; return f(9, 9, 9); }
console.log("arguments:", outer(1, 2));

function Ctor() { this.v = 1; const get = () => this.v; this.get = get; }
const inst = new Ctor();
const detached = inst.get;
console.log("detached:", detached());

// call/apply/bind cannot change arrow this
const arrowThis = (() => { const f = () => this; return f; })();
console.log(arrowThis.call({ a: 1 }) === arrowThis(), arrowThis.bind({})() === arrowThis());

// default params and destructuring in arrows
const f = ({ a = 1, b } = {}, [c, ...d] = [7, 8, 9]) => [a, b, c, d.length];
console.log(f(), f({ b: 2 }, [0]));

// currying
const curry = a => b => c => a + b + c;
console.log(curry(1)(2)(3), curry("x")("y")("z"));

// arrows in class fields capture instance
class Button {
  label = "ok";
  click = () => this.label;
}
const { click } = new Button();
console.log(click());

// precedence
const cond = true ? () => "t" : () => "f";
console.log(cond());
const r = [3, 1, 2].sort((a, b) => a - b);
console.log(r);
console.log((x => y => x * y)(6)(7));
