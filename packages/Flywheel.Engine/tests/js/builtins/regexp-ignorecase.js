// RegExp /i and /iu: ECMAScript's Canonicalize (toUpperCase without /u, simple case folding with /u), not .NET's.
const show = (label, v) => console.log(label, JSON.stringify(v));
const t = (re, s) => re.test(s);
// the characters .NET folds differently
const specials = ["\u0130", "\u0131", "i", "I", "\u017f", "s", "S", "\u212a", "k", "K", "\u03c2", "\u03c3", "\u03a3", "\u1e9e", "\u00df", "\u2126", "\u03c9", "\u1f80", "\u1f88", "\u0390", "\u1fd3", "\ufb05", "\ufb06", "\u00b5", "\u03bc", "\u039c", "\u0345", "\u03b9", "\u1fbe", "\u01c4", "\u01c5", "\u01c6", "\u1c80", "\u0432", "\uab70", "\u13a0"];
for (const flags of ["i", "iu"]) {
  const rows = [];
  for (const a of specials) rows.push(specials.map(b => new RegExp(a, flags).test(b) ? 1 : 0).join(""));
  console.log(flags, rows.join(" "));
  const classRows = [];
  for (const a of specials) classRows.push(specials.map(b => new RegExp("[" + a + "]", flags).test(b) ? 1 : 0).join("") + specials.map(b => new RegExp("[^" + a + "]", flags).test(b) ? 1 : 0).join(""));
  console.log(flags, "class", classRows.join(" "));
}
// backreferences compare canonical forms
show("backrefs", [/(a)\1/i.test("aA"), /(\u017f)\1/i.test("\u017fs"), /(\u017f)\1/iu.test("\u017fs"), /(\u212a)\1/iu.test("\u212ak"), /(\u212a)\1/i.test("\u212ak"), /(?<x>\u03c3)\k<x>/iu.test("\u03c3\u03c2"), /(?<x>\u03c3)\k<x>/i.test("\u03c3\u03c2"), /(\u1e9e)\1/iu.test("\u1e9e\u00df"), /(\u1e9e)\1/i.test("\u1e9e\u00df")]);
// \w, \W, \b under /i and /iu
show("word", ["\u017f", "\u212a", "k", "K", "_", "\u00e9"].map(c => [/\w/i.test(c), /\w/iu.test(c), /\W/i.test(c), /\W/iu.test(c), /[\w]/iu.test(c), /[^\W]/iu.test(c), /\bx/iu.test(c + "x"), /\bx/i.test(c + "x"), /\Bx/iu.test(c + "x")]));
// ranges and classes
show("ranges", [/[a-z]/i.test("K"), /[a-z]/i.test("\u212a"), /[a-z]/iu.test("\u212a"), /[A-Z]/iu.test("\u017f"), /[^a-z]/iu.test("\u017f"), /[^a-z]/i.test("\u017f"), /[\u00e0-\u00ff]/i.test("\u00c9"), /[\u0400-\u042f]+/i.exec("\u0430\u0431\u0432\u1c80")?.[0], /[\u0400-\u042f]+/iu.exec("\u0430\u0431\u0432\u1c80")?.[0]]);
show("props", [/\p{Lu}/iu.test("a"), /\P{Lu}/iu.test("A"), /[^\p{Lu}]/iu.test("a"), /\p{Ll}/iu.test("\u212a"), /[\p{Script=Greek}]/iu.test("\u2126"), /\p{Script=Latin}/iu.test("\u212a")]);
// astral: Deseret and Adlam fold with /u only
show("astral", [/\u{10400}/iu.test("\u{10428}"), /\ud801\udc00/i.test("\u{10428}"), /[\u{10400}-\u{10410}]/iu.exec("x\u{10430}y")?.index, /\u{1e900}/iu.test("\u{1e922}"), "A\u{10400}b".replace(/\u{10428}/iu, "!"), /^.$/iu.test("\u{10428}")]);
// escapes that spell characters
show("escapes", [/\x41/i.test("a"), /\u0041/i.test("a"), /\u{41}/iu.test("a"), /\101/i.test("a"), /[\101]/i.test("a"), /\cA/i.test("\x01"), /\A/i.test("a"), /[\A-\C]/i.test("b"), /\k/i.test("K"), /\8/i.test("8"), /[\b]/i.test("\b"), /a{2}/i.test("aA"), /A{2,}/i.exec("aAaB")?.[0]]);
// matches keep the subject's own text
show("texts", ["Hello HELLO hello".match(/hello/gi), "Straße STRASSE".match(/stra(ß|ss)e/gi), /(?<first>\w+) (?<second>\w+)/i.exec("ABC def").groups, "MiXeD".replace(/(x)(e)/i, "[$2$1]"), "AbAB".split(/b/i), [..."aAáÁ".matchAll(/á/gi)].map(m => m[0] + m.index), "ΣΑΣ σας".replace(/σ/gi, m => `<${m}>`), "İstanbul ıi".match(/i/gi), "İstanbul ıi".match(/i/giu)]);
show("sticky", (() => { const re = /[a-c]/giy; const out = []; let m; while ((m = re.exec("aBcDe"))) out.push(m[0] + re.lastIndex); return out; })());
show("lookaround", [/(?<=K)x/i.exec("kx")?.index, /(?<=\u212a)x/iu.exec("kx")?.index, /a(?=B)/i.test("ab"), /a(?!B)/i.test("ab")]);
show("search", ["xxKELVIN".search(/kelvin/i), "\u212aelvin".search(/kelvin/i), "\u212aelvin".search(/kelvin/iu)]);
show("source", [String(/[A-Z]\u017f/iu), /\w/i.source, /K/iu.flags, new RegExp("ſ", "i").source]);
for (const bad of ["[z-a]", "\\u{110000}", "(?<a>x)\\k<b>", "\\p{Nope}", "a**", "\\A"]) {
  try { new RegExp(bad, "iu"); console.log("ok", bad); } catch (e) { console.log(e.name, e.message); }
}
try { new RegExp("[z-a]", "i"); } catch (e) { console.log(e.name, e.message); }
