// Spread in calls, array literals and object literals; uses the iterator protocol for arrays.
const nums = [3, 1, 4, 1, 5];
console.log(Math.max(...nums), Math.min(...nums, -1));
console.log([...nums, ...[9, 2]]);
console.log([..."héllo"]);
console.log([...new Set([1, 1, 2, 3, 3])]);
console.log([...new Map([["a", 1], ["b", 2]])]);
console.log([...new Map([["a", 1]]).keys()]);
const holes = [1, , 3];
console.log([...holes], [...holes].length, 1 in [...holes]);
function f(a, b, c) { return `${a}-${b}-${c}`; }
console.log(f(...[1, 2]), f(...[1], ...[2, 3, 4]), f(0, ...[]));
const iterable = { *[Symbol.iterator]() { yield "x"; yield "y"; } };
console.log([...iterable], f(...iterable));
try { [...{}]; } catch (e) { console.log("spread non-iterable:", e.name); }
try { f(...123); } catch (e) { console.log("spread number:", e.name); }
// object spread
const base = { a: 1, b: 2 };
const ext = { ...base, b: 3, c: 4 };
console.log(ext, base);
console.log({ ...null, ...undefined, ...123, ..."ab" });
console.log({ ...[10, 20] });
const withGetter = { get g() { return "computed"; } };
const copied = { ...withGetter };
console.log(Object.getOwnPropertyDescriptor(copied, "g"));
const proto = { inherited: true };
const child = Object.create(proto);
child.own = 1;
console.log({ ...child });
const s = Symbol("s");
const withSym = { [s]: "sym", plain: 1 };
console.log({ ...withSym });
const hidden = Object.defineProperty({}, "hidden", { value: 1, enumerable: false });
console.log({ ...hidden, visible: 2 });
// order: later wins, order of first insertion kept
console.log({ x: 1, ...{ y: 2, x: 3 }, z: 4 });
// spread of a string in call
console.log(String.fromCharCode(...[104, 105]));
// new with spread
console.log(new Array(...[3]).length, new Date(...[Date.UTC(2020, 0, 2)]).toISOString());
// nested arrays copying is shallow
const nested = [[1], [2]];
const copy = [...nested];
copy[0].push("shared");
console.log(nested);
