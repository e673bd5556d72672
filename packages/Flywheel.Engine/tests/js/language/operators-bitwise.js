// Bitwise operators and shifts: ToInt32/ToUint32, negative and large shift counts.
const xs = [0, 1, -1, 5, -5, 2147483647, -2147483648, 2147483648, 4294967295, 4294967296, 1.9, -1.9, NaN, Infinity, 1e21, 2 ** 53, "12", "0x10", null, undefined, true];
for (const x of xs) {
  console.log(String(x).padStart(11), "|0:", x | 0, "~:", ~x, ">>>0:", x >>> 0, "&255:", x & 255, "^-1:", x ^ -1);
}
const counts = [0, 1, 31, 32, 33, -1, -31, 64, 100, 1.5, "2"];
for (const c of counts) {
  console.log(`count ${c}:`, 1 << c, -1 << c, 1024 >> c, -1024 >> c, -1024 >>> c, 0x80000000 >> c, 0x80000000 >>> c);
}
console.log(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, ~0xff, 6 & 3, 6 | 3, 6 ^ 3);
console.log(~~3.7, ~~-3.7, ~~"8", ~~[], ~~{}, -0 | 0, Object.is(-0 | 0, 0));
let v = 1;
v <<= 4; console.log(v);
v >>= 1; console.log(v);
v >>>= 1; console.log(v);
v |= 0x100; console.log(v);
v &= 0x10f; console.log(v);
v ^= 0xff; console.log(v);
// popcount and bit tricks
function popcount(n) { n = n - ((n >>> 1) & 0x55555555); n = (n & 0x33333333) + ((n >>> 2) & 0x33333333); return (((n + (n >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24; }
console.log([0, 1, 255, -1, 0x12345678].map(popcount));
console.log(Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.imul(0xffffffff, 5), Math.imul(65536, 65536), Math.imul(3, 4));
console.log((123456789 * 987654321) | 0, Math.imul(123456789, 987654321));
