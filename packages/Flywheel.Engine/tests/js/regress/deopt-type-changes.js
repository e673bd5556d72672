// Functions that see one type for a long time, then another (ints → doubles → strings → objects),
// must keep JavaScript semantics when an optimizing tier has speculated.
function add(a, b) { return a + b; }
let acc = 0;
for (let i = 0; i < 20000; i++) acc = add(acc, i & 7);
console.log(acc, add(0.5, 0.25), add("a", 1), add(1, "a"), add([1], [2]), add({}, 1), add(true, null), add(undefined, 1));
function getX(o) { return o.x; }
const shapesSeen = [];
for (let i = 0; i < 20000; i++) getX({ x: i });
shapesSeen.push(getX({ y: 1, x: "second shape" }), getX({ x: null }), getX(Object.create({ x: "proto" })), getX([1]), getX("str"), getX({ get x() { return "getter"; } }));
console.log(shapesSeen);
function idx(arr, i) { return arr[i]; }
const dense = Array.from({ length: 100 }, (_, i) => i);
let s = 0;
for (let i = 0; i < 20000; i++) s += idx(dense, i % 100);
const holey = [1, , 3];
console.log(s, idx(dense, 100), idx(dense, -1), idx(holey, 1), idx([1.5, 2.5], 1), idx("abc", 1), idx({ 0: "obj" }, 0), idx(new Uint8Array([9]), 0), idx(dense, "5"));
function cmp(a, b) { return a < b; }
for (let i = 0; i < 20000; i++) cmp(i, 100);
console.log(cmp(1, 2), cmp("10", "9"), cmp(NaN, 1), cmp("a", 1), cmp(null, 1), cmp([2], 10), cmp(2, 3));
function bitops(a) { return (a << 3) ^ (a >>> 1); }
let b = 0;
for (let i = 0; i < 20000; i++) b ^= bitops(i);
console.log(b, bitops(2 ** 40 + 5), bitops(-1.5), bitops("12"), bitops(NaN));
// changing the shape of an array's elements: ints → doubles → objects
const arr = [];
for (let i = 0; i < 1000; i++) arr.push(i);
let sum1 = 0;
for (const v of arr) sum1 += v;
arr[500] = 0.5;
let sum2 = 0;
for (const v of arr) sum2 += v;
arr[501] = "s";
let sum3 = "";
for (let i = 499; i < 503; i++) sum3 += arr[i] + ",";
console.log(sum1, sum2, sum3);
// a loop whose induction variable overflows int32
let k = 2 ** 31 - 5;
let steps = 0;
while (k < 2 ** 31 + 5) { k++; steps++; }
console.log(k, steps);
// a value that flips between int and double in a hot loop
let x = 1;
for (let i = 0; i < 100000; i++) { x = x * 3; if (x > 1e6) x = x / 7; }
console.log(x.toFixed(6));
