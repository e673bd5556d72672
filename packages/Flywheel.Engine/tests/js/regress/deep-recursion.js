// Deep (but finite) recursion works; unbounded recursion throws a catchable RangeError and the
// engine stays usable afterwards.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(5000));
function sumTo(n, acc = 0) { return n === 0 ? acc : sumTo(n - 1, acc + n); }
console.log(sumTo(5000));
function infinite(n) { return infinite(n + 1) + 1; }
let caught = null;
try { infinite(0); } catch (e) { caught = e; }
console.log(caught instanceof RangeError, caught && caught.name);
const obj = { get loop() { return this.loop; } };
try { obj.loop; } catch (e) { console.log("getter recursion:", e instanceof RangeError); }
const cyclic = {};
cyclic.toString = function () { return String(this); };
try { String(cyclic); } catch (e) { console.log("toString recursion:", e instanceof RangeError); }
function mutualA(n) { return mutualB(n + 1); }
function mutualB(n) { return mutualA(n + 1); }
try { mutualA(0); } catch (e) { console.log("mutual recursion:", e instanceof RangeError); }
// still works afterwards, including allocation and try/finally
let finallyRan = false;
try { try { infinite(0); } finally { finallyRan = true; } } catch (e) { console.log("finally during overflow:", finallyRan, e instanceof RangeError); }
console.log(depth(1000), [1, 2, 3].map(x => x * 2), JSON.stringify({ ok: true }));
// recursion through different call kinds
const viaApply = n => (n === 0 ? "done" : viaApply.apply(null, [n - 1]));
const viaBind = function (n) { return n === 0 ? "done" : viaBind.bind(null, n - 1)(); };
const viaSpread = (...args) => (args[0] === 0 ? "done" : viaSpread(...[args[0] - 1]));
console.log(viaApply(1000), viaBind(1000), viaSpread(1000));
function* genRec(n) { if (n > 0) yield* genRec(n - 1); yield n; }
console.log([...genRec(200)].length);
// recursive data structures printed via recursion
function build(n) { return n === 0 ? null : { n, next: build(n - 1) }; }
function len(l) { return l === null ? 0 : 1 + len(l.next); }
console.log(len(build(3000)));
