// Generators resumed by next() calls from bytecode run in the caller's dispatch loop: deep yield*
// chains, re-entrancy, exceptions, return values and non-generator delegates keep their semantics.
function* chain(n) { if (n > 0) yield* chain(n - 1); yield n; }
let count = 0, last;
for (const v of chain(300)) { count++; last = v; }
console.log(count, last);
function* counter() { let i = 0; while (true) { const cmd = yield i++; if (cmd === "stop") return "stopped"; } }
const c = counter();
console.log(c.next(), c.next(), c.next("go"), c.next("stop"), c.next());
function* selfNext() { try { g2.next(); } catch (e) { yield e.constructor.name + ": " + e.message; } }
const g2 = selfNext();
console.log(g2.next());
function* thrower() { yield 1; throw new Error("boom"); }
const t = thrower();
console.log(t.next());
try { t.next(); } catch (e) { console.log("caught", e.message); }
console.log(t.next());
function* withReturn() { const r = yield* inner(); yield "inner returned " + r; }
function* inner() { yield "a"; return "R"; }
console.log([...withReturn()]);
function* overArray() { yield* [1, 2]; yield* "hi"; yield* new Set([3]); }
console.log([...overArray()]);
function* finallyGen() { try { yield 1; yield 2; } finally { console.log("cleanup"); } }
for (const v of finallyGen()) { console.log("got", v); break; }
const manual = finallyGen();
manual.next();
console.log(manual.return("early"), manual.next());
function* receivesThrow() { try { yield 1; } catch (e) { yield "handled " + e; } }
const rt = receivesThrow();
rt.next();
console.log(rt.throw("x"), rt.next());
function* delegThrow() { yield* receivesThrow(); }
const dt = delegThrow();
dt.next();
console.log(dt.throw("through yield*"), dt.next());
const badIter = { [Symbol.iterator]() { return { next() { return 5; } }; } };
function* delegBad() { yield* badIter; }
try { delegBad().next(); } catch (e) { console.log(e.constructor.name, e.message); }
function* thisGen() { yield this.tag; }
console.log(thisGen.call({ tag: "receiver" }).next().value);
const nextFn = chain(1).next;
const g3 = chain(1);
console.log(nextFn.call(g3), g3.next(), g3.next());
function* argsGen(a, b) { yield arguments.length; a = "changed"; yield arguments[0]; }
console.log([...argsGen(1, 2)]);
function recurseNext(depth) { const g = (function* () { yield depth; })(); return depth === 0 ? g.next().value : recurseNext(depth - 1) + g.next().value; }
console.log(recurseNext(500));
function* infinite(n) { yield* infinite(n + 1); }
try { infinite(0).next(); } catch (e) { console.log("deep:", e instanceof RangeError, e.message); }
