// Labeled statements, break/continue with labels, labeled blocks.
const out = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(`${i}${j}`);
  }
}
console.log(out.join(" "));
block: {
  console.log("in block");
  if (out.length) break block;
  console.log("not printed");
}
console.log("after block");
let n = 0;
loop1: while (true) {
  loop2: do {
    n++;
    if (n % 2) continue loop2;
    if (n > 6) break loop1;
  } while (n < 100);
}
console.log("n =", n);
// continue in for: update expression still runs
let s = "";
for (let i = 0; i < 6; i++) { if (i % 2) continue; s += i; }
console.log(s);
// break out of switch inside loop vs loop label
const res = [];
scan: for (const c of "ab!cd") {
  switch (c) {
    case "!": break scan;
    default: res.push(c); break;
  }
}
console.log(res.join(""));
// labels with try/finally: finally runs on break/continue
const log = [];
fin: for (let i = 0; i < 3; i++) {
  try {
    if (i === 1) continue fin;
    if (i === 2) break fin;
    log.push("body" + i);
  } finally {
    log.push("finally" + i);
  }
}
console.log(log.join(","));
// nested labels on same statement
a: b: for (let i = 0; i < 3; i++) { if (i === 1) break a; console.log("ab", i); }
// label on for-in and for-of
const found = [];
search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
  for (const v of row) { if (v === 4) break search; found.push(v); }
}
console.log(found);
// labeled function-level continue in do-while
let k = 0, evens = 0;
dw: do { k++; if (k % 2) continue dw; evens++; } while (k < 10);
console.log(k, evens);
