// Object destructuring: renaming, defaults, computed keys, rest, nesting, primitives.
const { a, b: renamed, c = "default", d: { e } = { e: "nested default" } } = { a: 1, b: 2 };
console.log(a, renamed, c, e);
const key = "dynamic";
const { [key]: dyn, ["x" + "y"]: xy } = { dynamic: "D", xy: "XY" };
console.log(dyn, xy);
const { p, ...restProps } = { p: 1, q: 2, r: 3 };
console.log(p, restProps);
const { length, 0: firstChar } = "hello";
console.log(length, firstChar);
const { toFixed } = 5;
console.log(typeof toFixed);
const { inherited } = Object.create({ inherited: "from proto" });
console.log(inherited);
const { x: { y: { z: deep } } } = { x: { y: { z: "deep" } } };
console.log(deep);
try { const { boom } = null; } catch (ex) { console.log("null:", ex.name); }
try { const { boom } = undefined; } catch (ex) { console.log("undefined:", ex.name); }
try { const { inner: { boom } } = {}; } catch (ex) { console.log("missing nested:", ex.name); }
// rest excludes inherited and non-enumerable, includes symbols
const s = Symbol("s");
const src = Object.create({ inh: 1 });
src.own = 2;
src[s] = 3;
Object.defineProperty(src, "hidden", { value: 4, enumerable: false });
const { ...copy } = src;
console.log(copy, Object.getOwnPropertySymbols(copy).length);
// getters invoked once per access, in order
const log = [];
const tracked = {
  get one() { log.push("one"); return 1; },
  get two() { log.push("two"); return 2; },
};
const { two, one } = tracked;
console.log(one, two, log);
// assignment destructuring needs parentheses
let m, n;
({ m, n = "n default" } = { m: "M" });
console.log(m, n);
// defaults with function names
const { fn = function () {}, arrow = () => {} } = {};
console.log(fn.name, arrow.name);
// in for-of and parameters
const people = [{ name: "ann", age: 30 }, { name: "bob", age: 25 }];
for (const { name, age: years } of people) console.log(name, years);
function describe({ name, tags: [firstTag = "none"] = [] }) { return `${name}:${firstTag}`; }
console.log(describe({ name: "a" }), describe({ name: "b", tags: ["t1", "t2"] }));
// numeric and string keys
const { 1: one1, "two words": tw } = { 1: "num key", "two words": "spaced" };
console.log(one1, tw);
// computed key evaluated before value
const order = [];
const { [(order.push("key"), "k")]: kv = (order.push("default"), "dv") } = {};
console.log(kv, order);
