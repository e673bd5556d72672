// Object.keys/values/entries/fromEntries/assign/is/hasOwn/groupBy-free basics.
const o = { b: 2, a: 1, [Symbol("s")]: 3 };
Object.defineProperty(o, "hidden", { value: 4, enumerable: false });
console.log(Object.keys(o), Object.values(o), Object.entries(o));
console.log(Object.getOwnPropertyNames(o), Object.getOwnPropertySymbols(o).map(String));
console.log(Object.keys("abc"), Object.values("ab"), Object.entries([7, 8]));
try { Object.keys(null); } catch (e) { console.log("keys(null):", e.name); }
console.log(Object.keys(5), Object.keys(true));
console.log(Object.fromEntries([["x", 1], ["y", 2]]), Object.fromEntries(new Map([["m", true]])));
console.log(Object.fromEntries(Object.entries({ a: 1, b: 2 }).map(([k, v]) => [k.toUpperCase(), v * 10])));
// assign: copies own enumerable (strings and symbols), invokes setters, skips null/undefined
const target = { set t(v) { this.setCalled = v; } };
const ret = Object.assign(target, { a: 1 }, null, undefined, "xy", { t: "via setter" }, [9]);
console.log(ret === target, target);
console.log(Object.assign({}, { [Symbol.for("k")]: 1 }));
try { Object.assign(Object.freeze({ a: 1 }), { a: 2 }); } catch (e) { console.log("assign to frozen:", e.name); }
console.log(Object.assign(1, { a: 1 }) instanceof Number);
// is
console.log([[1, 1], [NaN, NaN], [0, -0], [-0, -0], ["a", "a"], [{}, {}], [null, undefined]].map(([a, b]) => Object.is(a, b)));
// hasOwn / hasOwnProperty
console.log(Object.hasOwn({ x: undefined }, "x"), Object.hasOwn(Object.create({ y: 1 }), "y"), Object.hasOwn([1], 0), Object.hasOwn([1], "length"));
// getPrototypeOf on primitives, setPrototypeOf returns object
console.log(Object.getPrototypeOf("s") === String.prototype, Object.setPrototypeOf({}, null) !== null);
try { Object.getPrototypeOf(undefined); } catch (e) { console.log("getPrototypeOf(undefined):", e.name); }
// Object() conversions
console.log(typeof Object(1), typeof Object("s"), typeof Object(null), Object(undefined), Object({ same: 1 }).same);
const same = {};
console.log(Object(same) === same, new Object(same) === same);
// entries with getters and order
console.log(Object.entries({ 2: "b", 1: "a", z: "z" }));
// toString/toLocaleString/valueOf basics
console.log({}.toString(), Object.prototype.toString.call([]), ({}).valueOf !== undefined, [1, 2].toLocaleString());
// groupBy (ES2024) exists in node 20? Feature-test rather than depend on it.
console.log(typeof Object.groupBy === "function" || typeof Object.groupBy === "undefined");
// Object.create second argument and null proto object printing
const np = Object.create(null, { x: { value: 1, enumerable: true } });
console.log(Object.keys(np), np.x, Object.getPrototypeOf(np));
// Object.entries on array-like
console.log(Object.entries({ length: 2, 0: "a", 1: "b" }));
