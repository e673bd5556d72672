// push, pop, shift, unshift, splice, reverse, fill, copyWithin: return values and effects.
const a = [1, 2, 3];
console.log(a.push(4, 5), a, a.pop(), a, a.shift(), a, a.unshift(-1, 0), a);
console.log([].pop(), [].shift(), [].push(), [].unshift());
// splice in all forms
const s = () => ["a", "b", "c", "d", "e"];
let t;
t = s(); console.log(t.splice(1, 2), t);
t = s(); console.log(t.splice(1), t);
t = s(); console.log(t.splice(-2, 1), t);
t = s(); console.log(t.splice(1, 0, "x", "y"), t);
t = s(); console.log(t.splice(1, 2, "z"), t);
t = s(); console.log(t.splice(), t);
t = s(); console.log(t.splice(undefined), t);
t = s(); console.log(t.splice(10, 1, "end"), t);
t = s(); console.log(t.splice(-10, 1), t);
t = s(); console.log(t.splice(2, -1, "neg count"), t);
t = s(); console.log(t.splice(1, Infinity), t);
t = s(); console.log(t.splice("1", "2"), t);
// reverse
const r = [1, 2, 3, 4];
console.log(r.reverse(), r, [].reverse(), [1].reverse(), [1, , 3].reverse());
// fill
console.log(new Array(3).fill(0), [1, 2, 3, 4].fill(9, 1, 3), [1, 2, 3].fill(7, -1), [1, 2, 3].fill(5, 5));
const filledObj = new Array(2).fill({});
filledObj[0].shared = true;
console.log(filledObj);
// copyWithin
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 2), [1, 2, 3, 4, 5].copyWithin(-2, 0), [1, 2, 3, 4, 5].copyWithin(2, -3, -1));
// generic on array-likes
const like = { length: 2, 0: "x", 1: "y" };
Array.prototype.push.call(like, "z");
console.log(like);
Array.prototype.reverse.call(like);
console.log(like);
console.log(Array.prototype.pop.call(like), like);
const empty = {};
Array.prototype.push.call(empty, 1);
console.log(empty);
// push many, unshift many
const big = [];
for (let i = 0; i < 1000; i++) big.push(i);
for (let i = 0; i < 10; i++) big.unshift(-i);
console.log(big.length, big[0], big[9], big[10], big[1009]);
while (big.length > 3) big.pop();
console.log(big);
// splice with holes
const sh = [1, , 3, , 5];
console.log(sh.splice(1, 3), sh);
