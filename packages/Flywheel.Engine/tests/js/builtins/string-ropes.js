// Strings built by concatenation (ropes inside the engine) must behave exactly like flat strings
// everywhere chars are read: indexing, search, comparison, property keys, JSON, regexps, Map keys.
"use strict";

// A deep left-leaning chain (s += piece) and a deep right-leaning chain (s = piece + s).
let left = "";
for (let i = 0; i < 3000; i++) left += String.fromCharCode(97 + (i % 26)) + (i % 10);
let right = "";
for (let i = 0; i < 3000; i++) right = (i % 10) + String.fromCharCode(65 + (i % 26)) + right;
console.log(left.length, right.length);
console.log(left.slice(0, 24), left.slice(-12));
console.log(right.slice(0, 24), right.slice(-12));
console.log(left.charAt(1001), left.charCodeAt(2999), left[4321], left.at(-1), left.codePointAt(5));
console.log(left.indexOf("z5"), left.lastIndexOf("a0"), left.includes("q6r7"), left.startsWith("a0b1"), left.endsWith("p9"));
console.log(right.indexOf("9Z"), right.search(/5F/), right.match(/\d[A-Z]/g).length);

// Balanced trees: concatenating ropes with ropes.
function tree(depth, tag) {
  if (depth === 0) return tag + "|";
  return tree(depth - 1, tag + "L") + tree(depth - 1, tag + "R");
}
const t = tree(9, "");
console.log(t.length, t.slice(0, 30), t.split("|").length);

// Equality and ordering between ropes and flat strings with the same chars.
const flat = "x".repeat(40);
let rope = "";
for (let i = 0; i < 40; i++) rope += "x";
let rope2 = "xxxxxxxxxxxxxxxxxxxx";
rope2 += rope2;
console.log(rope === flat, rope == flat, rope2 === rope, rope < flat + "a", rope > "x".repeat(39), [rope].includes(flat));
console.log(Object.is(rope, flat), new Set([rope, flat, rope2]).size, typeof rope, rope.length);

// Ropes as property keys, including array-index keys and keys read back through Object.keys.
const obj = {};
const k1 = "property-" + "name-" + "built-" + "in-pieces";
obj[k1] = 1;
obj["property-name-built-in-pieces"] += 1;
const idx = "1" + "2" + "3";
const arr = [];
arr[idx] = "at 123";
const big = "10000000000000" + "000";
obj[big] = "not an index";
console.log(obj[k1], Object.keys(obj), arr.length, arr[123], k1 in obj, obj.hasOwnProperty("property-name-" + "built-in-pieces"));
const m = new Map();
m.set("map key " + "from a rope!", 1);
console.log(m.get("map key from a rope!"), m.has("map key from" + " a rope!"));

// JSON with rope strings: stringify (keys and values) and parse of a built-up document.
let doc = "[";
for (let i = 0; i < 50; i++) doc += (i ? "," : "") + '{"id":' + i + ',"name":"item ' + i + '"}';
doc += "]";
const parsed = JSON.parse(doc);
console.log(parsed.length, parsed[49].name, JSON.stringify({ [k1]: left.slice(0, 10) + right.slice(0, 10) }));
console.log(JSON.stringify(parsed).length === doc.length);

// Templates, String(), concat(), join(), repeat and padding all produce equal results.
const parts = [];
for (let i = 0; i < 200; i++) parts.push("p" + i);
let viaPlus = "", viaTemplate = "";
for (const p of parts) { viaPlus = viaPlus + p + ","; viaTemplate = `${viaTemplate}${p},`; }
console.log(viaPlus === viaTemplate, viaPlus === parts.join(",") + ",", "".concat(...parts) === parts.join(""));
console.log(("ab" + "cd").repeat(3), ("abc" + "defghijklmnop").padStart(18, "-" + "="), ("abcdefghij" + "klmnop").padEnd(20, "."));

// Regular expressions and case conversion on ropes.
let sentence = "";
for (let i = 0; i < 30; i++) sentence += "word" + i + " ";
console.log(sentence.replace(/word(\d+)/g, (all, n) => n % 7 === 0 ? "W" + n : "").trim().split(/\s+/).join(","));
console.log(/word29 $/.test(sentence), sentence.toUpperCase().slice(0, 16), sentence.trim().length);

// Numbers and other values concatenated on both sides.
let mixed = "";
for (let i = 0; i < 20; i++) mixed = mixed + i * 0.5 + true + null + undefined + -0;
console.log(mixed.length, mixed.slice(0, 60));
console.log(+("1" + "2" + "3" + "4" + "5" + "6" + "7" + "8" + "9" + "0" + ".5"), Number("0x" + "ff" + "ff" + "ff" + "ff" + "ff" + "ff"));

// A string iterator walks a rope, including surrogate pairs split across the halves.
const astral = "a\uD83D" + "\uDE00b" + "0123456789abc";
console.log([...astral].length, astral.codePointAt(1), astral.length);
