// toFixed, toPrecision, toExponential: rounding of exact binary values, ranges, errors.
const xs = [0, -0, 1, -1.5, 1.005, 1.45, 1.55, 2.5, 0.000001, 123.456, 1e21, 1e20, -1e-7, 0.5, 1.25, 8.345, 99.995, 1234.5678, 5e-324, NaN, Infinity];
for (const x of xs) {
  console.log(String(x), "|", x.toFixed(), x.toFixed(2), x.toFixed(5), "|", x.toPrecision(), x.toPrecision(1), x.toPrecision(4), x.toPrecision(12), "|", x.toExponential(), x.toExponential(0), x.toExponential(3));
}
console.log((1.23e-10).toFixed(20), (123.456).toFixed(10), (0.1).toFixed(20), (1e20).toFixed(2), (2 ** 70).toFixed(0));
console.log((123456789).toPrecision(3), (0.00001234).toPrecision(2), (1e-7).toPrecision(1), (123.456).toPrecision(21), (999.99).toPrecision(3));
console.log((0).toExponential(2), (12345).toExponential(), (1.5e-10).toExponential(1), (-0.000123).toExponential(5));
for (const [name, f] of [["toFixed(101)", () => (1).toFixed(101)], ["toFixed(-1)", () => (1).toFixed(-1)], ["toPrecision(0)", () => (1).toPrecision(0)], ["toPrecision(101)", () => (1).toPrecision(101)], ["toExponential(101)", () => (1).toExponential(101)], ["toFixed on string", () => Number.prototype.toFixed.call("1", 2)]]) {
  try { console.log(name, f()); } catch (e) { console.log(name, e.name); }
}
console.log((1).toFixed(100).length, (1).toPrecision(100).length, NaN.toFixed(2), (-Infinity).toPrecision(3), Infinity.toExponential(2));
// money rounding helper
const money = [0.615, 10.235, 1.005, 2.675, 1.115].map(v => v.toFixed(2));
console.log(money.join(" "));
// Number.prototype.toLocaleString is locale-dependent: only check it exists
console.log(typeof (1).toLocaleString);
