// Strings nested in arrays and objects are quoted: single quotes by default, double quotes if
// the string contains a single quote, backticks if it contains both; escapes for control chars.
console.log(["plain", "it's", 'say "hi"', `both ' and "`, "all ' \" `"]);
console.log({ s: "a\nb", t: "tab\t", u: "\u0000\u0001\u001f\u007f", b: "back\\slash", e: "" });
console.log(["é", "日本", "😀", "\u2028"]);
console.log([["nested", ["deeper 'q'"]]]);
console.log({ "key with spaces": 1, valid_id: 2, $dollar: 3, "1abc": 4, "kebab-case": 5, "": 6, "quote'key": 7, 123: 8 });
console.log(new Map([["k'ey", "v\"al"]]));
console.log(["a".repeat(100)]);
console.log({ long: "x".repeat(90) });
console.log(["short", "a".repeat(20), "b".repeat(20), "c".repeat(20)]);
console.log(["multi\nline", "tab\there", "nul\0", "bell\u0007", "esc\u001b[0m"]);
console.log({ "it's": "key with quote", 'say "x"': 1 });
console.log([["a'b", 'c"d'], { k: "e`f" }]);
console.log(["😀 emoji", "\ud83d lone high", "\ude00 lone low"]);
console.log(["\\", "\\\\", "/", "\b\f\v"]);
console.log(new Set(["it's", "plain"]), new Map([["\n", "\t"]]));
console.log([String("primitive"), new String("boxed in array")]);
console.log(["short", "strings", "that", "fit", "on", "one", "line", "together"]);
console.log(Array.from({ length: 8 }, (_, i) => "word" + "s".repeat(i)));
