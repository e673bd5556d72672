// Circular references print as [Circular *N] with <ref *N> marking the target.
const a = { name: "a" };
a.self = a;
console.log(a);
const arr = [1, 2];
arr.push(arr);
console.log(arr);
const parent = { name: "parent", children: [] };
const child = { name: "child", parent };
parent.children.push(child);
console.log(parent);
console.log(child);
const x = { id: "x" }, y = { id: "y" };
x.peer = y; y.peer = x;
console.log([x, y]);
const m = new Map();
m.set("me", m);
console.log(m);
const s = new Set();
s.add(s);
console.log(s);
// two independent cycles get different numbers
const c1 = { n: 1 }; c1.c = c1;
const c2 = { n: 2 }; c2.c = c2;
console.log({ c1, c2 });
// shared but not circular references print in full each time
const shared = { s: 1 };
console.log({ first: shared, second: shared });
// cycle deeper than the depth limit
const deep = { l1: { l2: { l3: {} } } };
deep.l1.l2.l3.back = deep;
console.log(deep);
class Node { constructor(v) { this.v = v; this.next = this; } }
console.log(new Node(1));
