// slice, substring, substr, case, trim, pad, repeat, split (strings), concat.
const s = "Hello World";
console.log(s.slice(1, 4), s.slice(-5), s.slice(-5, -1), s.slice(4, 1), s.slice(), s.slice(20));
console.log(s.substring(1, 4), s.substring(4, 1), s.substring(-3, 2), s.substring(5), s.substring(NaN, 3));
console.log(s.substr(1, 3), s.substr(-5, 2), s.substr(3), s.substr(1, -1) === "");
console.log(s.toUpperCase(), s.toLowerCase(), "ÄÖÜ ß".toLowerCase(), "straße".toUpperCase(), "İ".toLowerCase().length);
console.log(JSON.stringify(["  pad  ".trim(), "  pad  ".trimStart(), "  pad  ".trimEnd(), "\t\n\v\f\r \u00a0\ufeff\u2028x\u3000".trim()]));
console.log("5".padStart(3, "0"), "5".padEnd(3, "*"), "abc".padStart(10, "123"), "abc".padEnd(6, "xy"), "abc".padStart(2), "x".padStart(5), "x".padEnd(3, ""));
console.log("ab".repeat(3), "x".repeat(0), "".repeat(5));
try { "a".repeat(-1); } catch (e) { console.log("repeat(-1):", e.name); }
try { "a".repeat(Infinity); } catch (e) { console.log("repeat(Infinity):", e.name); }
console.log("a,b,,c".split(","), "a,b,c".split(",", 2), "abc".split(""), "abc".split(), "".split(","), "".split(""), "a b  c".split(" "));
console.log("one--two--three".split("--"), "test".split("t"), "😀x".split(""), "a,b".split(undefined), "abc".split("", 0));
console.log(s.concat("!", 1), s.split(" ").reverse().join(" "), [...s].reverse().join(""));
// chained transformations
const title = "the LORD of the rings".split(" ").map(w => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(" ");
console.log(title);
console.log("camelCaseStringHere".replace(/([A-Z])/g, "_$1").toLowerCase());
console.log("snake_case_here".split("_").map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join(""));
// toLocale* variants with default locale behave like plain for ASCII
console.log("abc".toLocaleUpperCase() === "ABC", "ABC".toLocaleLowerCase() === "abc");
// isWellFormed/toWellFormed are newer; feature-test only
console.log(typeof "".at, typeof "".replaceAll);
