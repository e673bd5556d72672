// Array.prototype.sort with comparators that throw, mutate the array, return NaN, or are
// expensive; holes and undefined at scale; stability at several sizes.
const arr = [5, 3, 8, 1];
try { arr.sort((a, b) => { if (a === 8 || b === 8) throw new Error("cmp threw"); return a - b; }); } catch (e) { console.log(e.message, arr.length, arr.slice().sort((a, b) => a - b)); }
console.log([3, 1, 2].sort(() => NaN).length, [3, 1, 2].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
let calls = 0;
const big = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
big.sort((a, b) => { calls++; return a - b; });
console.log(big.slice(0, 5), big.slice(-3), calls > 0, big.every((v, i) => i === 0 || big[i - 1] <= v));
for (const n of [2, 10, 11, 22, 23, 100, 513, 2000]) {
  const items = Array.from({ length: n }, (_, i) => ({ key: (i * 31) % 4, i }));
  items.sort((a, b) => a.key - b.key);
  const stable = items.every((x, j) => j === 0 || items[j - 1].key < x.key || items[j - 1].i < x.i);
  console.log(n, stable, items[0].i, items[n - 1].key);
}
const withUndef = [3, undefined, 1, , undefined, 2, , 0];
withUndef.sort((a, b) => b - a);
console.log(withUndef, withUndef.length);
const strs = ["b10", "b9", "a", "B", "", " ", "ab", "aB", "\u00e4", "z"];
console.log(strs.slice().sort(), strs.slice().sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
const objs = [{ n: "x", v: 2 }, { n: "y", v: 1 }, { n: "z", v: 2 }, { n: "w", v: 1 }];
console.log(objs.sort((a, b) => a.v - b.v).map(o => o.n).join(""));
const dates = [Date.UTC(2020, 5, 1), Date.UTC(2019, 0, 1), Date.UTC(2021, 11, 31)].map(t => new Date(t));
console.log(dates.sort((a, b) => a - b).map(d => d.toISOString().slice(0, 10)));
const typed = new Int32Array([5, -2, 9, 0, -2]);
console.log(typed.sort(), new Float64Array([0.5, -Infinity, NaN, 3, -0, 0]).sort());
