// Destructuring in assignment expressions: targets can be any reference; value of the expression.
let a, b, rest;
const result = ([a, b] = [1, 2, 3]);
console.log(a, b, result);
({ a, ...rest } = { a: "A", x: 1, y: 2 });
console.log(a, rest);
const target = { list: [] };
({ first: target.first, second: target.list[0] } = { first: "F", second: "S" });
console.log(target);
// swap via destructuring including object properties
const o = { left: "L", right: "R" };
[o.left, o.right] = [o.right, o.left];
console.log(o);
// nested mixed
let x, y, z;
({ arr: [x, { y, z = "zdef" }] } = { arr: [1, { y: 2 }] });
console.log(x, y, z);
// in loops
const pairs = [[1, 2], [3, 4]];
let s = 0, p, q;
for ([p, q] of pairs) s += p * q;
console.log(s, p, q);
let k;
for ({ k } of [{ k: "k1" }, { k: "k2" }]);
console.log(k);
// order of evaluation: targets evaluated before values assigned
const log = [];
const obj = {
  set a(v) { log.push("set a=" + v); },
  set b(v) { log.push("set b=" + v); },
};
[obj.a, obj.b] = ["1", "2"];
console.log(log);
// chained
let c1, c2;
c1 = [c2] = [9];
console.log(c1, c2);
// default referencing other target
let d1, d2;
[d1, d2 = d1 + 1] = [10];
console.log(d1, d2);
// assignment to string indices
let ch1, ch2;
[ch1, , ch2] = "xyz";
console.log(ch1, ch2);
// rest element into property
const holder = {};
[, ...holder.tail] = [0, 1, 2];
console.log(holder);
