// spectral-norm: estimates the spectral norm of an infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1)
// by power iteration on Float64Arrays; floating-point loops and function calls. Size: n.
// quick: 50
// default: 2500
"use strict";
const n = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 2500;

function a(i, j) { return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1); }
function multiplyAv(v, av) {
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += a(i, j) * v[j]; av[i] = s; }
}
function multiplyAtv(v, atv) {
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += a(j, i) * v[j]; atv[i] = s; }
}
function multiplyAtAv(v, out, tmp) { multiplyAv(v, tmp); multiplyAtv(tmp, out); }
const u = new Float64Array(n).fill(1), v = new Float64Array(n), tmp = new Float64Array(n);
for (let i = 0; i < 10; i++) { multiplyAtAv(u, v, tmp); multiplyAtAv(v, u, tmp); }
let vBv = 0, vv = 0;
for (let i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
const result = Math.sqrt(vBv / vv);
if (!(result > 1.2 && result < 1.2743)) throw new Error(`spectral norm ${result} out of range`);
const known = { 10: "1.271844019", 50: "1.274193837", 100: "1.274219991", 500: "1.274224116", 1000: "1.274224148", 2000: "1.274224152", 2500: "1.274224153" };
if (known[n] !== undefined && known[n] !== result.toFixed(9)) throw new Error(`spectral-norm(${n}) = ${result.toFixed(9)}, expected ${known[n]}`);
console.log(`spectral-norm: ok ${result.toFixed(9)}`);
