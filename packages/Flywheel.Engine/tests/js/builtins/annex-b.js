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
