// Number to string: shortest round-trip digits and ECMAScript's exponent thresholds.
const values = [
  0, -0, 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3, 100, 1e20, 1e21, 1.5e21, 123456789012345680000,
  1e-6, 1e-7, 1.5e-7, 0.000001234, 0.0000001234, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
  9007199254740991, 9007199254740992, 9007199254740993, 2 ** 63, 2 ** 64, 2 ** 70, 4.35, 0.000123, 123.456,
  1.005, 1.0000000000000002, 0.9999999999999999, 3.14159, Math.PI, Math.E, 1e100, 1.2345e-100, 255 / 256,
  123e18, 123e19, 5e-7, 4.9e-7, 1234567.125, -1e-7, -1e21, 0.5, 1e15 + 0.3, 2 ** -1074, 2 ** 52 + 0.5,
  NaN, Infinity, -Infinity, 299792458, 6.02214076e23, 1.602176634e-19,
];
for (const v of values) console.log(String(v));
// pseudo-random doubles: print and check round-trip
let seed = 12345;
function rnd() { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; }
let allRoundTrip = true;
const samples = [];
for (let i = 0; i < 60; i++) {
  const mant = rnd() / 4294967296 + rnd() / 4294967296 / 4294967296;
  const exp = (rnd() % 80) - 40;
  // scale by exact doubling/halving: Math.pow and ** are only approximated by the spec
  let v = mant;
  for (let k = 0; k < Math.abs(exp * 3); k++) v = exp > 0 ? v * 2 : v / 2;
  if (Number(String(v)) !== v) allRoundTrip = false;
  samples.push(String(v));
}
console.log(samples.join("\n"));
console.log("round trip:", allRoundTrip);
// toString(radix)
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (0.1).toString(3).slice(0, 20), (3.75).toString(8));
console.log((2 ** 53).toString(36), (1e21).toString(16), (35).toString(36), (-0).toString(2), NaN.toString(16), (Infinity).toString(2));
try { (1).toString(1); } catch (e) { console.log("radix 1:", e.name); }
try { (1).toString(37); } catch (e) { console.log("radix 37:", e.name); }
console.log((1).toString(undefined), (10).toString(10.9));
