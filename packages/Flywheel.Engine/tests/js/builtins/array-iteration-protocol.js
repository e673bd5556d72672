// for-of, spread and array destructuring over arrays follow every change to the iteration protocol,
// also after loops have run with the built-in one (engines cache that it is unchanged).
function sum(a) { let s = 0; for (const x of a) s += x; return s; }
function firstTwo(a) { const [x, y] = a; return `${x},${y}`; }
function spread(a) { return [...a].join("|"); }
function run(label) {
  const a = [1, 2, 3];
  let out = [];
  for (let i = 0; i < 3; i++) out.push(sum(a), firstTwo(a), spread(a));
  console.log(label, out.slice(0, 3).join(" "));
}
run("built-in:");

// An own @@iterator on one array.
const own = [1, 2, 3];
own[Symbol.iterator] = function* () { yield 10; yield 20; };
console.log("own:", sum(own), firstTwo(own), spread(own), sum([1, 2, 3]));

// Array.prototype[@@iterator] replaced by plain assignment, then restored.
const values = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { yield "a"; yield "b"; };
run("replaced:");
Array.prototype[Symbol.iterator] = values;
run("restored:");

// %ArrayIteratorPrototype%.next replaced, then restored.
const arrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
const next = arrayIteratorProto.next;
let nexts = 0;
arrayIteratorProto.next = function () { nexts++; return next.call(this); };
run("counted next:");
console.log("next calls:", nexts);
arrayIteratorProto.next = next;
run("next restored:");

// A return method is called when destructuring stops early, wherever it is inherited from.
for (const holder of [arrayIteratorProto, Object.getPrototypeOf(arrayIteratorProto), Object.prototype]) {
  let returns = 0;
  holder.return = function () { returns++; return {}; };
  const [p] = [7, 8, 9];
  for (const x of [1, 2, 3]) if (x === 2) break;
  delete holder.return;
  const [q] = [7, 8, 9];
  console.log("return calls:", returns, p, q);
}

// An accessor for @@iterator on Array.prototype.
let gets = 0;
Object.defineProperty(Array.prototype, Symbol.iterator, { get() { gets++; return values; }, configurable: true });
run("accessor:");
console.log("getter calls:", gets);
Object.defineProperty(Array.prototype, Symbol.iterator, { value: values, writable: true, configurable: true });
run("data again:");

// A changed prototype chain of the array iterator prototype.
const iteratorProto = Object.getPrototypeOf(arrayIteratorProto);
Object.setPrototypeOf(arrayIteratorProto, { return() { console.log("return from new chain"); return {}; } });
const [r] = [1, 2];
Object.setPrototypeOf(arrayIteratorProto, iteratorProto);
const [s] = [1, 2];
console.log("chain:", r, s);

// Deleting @@iterator makes arrays non-iterable.
delete Array.prototype[Symbol.iterator];
try { const [z] = [1]; console.log("no error", z); } catch (e) { console.log(e.constructor.name); }
try { for (const z of [1]) console.log("no error", z); } catch (e) { console.log(e.constructor.name); }
Array.prototype[Symbol.iterator] = values;
run("back:");

// An array with a different prototype, and an array subclass.
const plain = Object.setPrototypeOf([5, 6], { [Symbol.iterator]: function* () { yield "proto"; } });
console.log("other proto:", [...plain].join());
class List extends Array { *[Symbol.iterator]() { yield "sub"; } }
console.log("subclass:", [...List.of(1, 2)].join(), [...new List(3)].length);
