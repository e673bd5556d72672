// fannkuch: for every permutation of 1..n (generated in Heap-like rotation order), counts the
// pancake flips until 1 is in front; integer arrays, tight loops. Size: n.
// quick: 6
// default: 10
"use strict";
const n = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 10;

function fannkuch(n) {
  const perm = new Array(n), perm1 = new Array(n), count = new Array(n);
  for (let i = 0; i < n; i++) perm1[i] = i;
  let maxFlips = 0, checksum = 0, permCount = 0, r = n;
  for (;;) {
    while (r !== 1) { count[r - 1] = r; r--; }
    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0, k;
    while ((k = perm[0]) !== 0) {
      for (let i = 0, j = k; i < j; i++, j--) { const t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
      flips++;
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;
    for (;;) {
      if (r === n) return { checksum, maxFlips, permCount: permCount + 1 };
      const first = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}
const res = fannkuch(n);
let factorial = 1;
for (let i = 2; i <= n; i++) factorial *= i;
if (res.permCount !== factorial) throw new Error(`visited ${res.permCount} permutations, expected ${factorial}`);
const known = { 3: [2, 2], 4: [8, 4], 5: [11, 7], 6: [49, 10], 7: [228, 16], 8: [1616, 22], 9: [8629, 30], 10: [73196, 38], 11: [556355, 51] };
if (known[n] && (known[n][0] !== res.checksum || known[n][1] !== res.maxFlips)) throw new Error(`fannkuch(${n}) = ${res.checksum}/${res.maxFlips}, expected ${known[n]}`);
console.log(`fannkuch: ok ${res.checksum} ${res.maxFlips}`);
