// Generator.prototype.return and .throw in every state; finally blocks; try/catch around yield.
function* g1() { try { yield 1; yield 2; } catch (e) { yield "caught " + e; } finally { yield "finally"; } yield "end"; }
let it = g1();
console.log(it.next(), it.throw("E1"), it.next(), it.next(), it.next());
it = g1();
console.log(it.next(), it.return("R"), it.next(), it.next());
// return before start: completes immediately without running body
it = g1();
console.log(it.return("early"), it.next());
// throw before start: throws out, generator completed
it = g1();
try { it.throw(new Error("unstarted")); } catch (e) { console.log("thrown out:", e.message); }
console.log(it.next());
// throw after completion
it = g1();
while (!it.next().done);
try { it.throw("late"); } catch (e) { console.log("after done:", e); }
console.log(it.return("again"));
// return overridden by return in finally
function* g2() { try { yield 1; } finally { return "from finally"; } }
it = g2();
it.next();
console.log(it.return("ignored"));
// finally that yields delays the return
function* g3() { try { yield "a"; } finally { yield "cleanup1"; yield "cleanup2"; } }
it = g3();
console.log(it.next().value, JSON.stringify(it.return("X")), JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
// catch then continue producing values
function* resilient() {
  let errors = 0;
  while (true) {
    try { yield errors; } catch (e) { errors++; }
  }
}
it = resilient();
it.next(); it.throw(1); it.throw(2);
console.log(it.next().value, it.return(99));
// throw with Error objects
function* g4() { try { yield; } catch (e) { return e instanceof RangeError ? e.message : "other"; } }
it = g4();
it.next();
console.log(it.throw(new RangeError("range!")));
// for-of calls return on break, not throw
const log = [];
function* g5() { try { yield 1; yield 2; } finally { log.push("cleanup"); } }
for (const v of g5()) { log.push(v); break; }
console.log(log);
// generator state after exception inside body
function* g6() { yield 1; throw new Error("body error"); }
it = g6();
it.next();
try { it.next(); } catch (e) { console.log(e.message); }
console.log(it.next());
