// `this` in sloppy-mode functions: undefined/null become globalThis, primitives are boxed.
function who() { return this; }
console.log(who() === globalThis);
console.log(who.call(null) === globalThis, who.call(undefined) === globalThis);
console.log(typeof who.call(5), who.call(5) instanceof Number, who.call("s") instanceof String);
console.log(typeof who.call(true), who.call(5).valueOf() + 1);

const o = { who, name: "o" };
console.log(o.who() === o, (o.who)() === o, (0, o.who)() === globalThis);
const detached = o.who;
console.log(detached() === globalThis);

// this in nested ordinary function
const o2 = {
  m() {
    function inner() { return this === globalThis; }
    return inner();
  },
};
console.log(o2.m());

// new binds a fresh object
function Point(x) { this.x = x; }
const p = new Point(3);
console.log(p.x, p instanceof Point);

// constructor returning object overrides, primitive is ignored
function RetObj() { this.a = 1; return { b: 2 }; }
function RetPrim() { this.a = 1; return 42; }
console.log(JSON.stringify(new RetObj()), JSON.stringify(new RetPrim()));

// method borrowed through a prototype
const proto = { greet() { return "hi " + this.name; } };
const child = Object.create(proto);
child.name = "child";
console.log(child.greet());

// getters get the receiver
const withGetter = { get self() { return this; } };
const inheritor = Object.create(withGetter);
console.log(inheritor.self === inheritor);

// this at top level of a script is globalThis (when run as a script)
console.log(typeof this);

// callbacks
const arr = [1];
console.log(arr.map(function () { return this === globalThis; })[0]);
console.log(arr.map(function () { return this.tag; }, { tag: "thisArg" })[0]);
