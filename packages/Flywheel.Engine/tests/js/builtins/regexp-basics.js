// RegExp: construction, source/flags, exec results, test, lastIndex with g and y, toString.
const r = /a(b+)(c)?/gi;
console.log(r.source, r.flags, r.global, r.ignoreCase, r.multiline, r.sticky, r.unicode, r.dotAll, r.hasIndices, String(r), r.lastIndex);
console.log(new RegExp("x+", "g").flags, new RegExp(/y/i).flags, new RegExp(/y/i, "m").flags, new RegExp("a/b").source, String(new RegExp("")), new RegExp("\n").source);
console.log(/[/]/.source, RegExp("/").source, new RegExp("x", "ysmgiu").flags);
try { new RegExp("("); } catch (e) { console.log("bad pattern:", e.name); }
try { new RegExp("x", "gg"); } catch (e) { console.log("dup flag:", e.name); }
try { new RegExp("x", "q"); } catch (e) { console.log("bad flag:", e.name); }
const m = /(\d+)-(\d+)?/.exec("ab 12- cd");
console.log(m[0], m[1], m[2], m.index, m.input, m.length, m.groups);
console.log(/x/.exec("abc"), /^$/.exec("")[0] === "");
// global exec loop and lastIndex
const g = /o/g;
const hits = [];
let mm;
while ((mm = g.exec("foo boo")) !== null) hits.push(mm.index + ":" + g.lastIndex);
console.log(hits, g.lastIndex);
// test advances lastIndex for global regexps
const t = /a/g;
console.log(t.test("aa"), t.lastIndex, t.test("aa"), t.lastIndex, t.test("aa"), t.lastIndex);
// sticky
const y = /foo/y;
console.log(y.test("foofoo"), y.lastIndex, y.test("foofoo"), y.lastIndex, y.test("foofoo"), y.lastIndex);
y.lastIndex = 1;
console.log(y.test("xfoo"), y.exec("afoo"));
const sticky = /\d+/y;
const nums = [];
const src = "12 34";
sticky.lastIndex = 0;
let sm;
while ((sm = sticky.exec(src))) { nums.push(sm[0]); sticky.lastIndex++; }
console.log(nums);
// lastIndex beyond length resets
const reset = /a/g;
reset.lastIndex = 10;
console.log(reset.test("aaa"), reset.lastIndex);
// empty matches advance in matchAll/replace
console.log("abc".replace(/x*/g, "-"), [..."ab".matchAll(/(?:)/g)].map(x => x.index));
// RegExp.prototype[Symbol.*] exist and toString on non-regexps
console.log(typeof RegExp.prototype[Symbol.replace], RegExp.prototype.toString.call({ source: "src", flags: "fl" }));
console.log(RegExp.prototype.source, RegExp.prototype.flags, String(RegExp.prototype));
// regexps are objects with identity
console.log(/a/ === /a/, typeof /a/, /a/ instanceof RegExp, Object.prototype.toString.call(/a/));
// special characters
console.log(/\bword\b/.test("a word here"), /\Bor\B/.test("word"), /^\s+$/.test(" \t\n\u00a0\ufeff"), /\w/.test("é"), /\d/.test("٣"));
console.log(/a.c/.test("a\nc"), /a.c/s.test("a\nc"), /[^]/.test("\n"), /a{2,3}/.exec("aaaa")[0], /a{2,3}?/.exec("aaaa")[0], /(a|ab)(c|bcd)/.exec("abcd")[0]);
// backreferences and lookaround
console.log(/(\w)\1/.exec("hello")[0], /(?<q>['"]).*?\k<q>/.exec(`say "hi" 'x'`)[0], /\d+(?=%)/.exec("50% of 100")[0], /\d+(?!%)/.exec("50% of 100")[0], /(?<=\$)\d+/.exec("cost $42")[0], /(?<!\$)\b\d+/.exec("$1 2")[0]);
// case-insensitive
console.log(/ABC/i.test("abc"), /[a-z]+/i.exec("HeLLo")[0], /é/i.test("É"));
