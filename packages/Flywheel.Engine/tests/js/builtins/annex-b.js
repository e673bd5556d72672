// Annex B (web-compatibility) features, kept apart from the core tests: escape/unescape,
// __defineGetter__ and friends, String.prototype.substr, HTML-like string methods, RegExp legacy.
console.log(escape("a b+ü/@*_-.😀"), unescape("%u00FC%20%41"), unescape("%zz"), escape(""));
const legacy = {};
legacy.__defineGetter__("x", function () { return "legacy get"; });
legacy.__defineSetter__("x", function (v) { this.setWith = v; });
legacy.x = 5;
console.log(legacy.x, legacy.setWith, typeof legacy.__lookupGetter__("x"), typeof legacy.__lookupSetter__("x"), legacy.__lookupGetter__("missing"));
console.log("abcdef".substr(-3, 2), "abc".anchor('"n"'), "b".bold(), "x".link("u"), "s".sub(), "s".sup());
const re = /a/g;
re.compile("b", "i");
console.log(re.source, re.flags, re.test("B"));
console.log(typeof Object.prototype.__proto__, ({ __proto__: null }).__proto__, Object.getPrototypeOf({ __proto__: Array.prototype }) === Array.prototype);
// String.prototype.substr with odd arguments
console.log("abcdef".substr(2), "abcdef".substr(-2), "abcdef".substr(1, 0), "abcdef".substr(NaN, 2), "abcdef".substr(1, -1) === "");
// HTML methods escape only double quotes in attributes
console.log("x".fontcolor("r\"ed"), "x".fontsize(7), "x".big(), "x".small(), "x".strike(), "x".fixed(), "x".italics(), "x".blink());
// getYear/setYear are local-time based; only their existence is checked
console.log(typeof Date.prototype.getYear, typeof Date.prototype.setYear, typeof Date.prototype.toGMTString, Date.prototype.toGMTString === Date.prototype.toUTCString);
// legacy octal escapes and literals in sloppy code
console.log("\101\102", "\0".charCodeAt(0), 010 + 1, 08 + 1);
// RegExp legacy: \8 as identity escape outside unicode mode, invalid quantifier braces as literals
console.log(/\8/.test("8"), /a{/.test("a{"), /x{1,/.test("x{1,"), /]/.test("]"));
// labelled function declarations in sloppy mode
lbl: function labelled() { return "labelled"; }
console.log(typeof labelled);
