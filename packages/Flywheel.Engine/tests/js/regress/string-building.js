// Strings built by repeated concatenation (rope-like representations), then indexed, compared,
// hashed and used as property keys — flattening must preserve exact contents.
let s = "";
for (let i = 0; i < 1000; i++) s += i % 10;
console.log(s.length, s.slice(0, 25), s[999], s.charCodeAt(500), s.indexOf("789012"), s.lastIndexOf("0123"));
let left = "";
for (let i = 0; i < 200; i++) left = (i % 26 ? String.fromCharCode(97 + (i % 26)) : "|") + left;
console.log(left.length, left.slice(0, 30), left.endsWith("zyx|"));
const parts = [];
for (let i = 0; i < 100; i++) parts.push("p" + i);
const joined = parts.join("");
let concatenated = "";
for (const p of parts) concatenated += p;
console.log(joined === concatenated, joined.length, concatenated.split("p").length);
// concatenated strings as property keys and Map keys
const o = {};
for (let i = 0; i < 50; i++) o["key" + (i % 10)] = (o["key" + (i % 10)] || 0) + 1;
console.log(Object.keys(o).length, o.key3, o["k" + "e" + "y" + 3]);
const m = new Map();
m.set("ab" + "cd", 1);
console.log(m.get("abcd"), m.get(["a", "b", "c", "d"].join("")), m.has("a" + "bcd"));
// string hashing over built strings
function hash(str) { let h = 2166136261; for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; }
console.log(hash(s), hash(left), hash(joined), hash(""), hash("a"));
// template-literal building and comparison with concatenation
let t = "";
for (let i = 0; i < 100; i++) t = `${t}${i},`;
let c = "";
for (let i = 0; i < 100; i++) c = c + i + ",";
console.log(t === c, t.length, t < c + "x", t.localeCompare === undefined);
// building with unicode and surrogate pairs
let u = "";
for (let i = 0; i < 10; i++) u += "é😀";
console.log(u.length, [...u].length, u.codePointAt(1).toString(16), u.at(-1) === "\ude00", u.normalize === undefined ? "" : "ok");
// repeat and padding on built strings
const built = "ab" + "cd";
console.log(built.repeat(3), built.padStart(8, "-"), built.padEnd(7, "=+"), built.toUpperCase(), built.split("").reverse().join(""));
// very long string equality and slicing
const long1 = "x".repeat(100000) + "end";
let long2 = "";
for (let i = 0; i < 100; i++) long2 += "x".repeat(1000);
long2 += "end";
console.log(long1 === long2, long1.length, long2.indexOf("end"), long2.slice(-5));
