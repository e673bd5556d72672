// Flags m, s, u, y, i, g in combination; unicode escapes and code-point matching; named groups.
const text = "line1\nline2\nline3";
console.log(text.match(/^line\d$/g), text.match(/^line\d$/gm), /line1.line2/.test(text), /line1.line2/s.test(text));
console.log("😀".match(/./g).length, "😀".match(/./gu).length, /^.$/u.test("😀"), /^.$/.test("😀"), /\u{1F600}/u.test("😀"), /\u{61}/.test("a"), /\u{61}/u.test("a"));
console.log(/[😀-😂]/u.test("😁"), "a😀b".split(/(?:)/u), "a😀b".split(""));
try { new RegExp("\\p{L}", "u"); console.log("unicode property escapes supported:", /\p{L}+/u.exec("héllo wörld")[0]); } catch (e) { console.log("no \\p"); }
console.log(/\p{Lu}/u.test("É"), /\p{Lu}/u.test("é"), /\P{L}/u.test("1"));
// named groups
const date = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/u;
const d = date.exec("on 2024-03-15 ok");
console.log(d.groups.year, d.groups.month, d.groups.day, d.index, Object.keys(d.groups), Object.getPrototypeOf(d.groups));
const { groups: { month } } = "1999-12-31".match(date);
console.log(month);
console.log("2024-03-15".replace(date, "$<day>.$<month>.$<year>"), "2024-03-15".replace(date, (...a) => a.at(-1).year));
// optional named group not participating
const opt = /(?<a>x)|(?<b>y)/.exec("y");
console.log(opt.groups.a, opt.groups.b, "a" in opt.groups);
// global + sticky: only contiguous matches
console.log("aaba".match(/a/gy), "baa".match(/a/gy), "aaba".replace(/a/gy, "X"));
// case-insensitive with unicode
console.log(/\u212a/i.test("k"), /\u212a/iu.test("k"), /ſ/i.test("s"), /ſ/iu.test("s"));
// flags order in .flags is canonical
console.log(new RegExp("x", "yusmig").flags, /x/dg.flags, /x/dg.hasIndices);
// hasIndices
const withIdx = /(?<w>b+)/d.exec("abbc");
console.log(withIdx.indices[0], withIdx.indices[1], withIdx.indices.groups.w);
// lastIndex semantics with unicode: advancing by code points over empty matches
console.log([..."😀😀".matchAll(/(?:)/gu)].map(x => x.index), [..."😀😀".matchAll(/(?:)/g)].map(x => x.index));
// multiline anchors with \r\n and unicode line separators
console.log("a\r\nb".match(/^b/m)?.[0], "a\u2028b".match(/^b/m)?.[0], /a$/m.test("a\r\n"));
