// String: length, indexing, charAt/charCodeAt/codePointAt/at, fromCharCode/fromCodePoint, comparison.
const s = "Hello, 😀 wörld";
console.log(s.length, s[0], JSON.stringify(s[7]), s[100], s.charAt(1), s.charAt(100) === "", s.charCodeAt(7), s.charCodeAt(8), s.charCodeAt(100));
console.log(s.codePointAt(7), s.codePointAt(8), s.codePointAt(100), s.at(0), s.at(-1), s.at(-100), s.at(7).length);
console.log(String.fromCharCode(72, 105, 0x1f600 & 0xffff), String.fromCharCode(), String.fromCharCode(65.9, "66", 65536 + 67));
console.log(String.fromCodePoint(0x1f600, 97), String.fromCodePoint().length);
try { String.fromCodePoint(0x110000); } catch (e) { console.log("bad code point:", e.name); }
try { String.fromCodePoint(1.5); } catch (e) { console.log("fractional code point:", e.name); }
console.log(String(123), String(null), String(undefined), String(true), String([1, [2]]), String({}), String(Symbol("q")), String(-0), String(1e21));
console.log(typeof String(1), typeof new String(1), new String("ab").length, Object.keys(new String("ab")), new String("ab")[1]);
// strings are immutable
const im = "abc";
im[0] = "z";
console.log(im);
// comparisons and concatenation
console.log("a" < "b", "B" < "a", "abc" < "abd", "abc" < "ab", "" < "a", "10" < "9", "a".localeCompare === undefined);
console.log("con" + "cat", "x".concat(1, null, [2, 3]), "".concat());
// iteration by code points
const parts = [];
for (const ch of "a😀b") parts.push(ch);
console.log(parts, [..."a😀b"].length, "a😀b".split("").length);
// lone surrogates
const lone = "\ud800x";
console.log(lone.length, lone.codePointAt(0), [...lone].length);
// String.prototype methods on non-strings via call
console.log(String.prototype.toUpperCase.call(true), String.prototype.slice.call(12345, 1, 3));
try { String.prototype.trim.call(null); } catch (e) { console.log("trim(null):", e.name); }
// valueOf/toString
console.log(new String("w").valueOf(), "s".toString(), typeof new String("w").valueOf());
// escape sequences roundtrip through JSON
console.log(JSON.stringify("quote\" backslash\\ newline\n tab\t nul\0 bell\u0007 del\u007f uD800:\ud800"));
