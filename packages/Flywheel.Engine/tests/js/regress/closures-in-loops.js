// Closures created in loops, in nested loops, in try/catch and switch blocks, capturing
// variables that later change; each must see its own binding per the spec.
const fs = [];
for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) fs.push(() => `${i}${j}`);
console.log(fs.map(f => f()).join(" "));
const gs = [];
for (let i = 0; i < 3; i++) { let local = i * 10; gs.push(() => local++); }
console.log(gs.map(g => g()).join(" "), gs.map(g => g()).join(" "));
const hs = [];
let shared = 0;
for (let i = 0; i < 3; i++) hs.push(() => shared + i);
shared = 100;
console.log(hs.map(h => h()).join(" "));
const ws = [];
let w = 0;
while (w < 3) { const captured = w; ws.push(() => captured); w++; }
console.log(ws.map(f => f()).join(" "));
const ds = [];
let d = 0;
do { let inner = d; ds.push(() => inner); } while (++d < 3);
console.log(ds.map(f => f()).join(" "));
const ss = [];
for (const x of ["a", "b"]) { switch (x) { case "a": { const y = x + "!"; ss.push(() => y); break; } default: ss.push(() => x + "?"); } }
console.log(ss.map(f => f()).join(" "));
const ts = [];
for (let i = 0; i < 3; i++) { try { if (i === 1) throw new Error("e" + i); ts.push(() => "try" + i); } catch (e) { ts.push(() => e.message); } }
console.log(ts.map(f => f()).join(" "));
// closure modifying the loop variable affects the current iteration only
const ms = [];
for (let i = 0; i < 6; i++) { const bump = () => { i += 1; }; if (i % 2 === 0) bump(); ms.push(i); }
console.log(ms.join(" "));
// for-in/for-of with closures over destructured bindings
const es = [];
for (const [k, v] of Object.entries({ a: 1, b: 2 })) es.push(() => k + v);
for (const k in { c: 3 }) es.push(() => k);
console.log(es.map(f => f()).join(" "));
// deep closure chains created in a loop
const chain = [];
for (let i = 0; i < 3; i++) chain.push((a => b => c => a + b + c + i)(i * 100)(i * 10));
console.log(chain.map(f => f(1)).join(" "));
// closures capturing arguments from loop-created functions
const as = [];
for (var v = 0; v < 3; v++) as.push(function () { return arguments.length + v; });
console.log(as.map((f, i) => f(...Array(i))).join(" "));
// counters sharing a scope
function makePair() { let n = 0; return [() => ++n, () => n]; }
const pairs = [];
for (let i = 0; i < 3; i++) pairs.push(makePair());
pairs[0][0](); pairs[0][0](); pairs[2][0]();
console.log(pairs.map(([, get]) => get()).join(" "));
