// Long-running loops in top-level code and in functions (on-stack replacement candidates), with
// live values of many kinds across the loop back-edge and after it.
let intSum = 0, dblSum = 0, str = "", obj = { count: 0 }, arr = [];
const closureCounter = (() => { let c = 0; return () => ++c; })();
for (let i = 0; i < 300000; i++) {
  intSum = (intSum + i) | 0;
  dblSum += i * 0.5;
  if (i % 50000 === 0) { str += i; arr.push(i); }
  obj.count++;
  if (i % 100000 === 0) closureCounter();
}
console.log(intSum, dblSum, str, obj.count, arr, closureCounter());
function nested() {
  let total = 0;
  outer: for (let i = 0; i < 500; i++) {
    for (let j = 0; j < 500; j++) {
      if (j > i) continue outer;
      total += (i ^ j) & 3;
    }
  }
  return total;
}
console.log(nested());
function withTry() {
  let n = 0, caught = 0;
  for (let i = 0; i < 100000; i++) {
    try { if (i % 25000 === 0) throw new Error("e" + i); n += 2; } catch (e) { caught++; } finally { n -= 1; }
  }
  return [n, caught];
}
console.log(withTry());
function whileWithObjects() {
  const pts = [];
  let i = 0;
  while (i < 50000) { pts.push({ x: i, y: i * 2 }); i++; }
  let sx = 0, sy = 0;
  do { const p = pts.pop(); sx += p.x; sy += p.y; } while (pts.length);
  return [sx, sy];
}
console.log(whileWithObjects());
// generator resumed many times in a hot loop
function* counter() { let i = 0; for (;;) yield i++; }
const g = counter();
let gs = 0;
for (let i = 0; i < 100000; i++) gs += g.next().value;
console.log(gs);
// loop with arguments object and rest
function argLoop() { let s = 0; for (let r = 0; r < 20000; r++) for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
console.log(argLoop(1, 2, 3, 4));
