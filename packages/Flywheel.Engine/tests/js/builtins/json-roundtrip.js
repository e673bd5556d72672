// Property-style round trips: random JSON values from a seeded generator survive stringify/parse
// (with and without indentation), and parse(stringify(x)) equals x structurally.
let seed = 20240229;
const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) + 0x9e3779b9) >>> 0) / 4294967296);
const chars = "abc xyz\"\\/\n\t\u0001é日😀\u2028";
function randomString() { let s = ""; const n = Math.floor(rnd() * 8); for (let i = 0; i < n; i++) s += chars[Math.floor(rnd() * chars.length)]; return s; }
function randomNumber() {
  const k = Math.floor(rnd() * 6);
  return k === 0 ? Math.floor(rnd() * 1000) - 500 : k === 1 ? rnd() * 1e-5 : k === 2 ? (rnd() - 0.5) * 1e21 : k === 3 ? 0 : k === 4 ? rnd() : Math.round(rnd() * 1e6) / 100;
}
function randomValue(depth) {
  const k = Math.floor(rnd() * (depth > 3 ? 4 : 6));
  if (k === 0) return randomNumber();
  if (k === 1) return randomString();
  if (k === 2) return rnd() < 0.5;
  if (k === 3) return null;
  if (k === 4) return Array.from({ length: Math.floor(rnd() * 5) }, () => randomValue(depth + 1));
  const o = {};
  const n = Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) o[rnd() < 0.2 ? String(Math.floor(rnd() * 10)) : randomString()] = randomValue(depth + 1);
  return o;
}
function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equal(a[k], b[k]));
}
let ok = 0, totalLength = 0;
const samples = [];
for (let i = 0; i < 300; i++) {
  const v = randomValue(0);
  const s = JSON.stringify(v), p = JSON.stringify(v, null, i % 3 === 0 ? 2 : "\t");
  const back = JSON.parse(s), backP = JSON.parse(p);
  if (equal(v, back) && equal(v, backP) && JSON.stringify(back) === s) ok++;
  totalLength += s.length;
  if (i < 8) samples.push(s);
}
console.log(ok, totalLength);
console.log(samples.join("\n"));
// numbers specifically: shortest round trip through JSON
let numsOk = 0;
for (let i = 0; i < 1000; i++) { const x = randomNumber() * (rnd() < 0.5 ? -1 : 1); if (Object.is(JSON.parse(JSON.stringify(x)), x === 0 ? 0 : x)) numsOk++; }
console.log("numbers:", numsOk);
