// Line breaking: an object or array is printed on one line if it fits in 72 columns (counting
// indentation) and has at most 6 entries of "simple" content; otherwise entries go on their own lines.
console.log({ a: "x".repeat(10), b: "y".repeat(10), c: "z".repeat(10), d: "w".repeat(10) });
console.log({ a: "x".repeat(15), b: "y".repeat(15), c: "z".repeat(15), d: "w".repeat(15) });
console.log([{ name: "alpha", value: 1 }, { name: "beta", value: 2 }, { name: "gamma", value: 3 }]);
console.log([{ name: "alpha", value: 1, extra: "data" }, { name: "beta", value: 2, extra: "data" }, { name: "gamma", value: 3 }]);
console.log({ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] });
console.log({ matrix: [[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]] });
console.log([[["a", "b"], ["c", "d"]], [["e", "f"], ["g", "h"]]]);
console.log({ config: { server: { host: "localhost", port: 8080 }, db: { user: "root", pass: "secret" } } });
console.log({ k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6 });
console.log({ k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7 });
console.log([["key", "value"], ["another key", "another value"], ["third", "3"]]);
console.log({ list: Array.from({ length: 12 }, (_, i) => i * 3), label: "numbers" });
console.log({ words: ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"] });
const row = { id: 1, title: "A title that is somewhat long", tags: ["one", "two"], done: false };
console.log(row);
console.log([row, row]);
console.log({ a: { b: { c: {} } } }, { a: { b: { c: { d: 1 } } } });
console.log([1, [2, [3, [4, [5]]]]]);
console.log({ fn: function namedFunction() {}, cls: class Klass {}, sym: Symbol("s"), re: /x/, date: new Date(0), nil: null });
console.log(Array.from({ length: 7 }, (_, i) => "s".repeat(i + 1)));
console.log(Array.from({ length: 27 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat((i % 5) + 1)));
console.log(Array.from({ length: 16 }, (_, i) => (i % 2 ? -i * 1.5 : i * 1000)));
