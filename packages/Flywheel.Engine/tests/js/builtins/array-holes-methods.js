// How each Array method treats holes: skipped (forEach/map/filter/some/every/reduce/indexOf/
// for-in/sort), visited as undefined (find*/includes/join/entries/for-of/spread/from/fill),
// preserved (map/slice/concat/reverse/splice), or removed (flat, filter).
const h = () => [1, , 3, , 5];
const visits = name => { const seen = []; return [seen, (v, i) => { seen.push(i); return false; }]; };
for (const m of ["forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap"]) {
  const [seen, cb] = visits(m);
  h()[m](m === "every" ? (v, i) => (seen.push(i), true) : m === "flatMap" ? (v, i) => (seen.push(i), []) : cb);
  console.log(m.padEnd(14), seen.join(","));
}
const rseen = [];
h().reduce((a, v, i) => { rseen.push(i); return a; }, 0);
h().reduceRight((a, v, i) => { rseen.push("r" + i); return a; }, 0);
console.log("reduce        ", rseen.join(","));
console.log(h().map(x => x * 2), h().filter(() => true), h().slice(1, 4), h().concat([, 7]), h().reverse());
console.log(h().indexOf(undefined), h().lastIndexOf(undefined), h().includes(undefined), h().join("-"), String(h()));
console.log([...h()], Array.from(h()), [...h().keys()], [...h().entries()].length, Object.keys(h()));
const forOf = [];
for (const v of h()) forOf.push(v);
const forIn = [];
for (const k in h()) forIn.push(k);
console.log(forOf, forIn);
console.log(h().flat(), [[1, , 2], , [3]].flat(), h().fill(0, 1, 2), new Array(3).fill().length);
const sorted = [3, , 1, , 2].sort();
console.log(sorted, sorted.length, Object.keys(sorted));
const spliced = h();
console.log(spliced.splice(1, 2, "x"), spliced);
console.log(h().toString(), JSON.stringify(h()), h().length, h().at(1), h().with(1, "w"));
console.log(Object.entries(h()), h().copyWithin(0, 1, 3));
const counted = h();
let n = 0;
counted.forEach(() => n++);
console.log(n, counted.length, counted.filter(x => x !== undefined).length);
