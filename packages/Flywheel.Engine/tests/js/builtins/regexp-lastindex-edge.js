// lastIndex details: ignored without g/y, coerced with ToLength, reset to 0 on failure for g/y,
// advanced past empty matches by replace/matchAll/split, and untouched by search/split.
const plain = /b/;
plain.lastIndex = 5;
console.log(plain.exec("abc").index, plain.lastIndex, plain.test("abc"), plain.lastIndex);
const g = /b/g;
g.lastIndex = "1";
console.log(g.exec("abcb").index, g.lastIndex, g.exec("abcb").index, g.lastIndex, g.exec("abcb"), g.lastIndex);
g.lastIndex = -5;
console.log(g.test("b"), g.lastIndex);
g.lastIndex = 1.7;
console.log(g.exec("bb").index, g.lastIndex);
const y = /a/y;
y.lastIndex = 1;
console.log(y.test("aa"), y.lastIndex, y.test("aa"), y.lastIndex, y.test("aa"), y.lastIndex);
const s = /x/gy;
s.lastIndex = 3;
console.log("abcx".search(s), s.lastIndex, "axbx".split(s), s.lastIndex);
const re = /o/g;
re.lastIndex = 2;
console.log("foo boo".replace(re, "0"), re.lastIndex, "foo".match(re), re.lastIndex);
console.log([..."aaa".matchAll(/a*?/g)].map(m => m.index + ":" + m[0].length).join(" "), "abc".split(/(?:)/).join("|"));
const frozenLast = Object.defineProperty(/a/g, "lastIndex", { writable: false, value: 0 });
try { frozenLast.exec("a"); console.log("no error"); } catch (e) { console.log("non-writable lastIndex:", e.name); }
try { frozenLast.test("b"); console.log("no error on failure"); } catch (e) { console.log("non-writable lastIndex on failure:", e.name); }
const valueOfCalls = [];
const tracked = /c/g;
tracked.lastIndex = { valueOf() { valueOfCalls.push("valueOf"); return 0; } };
tracked.exec("abc");
console.log(valueOfCalls.length, tracked.lastIndex);
const uni = /(?:)/gu;
const positions = [];
let m;
const input = "a😀b";
while ((m = uni.exec(input)) && positions.length < 10) { positions.push(m.index); if (uni.lastIndex === m.index) uni.lastIndex += input.codePointAt(m.index) > 0xffff ? 2 : 1; }
console.log(positions.join(","));
const sticky = /\d+/y;
console.log("12ab34".replace(sticky, "#"), sticky.lastIndex, "12ab34".match(/\d+/gy));
