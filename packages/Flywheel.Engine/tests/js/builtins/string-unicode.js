// UTF-16 semantics: surrogate pairs in length/indexing/slicing, code point iteration,
// case mapping beyond ASCII, String.fromCodePoint, comparison by code units, lone surrogates.
const samples = ["ascii", "café", "naïve", "日本語", "😀", "a😀b", "𝒳𝒴", "👨‍👩‍👧", "e\u0301", "\u00e9", "ß", "İstanbul", "ǅ", "Σίσυφος"];
for (const s of samples) {
  const cps = [...s].map(c => c.codePointAt(0).toString(16));
  console.log(JSON.stringify(s), s.length, [...s].length, cps.join(" "), JSON.stringify(s.toUpperCase()), JSON.stringify(s.toLowerCase()));
}
const emoji = "x😀y";
console.log(emoji.slice(1, 2).length, emoji.slice(1, 3) === "😀", emoji.substring(2, 3).charCodeAt(0).toString(16), emoji.split("").length, emoji.at(1) === "\ud83d");
console.log(emoji.codePointAt(1), emoji.codePointAt(2), emoji.charCodeAt(1), String.fromCodePoint(0x1f600) === "😀", String.fromCharCode(0xd83d, 0xde00) === "😀");
console.log(emoji.indexOf("😀"), emoji.includes("\ude00"), emoji.replace("\ud83d", "?").length, [...emoji.matchAll(/./gu)].length, emoji.search(/y/u));
console.log(["b", "a", "é", "z", "😀", "ﬀ", "A"].sort().map(c => c.codePointAt(0)));
console.log("ǆ".toUpperCase(), "ﬀ".toUpperCase(), "ŉ".toUpperCase().length, "ΣΑΣ".toLowerCase(), "I".toLowerCase(), "ı".toUpperCase());
// building strings from code points above the BMP
let built = "";
for (let cp = 0x1f600; cp < 0x1f608; cp++) built += String.fromCodePoint(cp);
console.log(built.length, [...built].length, built.codePointAt(2).toString(16), encodeURIComponent(built.slice(0, 2)));
// reversing by code points vs code units
console.log(JSON.stringify([..."a😀b"].reverse().join("")), JSON.stringify("a😀b".split("").reverse().join("")));
// trim does not remove zero-width space but removes other Unicode spaces
console.log(JSON.stringify("\u200b x \u200b".trim()), JSON.stringify("\u2003\u2009x\u205f\u3000".trim()), JSON.stringify("\u180ex".trim()));
// padStart with multi-unit fill strings
console.log(JSON.stringify("x".padStart(4, "😀")), "x".padStart(4, "😀").length, JSON.stringify("x".padEnd(6, "ab😀")));
// well-formedness checks by hand
const isWellFormed = s => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
console.log(isWellFormed("ok😀"), isWellFormed("bad\ud800"), isWellFormed("\ude00bad"), isWellFormed(""));
