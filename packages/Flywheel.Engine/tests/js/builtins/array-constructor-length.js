// Array constructor forms, length semantics, isArray, holes vs undefined.
console.log(new Array(3).length, new Array(3, 4), Array(2).length, Array("3"), new Array(0).length, [].length);
try { new Array(-1); } catch (e) { console.log("negative length:", e.name); }
try { new Array(1.5); } catch (e) { console.log("fractional length:", e.name); }
try { [].length = -1; } catch (e) { console.log("set negative length:", e.name); }
const a = [1, 2, 3, 4, 5];
a.length = 2;
console.log(a, a[3]);
a.length = 4;
console.log(a, 3 in a);
a[9] = "ten";
console.log(a.length, a);
const b = [];
b["2"] = "via string";
console.log(b.length, b);
b["02"] = "not index";
b[-1] = "negative";
b[4294967295] = "too big";
console.log(b.length, Object.keys(b));
b[4294967294] = "max index";
console.log(b.length);
console.log(Array.isArray([]), Array.isArray(new Array()), Array.isArray({ length: 0 }), Array.isArray(Array.prototype), Array.isArray("a"));
// holes vs undefined
const holes = [, undefined, , 3];
console.log(holes.length, 0 in holes, 1 in holes, holes.indexOf(undefined), holes.includes(undefined));
console.log(holes.map(x => "m"), holes.filter(() => true).length, Object.keys(holes));
let visited = 0;
holes.forEach(() => visited++);
console.log(visited, JSON.stringify(holes), holes.join("-"));
// length is always one more than the last index
const c = [];
c[100] = 1;
console.log(c.length, c.filter(() => true).length);
// Array.prototype.length and constructor
console.log(Array.prototype.length, Array.length, Array.name, [].constructor === Array);
// array with only length set
const d = [];
d.length = 3;
console.log(d, d.length);
// truncation deletes elements
const e = ["a", "b", "c"];
e.length = 0;
console.log(e, e[0]);
// length coercion
const f = [1, 2, 3];
f.length = "1";
console.log(f);
try { f.length = "abc"; } catch (err) { console.log("non-numeric length:", err.name); }
// large sparse
const big = [];
big[1e6] = 1;
console.log(big.length, Object.keys(big).length);
