// sort: default string order, comparators, stability, undefined and holes, in-place result.
console.log([10, 9, 1, 100, 25].sort(), [10, 9, 1, 100, 25].sort((a, b) => a - b), [3, 1, 2].sort((a, b) => b - a));
console.log(["b", "a", "C", "B", "c"].sort(), ["b", "a", "C"].sort((x, y) => x.toLowerCase() < y.toLowerCase() ? -1 : 1));
console.log([undefined, 3, null, 1, undefined, NaN, "x"].sort());
const holey = [5, , 1, undefined, , 3];
const sorted = holey.sort();
console.log(sorted === holey, holey, holey.length, Object.keys(holey));
console.log([true, false, 1, 0, "1", "0"].sort(), [-1, -2, 0, -0, 2].sort(), [0.5, -0.5, 1e-7, 1e21].sort());
// stability: equal keys keep their original order
const people = [];
const names = ["ann", "bob", "cid", "dan", "eve", "fay", "gus", "hal", "ida", "jon", "kim", "lee", "max", "ned", "oli", "pam", "quin", "ray", "sue", "tim", "uma", "vic", "wes", "xia", "yan", "zed"];
for (let i = 0; i < names.length; i++) people.push({ name: names[i], age: 20 + (i * 7) % 5 });
const byAge = people.slice().sort((x, y) => x.age - y.age);
console.log(byAge.map(p => p.age + p.name).join(" "));
// stability on a large array (beyond insertion-sort threshold)
const big = [];
for (let i = 0; i < 500; i++) big.push({ k: (i * 37) % 10, i });
big.sort((x, y) => x.k - y.k);
let stable = true;
for (let i = 1; i < big.length; i++) if (big[i - 1].k === big[i].k && big[i - 1].i > big[i].i) stable = false;
console.log("stable:", stable, big[0].i, big[499].i, big.slice(0, 5).map(o => o.i).join(","));
// comparator returning non-numbers, booleans coerce
console.log([3, 1, 2].sort(() => 0), [3, 1, 2].sort((a, b) => (a > b) - (a < b)), [1, 2, 3].sort((a, b) => String(b - a)));
// comparator must be function or undefined
try { [1, 2].sort(null); } catch (e) { console.log("sort(null):", e.name); }
try { [1, 2].sort("x"); } catch (e) { console.log("sort('x'):", e.name); }
console.log([2, 1].sort(undefined));
// sort by multiple keys
const rows = [["b", 2], ["a", 2], ["c", 1], ["a", 1]];
console.log(rows.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(r => r.join("")).join(" "));
// sorting numbers as strings vs numeric with large values
const nums = [];
let seed = 7;
for (let i = 0; i < 40; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; nums.push(seed % 1000); }
console.log(nums.slice().sort((a, b) => a - b).join(" "));
console.log(nums.slice().sort().slice(0, 10).join(" "));
// sort on array-like
const like = { length: 3, 0: "c", 1: "a", 2: "b" };
Array.prototype.sort.call(like);
console.log(like);
// sort of unicode strings by code units
console.log(["é", "e", "z", "E", "😀", "\uffff"].sort().map(s => s.codePointAt(0).toString(16)));
