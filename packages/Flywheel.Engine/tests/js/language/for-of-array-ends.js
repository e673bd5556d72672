// for-of over arrays: empty, ending, holes read through the prototype, arrays growing and shrinking while
// iterated, and an array iterator that stays done (machine code ends such loops inline).
function sum(a) { let s = 0; for (const x of a) s += x; return s; }
const out = [];
for (let i = 0; i < 50; i++) { out.push(sum([]), sum([1]), sum([1, 2, 3]), sum([1, , 3].fill(2, 1, 2))); }
const holes = [1, , 3]; Array.prototype[1] = 5; out.push(sum(holes)); delete Array.prototype[1];
const grow = [1, 2]; let n = 0; for (const x of grow) { if (grow.length < 5) grow.push(x + 10); n += x; } out.push(n);
const shrink = [1, 2, 3, 4]; n = 0; for (const x of shrink) { shrink.length = 2; n += x; } out.push(n);
const it = [7, 8][Symbol.iterator](); for (const x of { [Symbol.iterator]: () => it }) out.push(x); out.push(JSON.stringify(it.next()));
console.log(out.join(","));
