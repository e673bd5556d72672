// The RegExp symbol protocol: String methods dispatch to Symbol.match/matchAll/replace/search/split
// on any object, RegExp subclasses with their own exec are honoured by every method, IsRegExp
// follows Symbol.match, and the built-in fast paths agree with the generic algorithm.
"use strict";

// User objects implementing the protocol.
const matcher = {
  flags: "g",
  [Symbol.match](s) { return "match:" + s; },
  [Symbol.matchAll](s) { return ["all:" + s][Symbol.iterator](); },
  [Symbol.replace](s, r) { return "replace:" + s + ":" + r; },
  [Symbol.search](s) { return s.length; },
  [Symbol.split](s, lim) { return ["split", s, lim]; },
};
console.log("abc".match(matcher), [..."abc".matchAll(matcher)], "abc".replace(matcher, "R"), "abc".replaceAll(matcher, "Q"), "abcd".search(matcher), "ab".split(matcher, 3));

// A subclass whose exec logs and delegates: every method goes through it.
const calls = [];
class LoggingRegExp extends RegExp {
  exec(s) { calls.push(this.lastIndex); return super.exec(s); }
}
const lr = new LoggingRegExp("o", "g");
console.log("foo boo".replace(lr, "0"), calls.join(","));
calls.length = 0;
console.log("foo boo".match(lr), calls.length, "foo boo".search(lr), [..."foo".matchAll(lr)].length);
calls.length = 0;
console.log("a1b2c3".split(new LoggingRegExp("\\d")), calls.length > 0);

// exec returning a custom result object shapes replace's view of captures and position.
const fake = /x/g;
let served = 0;
fake.exec = function (s) {
  if (served++ > 0) return null;
  return { 0: "bc", 1: "B", length: 2, index: 1, groups: { name: "N" } };
};
console.log("abcd".replace(fake, "[$1|$&|$<name>|$`|$']"));
served = 0;
console.log("abcd".replace(fake, (...args) => JSON.stringify(args)));

// exec must return an object or null.
const bad = /a/;
bad.exec = () => 42;
try { bad.test("a"); } catch (e) { console.log(e.name); }

// IsRegExp follows Symbol.match in both directions.
const notRe = /x/;
notRe[Symbol.match] = false;
console.log("/x/".startsWith(notRe), "a/x/".includes(notRe));
const reLike = { [Symbol.match]: true, source: "b+", flags: "g", toString() { return "b+"; } };
try { "abc".startsWith(reLike); } catch (e) { console.log(e.name); }
console.log(new RegExp(reLike).source, new RegExp(reLike).flags, RegExp(notRe) === notRe);

// Symbol.species picks the splitter's and matchAll's constructor.
class Tagged extends RegExp { static get [Symbol.species]() { return RegExp; } }
console.log("x-y-z".split(new Tagged("-")), [..."aXbX".matchAll(new Tagged("X", "g"))].map(m => m.index));

// replace with special patterns and callbacks on the fast path.
console.log("John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"), "aaa".replace(/a/g, "$&$&"), "abc".replace(/b/, "$`$'"), "x".replace(/x/, "$0$10$$"));
console.log("2020-01-02".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y> $<missing>."), "ab".replace(/(?<L>a)/, (m, p1, off, s, g) => `${m}${p1}${off}${s}${g.L}`));
console.log("aaa".replaceAll(/a/g, (m, off) => off), "a.b.c".replaceAll(".", "$&$&"), "xyz".replaceAll("", "_"));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log(e.name); }
try { "a".matchAll(/a/); } catch (e) { console.log(e.name); }

// split: captures, limits, empty matches, unicode.
console.log("a1b22c".split(/(\d)+/), "a,b,c".split(/,/, 2), "abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/));
console.log("a😀b".split(/(?:)/u), "a😀b".split(""), "a😀b".split(/(?:)/).length);

// search keeps lastIndex; match resets it; compile re-initializes.
const kept = /b/g;
kept.lastIndex = 7;
console.log("abc".search(kept), kept.lastIndex, "abcb".match(kept), kept.lastIndex);
const cre = /a/g;
cre.lastIndex = 3;
console.log(cre.compile("b+", "i") === cre, cre.source, cre.flags, cre.lastIndex, cre.test("xBBy"));

// String method generics: the receiver is converted with ToString.
console.log(String.prototype.replace.call(12345, /3/, "-"), String.prototype.split.call(10203, 0), String.prototype.match.call(true, /u/)[0]);
