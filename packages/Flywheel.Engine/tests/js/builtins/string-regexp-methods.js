// split/replace/replaceAll/match/matchAll with regular expressions and replacement patterns.
const s = "John Smith, Jane Doe, Jim Beam";
console.log(s.split(/,\s*/), s.split(/(,)\s*/), "a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/, 4), "abc".split(/(?:)/));
console.log(s.replace(/(\w+) (\w+)/, "$2 $1"), s.replace(/(\w+) (\w+)/g, "$2, $1"));
console.log(s.replace(/J(\w+)/g, "[$&|$1|$`]").slice(0, 60));
console.log("aaa".replace(/a/g, "$$"), "abc".replace("b", "$'"), "abc".replace("b", "$`"), "abc".replace(/b/, "$0$1$2"), "x".replace(/(x)/, "$01$10"));
console.log("2020-01-15".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"), "ab".replace(/(?<n>a)/, "[$<missing>]"));
console.log("aaa".replace("a", "b"), "aaa".replaceAll("a", "b"), "a.b.c".replaceAll(".", "-"), "xAxa".replaceAll(/a/gi, "_"));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log("replaceAll non-global:", e.name); }
console.log("price: 10, 20, 30".replace(/\d+/g, (m, off) => `${m * 2}@${off}`));
console.log("a-b_c".replace(/[-_](\w)/g, (_, c) => c.toUpperCase()));
console.log("x".replace(/(y)?x/, (m, g1, off, str) => JSON.stringify([m, g1, off, str])));
console.log("2021-03".replace(/(?<year>\d+)-(?<month>\d+)/, (...args) => JSON.stringify(args[args.length - 1])));
console.log("abc".replace(/(?:)/g, "-"), "".replace(/^/, "start"), "aaa".replace(/a*?/g, "<$&>"));
console.log("abc".match(/b/), "abc".match(/z/), "abcabc".match(/b/g), "abc".match(/(?<first>a)(b)/).groups);
const m = "key=value".match(/(\w+)=(\w+)/);
console.log(m.index, m.input, m.length, m[0], m[1], m[2], Array.isArray(m));
const all = [..."a1b22c333".matchAll(/([a-z])(\d+)/g)];
console.log(all.map(x => `${x[0]}@${x.index}:${x[1]}/${x[2]}`));
try { "x".matchAll(/x/); } catch (e) { console.log("matchAll non-global:", e.name); }
console.log([..."aXbX".matchAll("X")].map(x => x.index));
console.log("Hello".match(/l+/)[0], "one two three".match(/\b\w/g), "no digits".match(/\d/g));
// replace with special characters in replacement function result is not expanded
console.log("abc".replace("b", () => "$&$&"));
// string pattern is literal, not regexp
console.log("a.b".replace(".", "!"), "a+b".split("+"), "(x)".replace("(x)", "y"));
// sticky and global split interplay
console.log("a,b;c d".split(/[,; ]/), "   leading".split(/\s+/), "trailing   ".split(/\s+/));
