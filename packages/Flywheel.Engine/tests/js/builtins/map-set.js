// Map and Set: SameValueZero keys, insertion order, iteration during mutation, sizes.
const m = new Map();
const objKey = {}, fnKey = () => {};
m.set("a", 1).set(1, "num").set("1", "str").set(objKey, "obj").set(fnKey, "fn").set(NaN, "nan").set(-0, "zero");
console.log(m.size, m.get(1), m.get("1"), m.get(objKey), m.get({}), m.get(NaN), m.get(0), m.get(+0), m.has(-0), m.get(fnKey));
console.log([...m.keys()].map(String), [...m.values()]);
console.log(m.delete("a"), m.delete("a"), m.size, m.has("a"));
m.set(1, "replaced");
console.log([...m.entries()][0], [...m].length);
const order = new Map([["z", 1], ["a", 2]]);
order.delete("z");
order.set("z", 3);
console.log([...order.keys()]);
// iteration while mutating: added entries are visited, deleted are not
const live = new Map([[1, "a"], [2, "b"], [3, "c"]]);
const seen = [];
for (const [k] of live) { seen.push(k); if (k === 1) { live.delete(2); live.set(4, "d"); } }
console.log(seen);
// forEach with thisArg
const fe = [];
new Map([["x", 1]]).forEach(function (v, k, map) { fe.push(`${k}=${v}:${map.size}:${this.t}`); }, { t: "T" });
console.log(fe);
m.clear();
console.log(m.size, [...m]);
// Set
const s = new Set([1, "1", 1, NaN, NaN, 0, -0, undefined, null, objKey, objKey]);
console.log(s.size, [...s].map(String), s.has(-0), s.has(NaN), s.has({}));
console.log(s.add(5) === s, s.delete(5), s.delete(5), [...s.entries()][0], s.keys === s.values, Set.prototype.keys === Set.prototype.values);
const setSeen = [];
const ls = new Set([1, 2]);
for (const v of ls) { setSeen.push(v); if (v < 5) ls.add(v + 2); }
console.log(setSeen);
// from strings, iterables and generators
console.log(new Set("mississippi").size, [...new Set("mississippi")].join(""), new Map(Object.entries({ a: 1 })).get("a"));
function* pairs() { yield ["g", 1]; yield ["h", 2]; }
console.log(new Map(pairs()).size);
try { new Map([1]); } catch (e) { console.log("bad entry:", e.name); }
try { Map(); } catch (e) { console.log("Map without new:", e.name); }
// set operations via arrays
const A = new Set([1, 2, 3, 4]), B = new Set([3, 4, 5]);
console.log([...A].filter(x => B.has(x)), [...new Set([...A, ...B])], [...A].filter(x => !B.has(x)));
// Map with object keys as a cache; Map.groupBy if available
const people = [{ n: "a", g: "x" }, { n: "b", g: "y" }, { n: "c", g: "x" }];
const grouped = new Map();
for (const p of people) { if (!grouped.has(p.g)) grouped.set(p.g, []); grouped.get(p.g).push(p.n); }
console.log([...grouped]);
// toString tags and sizes
console.log(Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Set()), typeof Object.getOwnPropertyDescriptor(Map.prototype, "size").get);
try { Map.prototype.size; } catch (e) { console.log("size on prototype:", e.name); }
// iterator objects
const it = new Set(["p", "q"]).values();
console.log(it.next(), it.next(), it.next(), Object.prototype.toString.call(it));
