// nqueens: counts all placements of n non-attacking queens by backtracking over arrays of
// column/diagonal flags, and once more with bitmasks. Size: n.
// quick: 6
// default: 13
"use strict";
const n = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 13;

function solveArrays(n) {
  const cols = new Array(n).fill(false), d1 = new Array(2 * n).fill(false), d2 = new Array(2 * n).fill(false);
  const queens = [];
  let count = 0;
  function place(row) {
    if (row === n) { count++; return; }
    for (let c = 0; c < n; c++) {
      if (cols[c] || d1[row + c] || d2[row - c + n]) continue;
      cols[c] = d1[row + c] = d2[row - c + n] = true;
      queens.push(c);
      place(row + 1);
      queens.pop();
      cols[c] = d1[row + c] = d2[row - c + n] = false;
    }
  }
  place(0);
  return count;
}
function solveBits(n) {
  const all = (1 << n) - 1;
  function go(cols, left, right) {
    if (cols === all) return 1;
    let free = all & ~(cols | left | right), total = 0;
    while (free) {
      const bit = free & -free;
      free ^= bit;
      total += go(cols | bit, ((left | bit) << 1) & all, (right | bit) >> 1);
    }
    return total;
  }
  return go(0, 0, 0);
}
const a = solveArrays(n), b = solveBits(n);
const known = [1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596];
if (a !== b) throw new Error(`solvers disagree: ${a} vs ${b}`);
if (n < known.length && known[n] !== a) throw new Error(`queens(${n}) = ${a}, expected ${known[n]}`);
console.log(`nqueens: ok ${a}`);
