// flat, flatMap, Array.from (iterables, array-likes, map function), Array.of.
const nested = [1, [2, [3, [4, [5]]]], [], [[]]];
console.log(nested.flat(), nested.flat(2), nested.flat(Infinity), nested.flat(0).length, [1, , [2, , 3]].flat());
console.log([1, 2, 3].flatMap(x => [x, x * 10]), [1, 2].flatMap(x => [[x]]), ["a b", "c"].flatMap(s => s.split(" ")), [1, 2].flatMap(x => x));
console.log(Array.from("héllo"), Array.from(new Set([3, 3, 4])), Array.from(new Map([[1, 2]])), Array.from({ length: 3 }), Array.from({ length: 2, 0: "x" }));
console.log(Array.from({ length: 5 }, (_, i) => i * i), Array.from([1, 2], function (v) { return v + this.add; }, { add: 100 }));
console.log(Array.from(5), Array.from(true), Array.from([1, , 3]));
function* gen() { yield "g1"; yield "g2"; }
console.log(Array.from(gen()), Array.from(new Uint8Array([1, 2])), Array.from("😀x").length);
try { Array.from(null); } catch (e) { console.log("from(null):", e.name); }
try { Array.from([], "notfn"); } catch (e) { console.log("from bad mapper:", e.name); }
console.log(Array.of(7), Array.of(1, 2, 3), Array.of(), Array.of(undefined).length);
// from with subclass
class MyArr extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
const my = MyArr.from([1, 2, 3]);
console.log(my instanceof MyArr, my.sum(), MyArr.of(4, 5).sum(), my.length);
console.log(my.map(x => x * 2) instanceof MyArr, my.filter(x => x > 1).sum());
// range helper
const range = (a, b, step = 1) => Array.from({ length: Math.ceil((b - a) / step) }, (_, i) => a + i * step);
console.log(range(0, 5), range(1, 10, 3), range(5, 0));
// 2-D grid
const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => r * 3 + c));
console.log(grid, grid.flat().reduce((a, b) => a + b));
