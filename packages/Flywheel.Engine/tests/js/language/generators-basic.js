// Generators: lazy execution, yield expressions, next(value), return values, state machine.
function* counter(limit) {
  console.log("generator started");
  for (let i = 0; i < limit; i++) {
    const received = yield i;
    if (received !== undefined) console.log("received", received);
  }
  return "finished";
}
const g = counter(3);
console.log("created, not started");
console.log(g.next("ignored first"));
console.log(g.next("hello"));
console.log(g.next());
console.log(g.next());
console.log(g.next());
console.log([...counter(2)]);
// generator objects
console.log(typeof g, Object.prototype.toString.call(g), g[Symbol.iterator]() === g);
console.log(typeof counter.prototype, Object.getPrototypeOf(g) === counter.prototype);
try { new counter(1); } catch (e) { console.log("new generator:", e.name); }
// yield precedence and expressions
function* exprs() {
  const a = yield 1;
  const b = (yield a * 2) + 10;
  yield [a, b];
  yield yield "nested";
}
const e = exprs();
console.log(e.next().value, e.next(5).value, e.next(7).value, e.next().value, e.next("inner").value, e.next("outer").done);
// generators as methods and in classes
const obj = { *items() { yield* [1, 2]; } };
class Tree {
  constructor(v, l, r) { this.v = v; this.l = l; this.r = r; }
  *[Symbol.iterator]() { if (this.l) yield* this.l; yield this.v; if (this.r) yield* this.r; }
}
const t = new Tree(4, new Tree(2, new Tree(1), new Tree(3)), new Tree(6, new Tree(5)));
console.log([...obj.items()], [...t]);
// infinite generator with take
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const first = [];
for (const f of fib()) { if (first.length === 15) break; first.push(f); }
console.log(first.join(" "));
// generator expression-valued closures
function* idGen(prefix) { let id = 0; while (true) yield `${prefix}-${++id}`; }
const ids = idGen("u");
console.log(ids.next().value, ids.next().value, ids.next().value);
// after completion
const done = counter(0);
console.log(done.next(), done.next());
// arguments and this inside generators
function* withThis() { yield this.tag; yield arguments.length; }
console.log([...withThis.call({ tag: "T" }, 1, 2, 3)]);
// running generator cannot be re-entered
function* reentrant() { try { g2.next(); } catch (err) { yield err.name; } }
const g2 = reentrant();
console.log(g2.next().value);
// generator function toString/name
console.log(counter.name, Object.getPrototypeOf(counter) === Object.getPrototypeOf(function* () {}), typeof Object.getPrototypeOf(counter));
