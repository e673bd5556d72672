// Number arrays with mixed widths, signs and decimals: column grouping pads numbers on the left,
// strings on the right; arrays of more than 6 short items are grouped, longer ones wrapped.
console.log([1, -1, 10, -10, 100, -100, 1000]);
console.log([0.1, 0.25, -0.5, 1.125, 2.5e-7, 1e21, -0, NaN, Infinity]);
console.log(Array.from({ length: 12 }, (_, i) => (i - 6) * 1.5));
console.log(Array.from({ length: 20 }, (_, i) => 2 ** i));
console.log(Array.from({ length: 9 }, (_, i) => "x".repeat(i)));
console.log(Array.from({ length: 7 }, (_, i) => (i % 2 ? "str" + i : i)));
console.log([true, false, true, false, true, false, true, false]);
console.log([null, undefined, null, undefined, null, undefined, null]);
console.log(Array.from({ length: 6 }, (_, i) => i));
console.log([[1, 2, 3, 4, 5, 6, 7, 8]]);
console.log({ a: Array.from({ length: 8 }, (_, i) => i * 11) });
console.log(Array.from({ length: 40 }, (_, i) => (i * 7919) % 1000));
console.log(new Set(Array.from({ length: 8 }, (_, i) => i)), new Map(Array.from({ length: 3 }, (_, i) => [i, i * i])));
console.log([1.5, [2.5, [3.5]], { n: -0 }]);
console.log(Array.from({ length: 4 }, (_, i) => ({ id: i, label: "item number " + i })));
