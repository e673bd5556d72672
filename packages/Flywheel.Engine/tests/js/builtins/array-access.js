// slice, concat, join, toString, indexOf, lastIndexOf, includes, at.
const a = [1, 2, 3, 4, 5];
console.log(a.slice(), a.slice(1), a.slice(1, 3), a.slice(-2), a.slice(-3, -1), a.slice(3, 1), a.slice(10), a.slice(0, 100), a.slice(NaN, "3"));
console.log([1, , 3].slice(), [].concat(1, [2, 3], [[4]], "5"), [1].concat(), a.concat(a).length);
console.log([1, [2, [3, null, undefined]], {}].join(), [null, undefined, 1].join("-"), [].join(), [1, 2].join(undefined), [1, 2].join(null), ["a"].join("sep"));
console.log(String([1, [2, 3]]), [1, 2].toString(), [].toString() === "", [[]].toString(), [[[1]]] + "");
const cyc = [1, 2];
cyc.push(cyc);
console.log(cyc.join(), String(cyc));
const v = [1, 2, NaN, 2, "2", -0, undefined, , null];
console.log(v.indexOf(2), v.indexOf("2"), v.indexOf(NaN), v.indexOf(0), v.indexOf(2, 2), v.indexOf(2, -6), v.indexOf(undefined));
console.log(v.lastIndexOf(2), v.lastIndexOf(2, 2), v.lastIndexOf(2, -8), v.lastIndexOf(null), v.lastIndexOf(7));
console.log(v.includes(NaN), v.includes(0), v.includes(-0), v.includes(undefined), v.includes(2, 4), v.includes("2", -3));
console.log(a.at(0), a.at(-1), a.at(10), a.at(-10), a.at(1.7), a.at("2"), [].at(0));
// array-likes
const like = { length: 3, 0: "a", 1: "b", 2: "c" };
console.log(Array.prototype.slice.call(like, 1), Array.prototype.join.call(like, "+"), Array.prototype.indexOf.call(like, "c"), Array.prototype.includes.call("abc", "b"));
console.log(Array.prototype.at.call(like, -1));
// concat spreads arrays only
console.log([0].concat({ length: 1, 0: "not spread" }).length, [0].concat("str"));
// join of large arrays and nested empty
console.log(new Array(5).join("ab"), [undefined, null].toString());
// keys/values/entries iterators
console.log([...["x", "y"].keys()], [...["x", "y"].values()], [...["x", "y"].entries()], [...[, "h"].keys()]);
console.log(Array.prototype[Symbol.iterator] === Array.prototype.values);
