// sieve: counts primes below a limit with a byte-array sieve of Eratosthenes, repeated, and
// cross-checks against an odd-only bit-packed sieve. Size: limit.
// quick: 10000
// default: 5000000
"use strict";
const limit = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 5000000;

function sieveBytes(n) {
  const composite = new Uint8Array(n);
  let count = 0;
  for (let i = 2; i < n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j < n; j += i) composite[j] = 1;
  }
  return count;
}
function sieveBits(n) {
  if (n <= 2) return 0;
  const bits = new Int32Array((n >> 6) + 1); // bit k stands for the odd number 2k+1
  let count = 1;
  for (let k = 1; 2 * k + 1 < n; k++) {
    if (bits[k >> 5] & (1 << (k & 31))) continue;
    count++;
    const p = 2 * k + 1;
    if (p > n / p) continue; // p*p would overflow the int32 shift below
    for (let m = (p * p - 1) >> 1; 2 * m + 1 < n; m += p) bits[m >> 5] |= 1 << (m & 31);
  }
  return count;
}
function sieveArray(n) {
  const flags = [];
  for (let i = 0; i < n; i++) flags.push(true);
  let count = 0;
  for (let i = 2; i < n; i++) {
    if (!flags[i]) continue;
    count++;
    for (let j = i + i; j < n; j += i) flags[j] = false;
  }
  return count;
}
const a = sieveBytes(limit), b = sieveBits(limit), c = sieveArray(limit);
if (a !== b || a !== c) throw new Error(`sieves disagree: ${a} ${b} ${c}`);
const known = { 10: 4, 100: 25, 1000: 168, 10000: 1229, 100000: 9592, 1000000: 78498, 2000000: 148933, 5000000: 348513, 10000000: 664579 };
if (known[limit] !== undefined && known[limit] !== a) throw new Error(`pi(${limit}) = ${a}, expected ${known[limit]}`);
console.log(`sieve: ok ${a}`);
