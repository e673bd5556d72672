// Shortest round-trip digits where the gap below a double is half the gap above (powers of two):
// .NET's shortest formatting picks digits below the lower boundary for some of them, e.g. 2 ** -25
// printed as 2.980232238769531e-8, which reads back as the next double down.
// JsDiff finding 1771353629 ((x << 6) / -2147483648 printed one digit short).
const line = [];
let bad = 0;
for (let e = -1074; e <= 1023; e++) {
  const v = 2 ** e;
  if (Number(String(v)) !== v || Number(String(-v)) !== -v || Number(v.toExponential()) !== v) bad++;
  line.push(String(v));
  if (line.length >= 16) { console.log(line.join(" ")); line.length = 0; }
}
console.log(line.join(" "));
console.log("not round-tripping:", bad);
console.log(2 ** -25, -64 / -2147483648, 2 ** -958, JSON.stringify([2 ** -25, 2 ** -958]), (2 ** -25).toPrecision(17));
