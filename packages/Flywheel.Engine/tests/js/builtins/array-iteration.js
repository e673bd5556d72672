// forEach, map, filter, reduce, reduceRight, some, every, find, findIndex, findLast, findLastIndex.
const a = [3, 1, 4, 1, 5, 9, 2, 6];
const trace = [];
a.forEach((v, i, arr) => trace.push(`${i}:${v}:${arr === a}`));
console.log(trace.slice(0, 3).join(" "), trace.length);
console.log(a.map((v, i) => v * i), a.filter(v => v % 2), a.filter((v, i) => i % 3 === 0));
console.log(a.reduce((s, v) => s + v), a.reduce((s, v) => s + v, 100), a.reduceRight((s, v) => s + "," + v), [[1], [2]].reduce((x, y) => x.concat(y), []));
console.log([5].reduce(v => v * 1000), [].reduce((s, v) => s + v, "init"));
try { [].reduce((s, v) => s); } catch (e) { console.log("empty reduce:", e.name); }
try { [, ,].reduceRight((s, v) => s); } catch (e) { console.log("holey reduceRight:", e.name); }
console.log(a.some(v => v > 8), a.some(v => v > 9), [].some(() => true), a.every(v => v > 0), a.every(v => v > 1), [].every(() => false));
console.log(a.find(v => v > 4), a.findIndex(v => v > 4), a.find(v => v > 100), a.findIndex(v => v > 100));
console.log(a.findLast(v => v < 3), a.findLastIndex(v => v < 3), a.findLast(v => v > 100), a.findLastIndex(v => v > 100));
// thisArg
const ctx = { factor: 10 };
console.log(a.map(function (v) { return v * this.factor; }, ctx).slice(0, 3));
// callbacks see holes only for find*/reduce behaviour
const holes = [1, , 3];
const seen = [];
holes.forEach((v, i) => seen.push(i));
const seenFind = [];
holes.find((v, i) => { seenFind.push(i); return false; });
console.log(seen, seenFind, holes.map(x => x * 2), holes.some(x => x === undefined));
// mutation during iteration: forEach uses initial length, sees changed values
const m = [1, 2, 3];
const mseen = [];
m.forEach((v, i) => { if (i === 0) { m.push(99); m[2] = "changed"; } mseen.push(v); });
console.log(mseen, m);
// callbacks not callable
try { [1].map(null); } catch (e) { console.log("map(null):", e.name); }
try { [].forEach(); } catch (e) { console.log("forEach():", e.name); }
// chaining pipeline
const words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig"];
console.log(words.filter(w => w.length > 3).map(w => w.toLowerCase()).filter(w => /[aeiou]$/.test(w)).reduce((acc, w) => acc + w[0], ""));
// reduce building objects
const counts = "mississippi".split("").reduce((acc, c) => { acc[c] = (acc[c] || 0) + 1; return acc; }, {});
console.log(counts);
// map index and array params; map returns new array with same holes
const sparse = [, 1];
const mapped = sparse.map(x => x);
console.log(mapped, 0 in mapped, mapped.length);
// generic on strings
console.log(Array.prototype.map.call("abc", c => c.charCodeAt(0)), Array.prototype.every.call("aaa", c => c === "a"));
