// indexOf, lastIndexOf, includes, startsWith, endsWith, search, with positions.
const s = "the quick brown fox jumps over the lazy dog";
console.log(s.indexOf("the"), s.indexOf("the", 1), s.indexOf("cat"), s.indexOf(""), s.indexOf("", 100), s.indexOf("o", -5));
console.log(s.lastIndexOf("the"), s.lastIndexOf("the", 30), s.lastIndexOf("o"), s.lastIndexOf(""), s.lastIndexOf("t", 0), s.lastIndexOf("x", NaN));
console.log(s.includes("fox"), s.includes("Fox"), s.includes("the", 32), s.includes(""), "abc".includes("c", -100));
console.log(s.startsWith("the"), s.startsWith("quick", 4), s.startsWith(""), s.endsWith("dog"), s.endsWith("lazy", 39), s.endsWith("the", 3));
try { s.includes(/fox/); } catch (e) { console.log("includes(regexp):", e.name); }
try { s.startsWith(/the/); } catch (e) { console.log("startsWith(regexp):", e.name); }
console.log(s.search(/o/), s.search(/O/i), s.search(/zzz/), s.search("qu"), s.search(), "a.b".search("."));
console.log("undefined".indexOf(), "null".includes(null), "12".indexOf(2));
// counting occurrences
function count(hay, needle) { let n = 0, i = -1; while ((i = hay.indexOf(needle, i + 1)) !== -1) n++; return n; }
console.log(count(s, "o"), count(s, "the"), count("aaaa", "aa"));
// positions are clamped and converted with ToIntegerOrInfinity
console.log("abc".indexOf("c", 1.9), "abc".indexOf("a", -Infinity), "abc".indexOf("c", Infinity), "abc".lastIndexOf("a", -5), "abc".lastIndexOf("c", Infinity), "abc".includes("b", "1"));
console.log("aaa".lastIndexOf("a", 1.5), "abc".startsWith("b", 1.9), "abc".endsWith("b", 2.9), "abc".endsWith("c", undefined), "abc".startsWith("a", NaN));
// searching for non-string values converts them
console.log("null undefined 1,2 [object Object]".indexOf(null), "x undefined".indexOf(undefined), "1,2".indexOf([1, 2]), "[object Object]".includes({}));
// search() with special regexps and strings that look like regexps
console.log("a.b*c".search("b*"), "a.b*c".search("\\*"), "(paren)".search("\\("), "$5".search("\\$"), "tab\there".search(/\t/));
// occurrences of overlapping patterns via indexOf vs match
const text = "abababa";
let overlaps = 0;
for (let i = text.indexOf("aba"); i !== -1; i = text.indexOf("aba", i + 1)) overlaps++;
console.log(overlaps, (text.match(/aba/g) || []).length);
