// for, while, do-while, for-in, for-of: bodies, updates, empty parts, scoping.
let s = "";
for (let i = 0; i < 5; i++) s += i;
console.log(s);
let j = 0;
for (; ;) { if (++j > 3) break; }
console.log(j);
let w = 10, steps = 0;
while (w > 1) { w = w % 2 ? 3 * w + 1 : w / 2; steps++; }
console.log(steps);
let d = 0;
do { d++; } while (false);
console.log(d);
// for with multiple declarations and expression init
let a, b;
for (a = 0, b = 10; a < b; a++, b--);
console.log(a, b);
// for-of over many iterables
for (const x of [1, 2]) console.log("array", x);
for (const c of "ab") console.log("string", c);
for (const c of "😀x") console.log("code point", c.length);
for (const [k, v] of new Map([["m", 1]])) console.log("map", k, v);
for (const v of new Set(["s"])) console.log("set", v);
for (const v of new Uint8Array([7, 8])) console.log("typed", v);
for (const [i, v] of ["x", "y"].entries()) console.log("entries", i, v);
for (const k of Object.keys({ p: 1, q: 2 })) console.log("keys", k);
(function () { for (const a of arguments) console.log("arguments", a); })("arg");
// for-of sees array growth
const grow = [1];
for (const x of grow) { if (x < 4) grow.push(x + 1); }
console.log(grow);
// for-in over arrays gives string indices, skipping holes
const arr = [5, , 7];
arr.extra = "e";
for (const k in arr) console.log("for-in", k, typeof k);
// for-in over string
for (const k in "hi") console.log("for-in string", k);
// for-in ignores null/undefined
for (const k in null) console.log("never");
for (const k in undefined) console.log("never");
console.log("after null for-in");
// for-in with deletion during iteration: deleted unvisited keys are skipped
const del = { a: 1, b: 2, c: 3 };
const visited = [];
for (const k in del) { visited.push(k); if (k === "a") delete del.b; }
console.log(visited);
// var in for-in head
for (var fk in { only: 1 });
console.log(fk);
// while with complex conditions and assignment
const queue = [3, 2, 1];
let item, total = 0;
while ((item = queue.shift()) !== undefined) total += item;
console.log(total);
// nested loops building a table
const table = [];
for (let r = 1; r <= 3; r++) { const row = []; for (let c = 1; c <= 3; c++) row.push(r * c); table.push(row.join(" ")); }
console.log(table.join(" / "));
