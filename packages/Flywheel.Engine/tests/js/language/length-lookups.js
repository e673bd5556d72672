// "length" of ordinary objects (own, inherited, class getters) is cached; arrays, string wrappers,
// typed arrays, functions and arguments objects share shapes with ordinary objects but answer it themselves.
class V { constructor(x) { this.x = x; } get length() { return this.x * 2; } }
const arrs = [[1,2,3], "abcd", new String("xyz"), new Uint8Array(5), function (a, b) {}, { length: 7 }, new V(4), Object.create([1,2]), Object.create(new String("hello")), Object.create(function (a) {}), Object.create(new V(10)), Object.create(Object.create([9])), (function () { return arguments; })(1, 2, 3)];
let out = [];
function len(o) { return o.length; }
for (let i = 0; i < 300; i++) { const o = arrs[i % arrs.length]; out.push(len(o)); }
for (let i = 0; i < 100; i++) { out.push(len(arrs[6])); }
const weird = [1, 2]; weird.x = 5; Object.setPrototypeOf(weird, V.prototype);
const plain = { x: 5 }; Object.setPrototypeOf(plain, V.prototype);
for (let i = 0; i < 50; i++) { out.push(len(plain), len(weird)); }
arrs[7].__proto__.push(3);
out.push(len(arrs[7]));
console.log(out.join(","));
