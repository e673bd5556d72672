// Pins node's column grouping of long arrays (more than 6 entries): the number of columns
// depends on the widest entry, the average width and the entry count; values sweep those inputs.
for (const count of [7, 10, 16, 26, 27, 50]) console.log(Array.from({ length: count }, (_, i) => i));
for (const width of [1, 2, 4, 6, 8, 12, 16, 17, 20]) console.log(Array.from({ length: 9 }, (_, i) => "w".repeat(((i * 3) % width) + 1)));
console.log(Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? "long string number " + i : i)));
console.log(Array.from({ length: 8 }, (_, i) => [i]));
console.log(Array.from({ length: 8 }, (_, i) => ({ i })));
console.log(Array.from({ length: 8 }, (_, i) => (i % 2 ? null : undefined)));
console.log(Array.from({ length: 9 }, (_, i) => -Number("1e" + i)));
console.log(Array.from({ length: 9 }, (_, i) => 1 / (i + 1)));
console.log(Array.from({ length: 7 }, (_, i) => "x".repeat(i * 4)));
console.log(Array.from({ length: 30 }, (_, i) => String.fromCharCode(65 + (i % 26))));
