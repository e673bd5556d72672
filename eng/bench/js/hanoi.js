// hanoi: solves Towers of Hanoi by recursion, moving disc objects between three array stacks and
// checking every move is legal; then again iteratively. Size: number of discs.
// quick: 8
// default: 23
"use strict";
const discs = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 23;

class Disc { constructor(size) { this.size = size; } }
class Tower {
  constructor(name) { this.name = name; this.stack = []; }
  push(d) {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && top.size < d.size) throw new Error(`illegal move of ${d.size} onto ${top.size}`);
    this.stack.push(d);
  }
  pop() { const d = this.stack.pop(); if (d === undefined) throw new Error(`pop from empty ${this.name}`); return d; }
}
function setup() {
  const towers = [new Tower("A"), new Tower("B"), new Tower("C")];
  for (let s = discs; s >= 1; s--) towers[0].push(new Disc(s));
  return towers;
}
let moves = 0;
function move(n, from, to, via) {
  if (n === 0) return;
  move(n - 1, from, via, to);
  to.push(from.pop());
  moves++;
  move(n - 1, via, to, from);
}
const t1 = setup();
move(discs, t1[0], t1[2], t1[1]);
const expected = 2 ** discs - 1;
if (moves !== expected || t1[2].stack.length !== discs || t1[0].stack.length || t1[1].stack.length) throw new Error(`recursive: ${moves} moves`);
// iterative solution: the smallest disc moves cyclically, the other move is forced
const t2 = setup();
const order = discs % 2 === 0 ? [0, 1, 2] : [0, 2, 1];
let smallAt = 0, iterMoves = 0;
while (t2[2].stack.length !== discs) {
  const next = order[(order.indexOf(smallAt) + 1) % 3];
  t2[next].push(t2[smallAt].pop());
  smallAt = next;
  iterMoves++;
  if (t2[2].stack.length === discs) break;
  const [x, y] = [0, 1, 2].filter(i => i !== smallAt);
  const tx = t2[x].stack[t2[x].stack.length - 1], ty = t2[y].stack[t2[y].stack.length - 1];
  if (ty === undefined || (tx !== undefined && tx.size < ty.size)) t2[y].push(t2[x].pop()); else t2[x].push(t2[y].pop());
  iterMoves++;
}
if (iterMoves !== expected) throw new Error(`iterative: ${iterMoves} moves`);
for (let i = 0; i < discs; i++) if (t2[2].stack[i].size !== discs - i) throw new Error("final order");
console.log(`hanoi: ok ${moves + iterMoves}`);
