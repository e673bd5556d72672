// Array destructuring patterns: holes, defaults, rest, nesting, iterables, swapping.
const [a, b, c] = [1, 2, 3];
console.log(a, b, c);
const [, second, , fourth] = [1, 2, 3, 4];
console.log(second, fourth);
const [x = "dx", y = "dy", z = "dz"] = [undefined, null];
console.log(x, y, z);
const [first, ...others] = "abcd";
console.log(first, others);
const [[n1, n2], [n3, [n4]]] = [[1, 2], [3, [4]]];
console.log(n1, n2, n3, n4);
const [m1, m2] = new Map([["k1", "v1"], ["k2", "v2"]]);
console.log(m1, m2);
const [s1, s2] = new Set(["only"]);
console.log(s1, s2);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const arr = [];
[arr[1], arr[0]] = ["one", "zero"];
console.log(arr);
const obj = {};
[obj.a, obj["b"]] = [10, 20];
console.log(obj);
// default evaluated lazily
let evals = 0;
const [d1 = ++evals, d2 = ++evals] = [5];
console.log(d1, d2, evals);
// defaults can reference earlier bindings
const [e1, e2 = e1 * 10] = [3];
console.log(e1, e2);
// iterator is closed early when pattern is shorter
let closed = false;
const it = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => ({ value: i++, done: false }), return: () => { closed = true; return {}; } };
  },
};
const [i0, i1] = it;
console.log(i0, i1, closed);
// generator source
function* gen() { yield 1; yield 2; yield 3; }
const [g1, ...grest] = gen();
console.log(g1, grest);
try { const [bad] = null; } catch (e) { console.log("null source:", e.name); }
try { const [bad] = {}; } catch (e) { console.log("object source:", e.name); }
// in for-of
for (const [k, v] of [["a", 1], ["b", 2]]) console.log(k, v);
for (const [idx, ch] of [..."hi"].entries()) console.log(idx, ch);
// rest with holes
const [...all] = [1, , 3];
console.log(all, 1 in all);
// nested default objects
const [{ deep = "default deep" } = {}] = [];
console.log(deep);
