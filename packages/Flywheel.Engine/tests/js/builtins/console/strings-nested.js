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
