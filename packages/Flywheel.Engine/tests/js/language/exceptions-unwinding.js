// Exceptions propagating through many frames: callbacks, getters, constructors, generators,
// Array methods, JSON revivers, sort comparators — each finally runs once, in order.
const log = [];
function level(n, thrower) {
  try { return n === 0 ? thrower() : level(n - 1, thrower); }
  finally { log.push("f" + n); }
}
try { level(4, () => { throw new Error("bottom"); }); } catch (e) { log.push("caught " + e.message); }
console.log(log.join(" "));
const sources = {
  "map callback": () => [1, 2, 3].map(x => { if (x === 2) throw new TypeError("in map"); return x; }),
  "sort comparator": () => [3, 1, 2].sort(() => { throw new RangeError("in sort"); }),
  "getter": () => ({ get g() { throw new SyntaxError("in getter"); } }).g,
  "constructor": () => new (class { constructor() { throw new EvalError("in ctor"); } })(),
  "JSON reviver": () => JSON.parse("[1]", () => { throw new URIError("in reviver"); }),
  "JSON toJSON": () => JSON.stringify({ toJSON() { throw new Error("in toJSON"); } }),
  "replace callback": () => "abc".replace(/b/, () => { throw new Error("in replace"); }),
  "iterator next": () => [...{ [Symbol.iterator]: () => ({ next() { throw new Error("in next"); } }) }],
  "toString": () => `${{ toString() { throw new Error("in toString"); } }}`,
  "valueOf in compare": () => ({ valueOf() { throw new Error("in valueOf"); } }) < 1,
  "Map forEach": () => new Map([[1, 1]]).forEach(() => { throw new Error("in forEach"); }),
  "generator body": () => { const g = (function* () { yield 1; throw new Error("in generator"); })(); g.next(); g.next(); },
  "reduce": () => [1, 2].reduce(() => { throw new Error("in reduce"); }),
  "setter": () => { const o = { set s(v) { throw new Error("in setter " + v); } }; o.s = 5; },
  "Array.from mapper": () => Array.from([1], () => { throw new Error("in from"); }),
  "tagged template": () => ((s) => { throw new Error("in tag"); })`x`,
  "default parameter": () => (function (a = (() => { throw new Error("in default"); })()) {})(),
  "computed key": () => ({ [(() => { throw new Error("in key"); })()]: 1 }),
};
for (const [name, f] of Object.entries(sources)) {
  try { f(); console.log(name, "did not throw"); } catch (e) { console.log(name.padEnd(18), e.constructor.name, e.message); }
}
// error thrown inside catch inside finally chain
const order = [];
try {
  try { throw new Error("one"); }
  catch (e) { order.push("catch " + e.message); throw new Error("two"); }
  finally { order.push("finally"); }
} catch (e) { order.push("outer " + e.message); }
console.log(order.join(" | "));
// the state after an exception in a for-of: iterator closed
let closed = false;
const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return: () => { closed = true; return {}; } }; } };
try { for (const x of it) throw new Error("stop"); } catch { }
console.log("closed:", closed);
