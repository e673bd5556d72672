// Allocation-heavy code: many short-lived objects, arrays, strings, closures and Maps while a set
// of long-lived objects must stay intact (exercises a collector's marking of every root kind).
const keep = [];
for (let i = 0; i < 200; i++) keep.push({ id: i, tag: "keep" + i, data: [i, i * 2, { deep: i }] });
const keepMap = new Map(keep.map(o => [o.tag, o]));
const keepClosure = (() => { const captured = { secret: "still here" }; return () => captured.secret; })();
let checksum = 0;
for (let round = 0; round < 200; round++) {
  const garbage = [];
  for (let i = 0; i < 200; i++) {
    const o = { a: i, b: "s" + i, c: [i, i + 1], f: () => i };
    garbage.push(o);
    if (i % 50 === 0) garbage.push(new Map([[i, o]]), new Set([o]), "x".repeat(i) + round);
  }
  checksum = (checksum + garbage.length + garbage[10].f() + garbage[5].c[1]) | 0;
  const s = garbage.filter(x => x && x.b).map(x => x.b).join(",");
  checksum = (checksum + s.length) | 0;
}
console.log("checksum", checksum);
let ok = true;
for (let i = 0; i < keep.length; i++) {
  const o = keep[i];
  if (o.id !== i || o.tag !== "keep" + i || o.data[2].deep !== i || keepMap.get("keep" + i) !== o) ok = false;
}
console.log("long-lived intact:", ok, keepClosure(), keepMap.size);
// linked list built and dropped repeatedly
function buildList(n) { let head = null; for (let i = 0; i < n; i++) head = { v: i, next: head }; return head; }
let total = 0;
for (let r = 0; r < 50; r++) { let h = buildList(1000); while (h) { total += h.v; h = h.next; } }
console.log("list total", total);
// strings built by concatenation then sliced
let big = "";
for (let i = 0; i < 5000; i++) big += String.fromCharCode(97 + (i % 26));
const pieces = [];
for (let i = 0; i < big.length; i += 500) pieces.push(big.slice(i, i + 3));
console.log(big.length, pieces.join("|"));
// WeakMap entries whose keys stay alive keep their values
const wm = new WeakMap();
for (const o of keep) wm.set(o, o.id * 10);
let wmOk = true;
for (const o of keep) if (wm.get(o) !== o.id * 10) wmOk = false;
console.log("weakmap intact:", wmOk);
// typed arrays allocated and discarded
let tsum = 0;
for (let i = 0; i < 300; i++) { const t = new Float64Array(256); t[i % 256] = i; tsum += t.reduce((a, b) => a + b, 0); }
console.log("typed sum", tsum);
