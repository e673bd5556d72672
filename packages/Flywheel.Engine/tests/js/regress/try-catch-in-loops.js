// Exceptions thrown and caught inside hot loops, across function boundaries and generator frames;
// the loop state after each catch must be exact.
function mayThrow(i) { if (i % 7 === 3) throw new RangeError("bad " + i); return i * 2; }
let sum = 0, errors = 0, last = "";
for (let i = 0; i < 10000; i++) {
  try { sum += mayThrow(i); } catch (e) { errors++; last = e.message; }
}
console.log(sum, errors, last);
// rethrow from nested frames, caught outside the loop
function level3(i) { if (i === 4242) throw new TypeError("deep"); return i; }
function level2(i) { return level3(i) + 1; }
function level1(i) { try { return level2(i); } finally { level1.calls = (level1.calls || 0) + 1; } }
let acc = 0;
try { for (let i = 0; i < 10000; i++) acc += level1(i); } catch (e) { console.log(e.name, e.message, acc, level1.calls); }
// break and continue through finally in hot loops
let fin = 0, body = 0;
for (let i = 0; i < 1000; i++) {
  try { if (i % 3 === 0) continue; if (i === 900) break; body++; } finally { fin++; }
}
console.log(body, fin);
// return from inside loop inside try inside function
function findFirst(arr, pred) { for (let i = 0; i < arr.length; i++) { try { if (pred(arr[i])) return i; } catch { return -2; } } return -1; }
console.log(findFirst([1, 2, 3, 4], x => x > 2), findFirst([1, 2], x => x > 5), findFirst([1, null], x => x.y > 0));
// exceptions from getters and valueOf inside loops
const trap = { get v() { throw new Error("getter"); } };
let caught = 0;
for (let i = 0; i < 100; i++) { try { const x = i % 10 ? i : trap.v; } catch (e) { caught++; } }
const bad = { valueOf() { throw new Error("valueOf"); } };
for (let i = 0; i < 100; i++) { try { const y = i % 20 ? i + 1 : bad + 1; } catch (e) { caught++; } }
console.log(caught);
// generator that throws mid-iteration, consumer recovers and continues with a new generator
function* risky(n) { for (let i = 0; i < n; i++) { if (i === 3) throw new Error("gen " + i); yield i; } }
const collected = [];
for (let attempt = 0; attempt < 2; attempt++) { try { for (const v of risky(5)) collected.push(attempt + ":" + v); } catch (e) { collected.push(e.message); } }
console.log(collected.join(" "));
// nested try/catch with the same binding names
let trace = [];
for (let i = 0; i < 3; i++) {
  try { try { throw i; } catch (e) { trace.push("inner" + e); throw e * 10; } } catch (e) { trace.push("outer" + e); }
}
console.log(trace.join(" "));
