// Unicode script property escapes (\p{Script=…}, \p{sc=…}, \p{scx=…}, \P{…}) in /u patterns, inside
// and outside classes, with astral code points; hasIndices (/d); Unicode upper-casing beyond the
// invariant culture (SpecialCasing expansions, dotless i, long s).
"use strict";
const text = "Hello Κόσμε мир 漢字 かな カナ 한국 שלום مرحبا 𝒜 𠀀";
console.log(text.match(/\p{Script=Greek}+/gu), text.match(/\p{sc=Cyrillic}+/gu), text.match(/\p{sc=Han}+/gu));
console.log(text.match(/[\p{sc=Hiragana}\p{sc=Katakana}]+/gu), text.match(/\p{Script=Hangul}+/gu), text.match(/\p{sc=Hebr}+/gu));
console.log(text.replace(/\P{Script=Latin}/gu, "").length, text.replace(/[^\P{sc=Arabic}]/gu, "#").includes("#####"));
console.log(/^\p{scx=Hira}+$/u.test("かなー"), /^\p{sc=Hira}+$/u.test("かなー"), /\p{sc=Common}/u.test("1"), /\p{Script=Inherited}/u.test("\u0301"));
console.log("a𠀀b".split(/\p{sc=Han}/u), [..."x漢y字".matchAll(/\p{sc=Han}/gu)].map(m => m.index));
try { new RegExp("\\p{Script=NotAScript}", "u"); } catch (e) { console.log(e.name); }
console.log(/\p{Script=Greek}/.test("p{Script=Greek}"), /\p{sc=Latin}/iu.test("É"));

const d = /(?<word>[a-z]+)(\d)?/d.exec("--abc9--");
console.log(d.indices[0], d.indices[1], d.indices[2], d.indices.groups.word, /(x)?y/d.exec("y").indices[1]);
console.log(/a/d.flags, /a/dg.hasIndices, /a/.hasIndices, "xy".replace(/(?<c>y)/d, "[$<c>]"));

console.log("straße".toUpperCase(), "ﬁx".toUpperCase(), "ı".toUpperCase(), "ſ".toUpperCase(), "ŉ".toUpperCase(), "ǰ".toUpperCase().length);
console.log("ᾳ".toUpperCase(), "ΐ".toUpperCase().length, "İ".toLowerCase().length, "ΑΣ ΣΑ".toLowerCase(), "Ǆ".toLowerCase(), "ǅ".toUpperCase());
console.log("already lower".toLowerCase(), "MIXED Case 123".toLowerCase(), "abc".toUpperCase() === "ABC", "ÀÉÎ".toLowerCase());
