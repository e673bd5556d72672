// Many pseudo-random doubles across the exponent range printed with String(); each must be the
// shortest string that round-trips, so parse(print(x)) === x and print has no redundant digits.
let seed = 987654321;
const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
const next = () => (seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0);
const lines = [];
let shortest = true, roundTrip = true;
for (let i = 0; i < 400; i++) {
  u32[0] = next(); u32[1] = (next() & 0x7fefffff) | (i % 2 ? 0x80000000 : 0);
  const x = f64[0];
  if (!Number.isFinite(x)) continue;
  const s = String(x);
  if (Number(s) !== x) roundTrip = false;
  const digits = s.replace(/^-/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  if (digits.length > 1 && Number(x.toPrecision(digits.length - 1)) === x) shortest = false;
  if (i % 8 === 0) lines.push(s);
}
console.log(lines.join("\n"));
console.log("round trip:", roundTrip, "shortest:", shortest);
const edge = [0.1 + 0.7, 1 / 3, 2 / 3, 100 / 3, 1e21 - 1, 1e21 + 65536, 123456789012345678, 0.000001, 0.0000001, 1e-7 * 3, 4.35 * 100, 1.1 * 1.1, 5e-324 * 3, 2 ** 1023 * 1.5];
console.log(edge.map(String).join(" "));
