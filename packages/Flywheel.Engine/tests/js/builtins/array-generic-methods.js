// Array.prototype methods applied generically to array-likes, strings, arguments and typed
// arrays; length conversion (ToLength) and property access through getters.
const like = { length: 4, 0: "a", 1: "b", 3: "d" };
const A = Array.prototype;
console.log(A.join.call(like), A.map.call(like, x => x.toUpperCase()), A.filter.call(like, Boolean), A.indexOf.call(like, "d"), A.includes.call(like, undefined));
console.log(A.slice.call(like, 1), A.reverse.call({ ...like }), A.concat.call(like, 1).length, Array.from(like));
const lenWeird = { length: "2.9", 0: "x", 1: "y", 2: "z" };
console.log(A.join.call(lenWeird), A.join.call({ length: -5, 0: "neg" }), A.join.call({ length: Infinity, 0: 1, get 1() { return "lazy"; }, 2: 3 }.constructor === Object ? { length: 3, 0: 1, 1: 2, 2: 3 } : []));
console.log(A.map.call("abc", c => c + c), A.every.call("aaa", c => c === "a"), A.reduce.call("123", (s, c) => s + Number(c), 0), A.lastIndexOf.call("abcabc", "b"));
try { A.push.call("abc", "d"); } catch (e) { console.log("push on string:", e.name); }
(function () { console.log(A.slice.call(arguments, 1), A.map.call(arguments, x => x * 2), A.sort.call(arguments, (a, b) => b - a).length, arguments[0]); })(3, 1, 2);
const ta = new Int16Array([5, -3, 9]);
console.log(A.map.call(ta, x => x * 2), A.join.call(ta, "/"), A.includes.call(ta, -3), A.sort.call(Array.from(ta)));
const accessLog = [];
const tracked = { length: 3, get 0() { accessLog.push(0); return "a"; }, get 1() { accessLog.push(1); return "b"; }, get 2() { accessLog.push(2); return "c"; } };
A.forEach.call(tracked, () => {});
A.find.call(tracked, x => x === "b");
console.log(accessLog.join(""));
const pushed = { length: 0 };
A.push.call(pushed, 1, 2);
A.unshift.call(pushed, 0);
console.log(pushed, A.shift.call(pushed), pushed);
const spliceLike = { length: 3, 0: "a", 1: "b", 2: "c" };
console.log(A.splice.call(spliceLike, 1, 1, "X", "Y"), spliceLike);
console.log(A.fill.call({ length: 3 }, 0), A.copyWithin.call({ length: 3, 0: "a", 2: "c" }, 0, 2), A.flat.call({ length: 2, 0: [1], 1: [2, [3]] }));
