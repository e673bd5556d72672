// Randomized arithmetic identities on int32, uint32 and doubles (seeded), checking the engine's
// fast paths against slower equivalent formulations: x|0 vs Math.trunc mod 2^32, shifts vs
// multiplication, Math.imul vs exact products, % vs division, comparisons vs subtraction signs.
let seed = 1;
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
const randInt32 = () => next() | 0;
const randDouble = () => (next() / 4294967296 - 0.5) * 2 ** ((next() % 80) - 20);
function toInt32Slow(x) {
  if (!Number.isFinite(x)) return 0;
  let t = Math.trunc(x) % 4294967296;
  if (t < 0) t += 4294967296;
  return t >= 2147483648 ? t - 4294967296 : t;
}
const failures = [];
let checks = 0;
function check(label, a, b) { checks++; if (!Object.is(a, b) && !(a === 0 && b === 0)) { if (failures.length < 10) failures.push(`${label}: ${a} vs ${b}`); } }
for (let i = 0; i < 3000; i++) {
  const a = randInt32(), b = randInt32(), d = randDouble(), e = randDouble();
  const s = next() % 32;
  check("toInt32", d | 0, toInt32Slow(d));
  check("toInt32 big", (d * 1e12) | 0, toInt32Slow(d * 1e12));
  check("add wrap", (a + b) | 0, toInt32Slow(a + b));
  check("sub wrap", (a - b) | 0, toInt32Slow(a - b));
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  check("imul", Math.imul(a, b), toInt32Slow((((ah * bl + al * bh) % 65536) * 65536 + al * bl) % 4294967296));
  check("shl", a << s, toInt32Slow(a * 2 ** s));
  check("sar", a >> s, Math.floor(a / 2 ** s));
  check("shr", a >>> s, Math.floor((a >>> 0) / 2 ** s));
  check("mod", a % (b || 1), a - Math.trunc(a / (b || 1)) * (b || 1));
  check("dmod sign", Math.sign(d % (e || 1)) || 0, Math.sign(d) || 0);
  check("cmp", a < b, a - b < 0);
  check("dcmp", d < e, d - e < 0);
  check("neg", -(-a), a);
  check("xor self", a ^ a, 0);
  check("and/or", (a & b) + (a | b), a + b);
  check("not", ~a, -a - 1);
  check("mul exact", a * 2, a + a);
  check("div mul", (a / 4) * 4, a);
  check("floor", Math.floor(d), d - (((d % 1) + 1) % 1));
  check("round", Math.round(d), Math.floor(d + 0.5) === 0 && d < 0 ? -0 : Math.floor(d + 0.5));
}
console.log("checks:", checks, "failures:", failures.length);
console.log(failures.join("\n"));
