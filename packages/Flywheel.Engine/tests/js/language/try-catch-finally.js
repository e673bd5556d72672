// try/catch/finally: control flow, finally overriding, nesting, rethrow, optional catch binding.
function f1() { try { return "try"; } finally { console.log("finally runs before return"); } }
console.log(f1());
function f2() { try { return "try"; } finally { return "finally"; } }
console.log(f2());
function f3() { try { throw new Error("x"); } catch (e) { return "catch " + e.message; } finally { console.log("finally after catch"); } }
console.log(f3());
function f4() { try { throw 1; } finally { return "finally swallows throw"; } }
console.log(f4());
function f5() { for (let i = 0; ; i++) { try { if (i === 2) break; } finally { console.log("loop finally", i); } } return "broke"; }
console.log(f5());
function f6() { let x = 1; try { return x; } finally { x = 2; } }
console.log(f6());
function f7() { try { try { throw new Error("inner"); } finally { console.log("inner finally"); } } catch (e) { return "outer caught " + e.message; } }
console.log(f7());
function f8() { try { throw new Error("first"); } catch (e) { throw new Error("second from catch"); } finally { console.log("finally still runs"); } }
try { f8(); } catch (e) { console.log(e.message); }
function f9() { try { throw "a"; } catch { return "optional binding"; } }
console.log(f9());
// throw any value
for (const v of [1, "s", null, undefined, { o: 1 }, [1]]) {
  try { throw v; } catch (e) { console.log("caught", typeof e, JSON.stringify(e)); }
}
// catch scope
try { throw "scoped"; } catch (err) { var fromCatch = err; }
console.log(fromCatch, typeof err);
// destructuring in catch
try { throw { code: 42, msg: "m" }; } catch ({ code, msg }) { console.log(code, msg); }
try { throw [1, 2]; } catch ([a, b]) { console.log(a + b); }
// finally with continue
const log = [];
for (let i = 0; i < 3; i++) { try { continue; } finally { log.push(i); } }
console.log(log);
// nested finally ordering
function order() {
  const o = [];
  try { try { o.push("t1"); throw 0; } catch { o.push("c1"); } finally { o.push("f1"); } o.push("after"); } finally { o.push("f2"); }
  return o.join(" ");
}
console.log(order());
// rethrow preserves identity
const original = new TypeError("orig");
try { try { throw original; } catch (e) { throw e; } } catch (e) { console.log(e === original, e instanceof TypeError); }
// errors thrown from builtins are catchable with correct types
const cases = [() => null.x, () => undefined(), () => { new Array(-1); }, () => "x".repeat(-1), () => JSON.parse("{"), () => { decodeURIComponent("%"); }, () => Symbol() + 1, () => (1).toFixed(-1), () => { ({}).x.y; }, () => { let o = {}; o.f(); }];
for (const c of cases) { try { c(); } catch (e) { console.log(e.constructor.name, e instanceof Error); } }
// generator finally
function* g() { try { yield 1; yield 2; } finally { console.log("generator finally"); } }
for (const v of g()) { if (v === 1) break; }
