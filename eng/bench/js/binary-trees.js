// binary-trees: allocates and walks many complete binary trees of varying depth while one
// long-lived tree stays reachable; a tree-allocation and garbage-collection stress workload.
// Size: maximum tree depth.
// quick: 6
// default: 16
"use strict";
const maxDepth = Math.max(4, typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 16);

class TreeNode {
  constructor(left, right) { this.left = left; this.right = right; }
  check() { return this.left === null ? 1 : 1 + this.left.check() + this.right.check(); }
}
function bottomUp(depth) {
  return depth === 0 ? new TreeNode(null, null) : new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
}
const nodesAt = d => 2 ** (d + 1) - 1;

const stretch = bottomUp(maxDepth + 1).check();
if (stretch !== nodesAt(maxDepth + 1)) throw new Error(`stretch tree check ${stretch}`);
const longLived = bottomUp(maxDepth);
let checksum = stretch;
for (let depth = 4; depth <= maxDepth; depth += 2) {
  const iterations = 2 ** (maxDepth - depth + 4);
  let check = 0;
  for (let i = 0; i < iterations; i++) check += bottomUp(depth).check();
  if (check !== iterations * nodesAt(depth)) throw new Error(`depth ${depth}: check ${check}`);
  checksum += check;
}
const ll = longLived.check();
if (ll !== nodesAt(maxDepth)) throw new Error(`long-lived tree check ${ll}`);
checksum += ll;
console.log(`binary-trees: ok ${checksum}`);
