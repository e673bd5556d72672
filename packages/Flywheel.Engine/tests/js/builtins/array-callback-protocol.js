// map/filter/forEach/reduce/some/find visit elements and create results exactly as specified, also
// after loops have run on plain arrays (engines take shortcuts while nothing is changed).
const show = (label, v) => console.log(label, JSON.stringify(v));
function all(a) {
  return [
    a.map(x => x * 2), a.filter(x => x % 2), a.reduce((s, x) => s + x, 0), a.reduceRight((s, x) => s + "" + x, ""),
    a.some(x => x > 2), a.every(x => x > 0), a.find(x => x > 1), a.findIndex(x => x > 1), a.flatMap(x => [x, x]),
  ];
}
for (let i = 0; i < 3; i++) show("plain:", all([1, 2, 3]));

// Holes are skipped, unless the prototype chain has the index (read through the chain, getters run).
show("holes:", all([1, , 3]));
Array.prototype[1] = 20;
show("proto element:", all([1, , 3]));
delete Array.prototype[1];
let reads = 0;
Object.defineProperty(Object.prototype, "1", { get() { reads++; return 7; }, configurable: true });
show("proto getter:", [[1, , 3].map(x => x), reads]);
delete Object.prototype[1];

// Elements changed by the callback: later elements are read when visited; the length is read once.
const grow = [1, 2, 3];
show("grow:", grow.map((x, i, arr) => { if (i === 0) { arr.push(9); arr[2] = 30; } return x; }), grow.length);
const shrink = [1, 2, 3, 4];
show("shrink:", shrink.filter((x, i, arr) => { if (i === 0) arr.length = 2; return true; }));
const holed = [1, 2, 3];
show("deleted:", holed.map((x, i, arr) => { if (i === 0) delete arr[1]; return x; }));
const accessor = [1, 2, 3];
Object.defineProperty(accessor, 1, { get() { return "got"; } });
show("own accessor:", accessor.filter(() => true));

// Species: the constructor of the receiver decides what map/filter/slice/splice/concat create.
class Tagged extends Array {}
const t = Tagged.from([1, 2, 3]);
console.log("subclass:", t.map(x => x).constructor.name, t.filter(x => x).constructor.name, t.slice(1).constructor.name);
const own = [1, 2];
own.constructor = function Made(n) { return { made: n }; };
own.constructor[Symbol.species] = own.constructor;
show("own constructor:", own.map(x => x));
const nullSpecies = [1, 2];
nullSpecies.constructor = { [Symbol.species]: null };
console.log("null species:", Array.isArray(nullSpecies.map(x => x)));
const originalConstructor = Array.prototype.constructor;
Array.prototype.constructor = function Other() { return { other: true }; };
Array.prototype.constructor[Symbol.species] = Array.prototype.constructor;
show("proto constructor:", [1].map(x => x));
Array.prototype.constructor = originalConstructor;
show("restored:", [1].map(x => x));
const speciesDescriptor = Object.getOwnPropertyDescriptor(Array, Symbol.species);
let speciesGets = 0;
Object.defineProperty(Array, Symbol.species, { get() { speciesGets++; return undefined; }, configurable: true });
show("species getter:", [[1, 2].map(x => x), [1, 2].filter(x => x), speciesGets]);
Object.defineProperty(Array, Symbol.species, { value: Tagged, configurable: true });
console.log("species value:", [1].map(x => x).constructor.name, [1].concat([2]).constructor.name);
Object.defineProperty(Array, Symbol.species, speciesDescriptor);
console.log("species restored:", [1].map(x => x).constructor.name);
try { Array.prototype.constructor = { [Symbol.species]: 5 }; [1].map(x => x); } catch (e) { console.log(e.constructor.name); }
Array.prototype.constructor = originalConstructor;
for (let i = 0; i < 3; i++) show("plain again:", all([1, 2, 3]));
