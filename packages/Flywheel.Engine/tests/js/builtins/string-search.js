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
