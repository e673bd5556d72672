// Replacement patterns and callbacks in depth, plus Symbol.replace/split on RegExp objects.
const s = "Alice=30; Bob=25; Carol=35";
const re = /(\w+)=(\d+)/g;
console.log(s.replace(re, "$2:$1"), s.replace(re, "[$&]"), s.replace(re, "$`|").slice(0, 30), s.replace(/;/g, "$'"));
console.log(s.replace(re, (m, name, age, offset, input) => `${name.toUpperCase()}(${+age + 1})@${offset}/${input.length}`));
console.log("x".replace("x", "$$1"), "x".replace(/x/, "$1"), "x".replace(/(x)/, "$11"), "abcdefghijk".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1"));
console.log("aaa".replace(/a/g, (m, off) => off), "aaa".replace(/a/g, () => "$&"), "a-b".replace(/-/, { toString() { return "+"; } }));
let count = 0;
console.log("a.b.c".replace(/\./g, () => ++count), count);
// replacement function with named groups gets groups object last
console.log("k1=v1,k2=v2".replace(/(?<k>\w+)=(?<v>\w+)/g, (...args) => { const g = args.at(-1); return `${g.v}=${g.k}`; }));
// template engine
const tpl = "Hello {{name}}, you have {{ count }} new {{what}}{{missing}}.";
const data = { name: "Ann", count: 3, what: "messages" };
console.log(tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => (key in data ? data[key] : "")));
// escape regexp special characters
const escapeRe = str => str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
console.log(escapeRe("a.b*c(d)[e]{f}|g^h$i\\j"), new RegExp(escapeRe("1+1=2")).test("is 1+1=2?"));
// Symbol.replace / Symbol.split called directly
console.log(/b/[Symbol.replace]("abc", "B"), /,/[Symbol.split]("a,b,c", 2), /x/g[Symbol.match]("xax"), /a/[Symbol.search]("bba"));
// custom object implementing Symbol.replace
const custom = { [Symbol.replace](str, rep) { return `custom(${str},${rep})`; } };
console.log("abc".replace(custom, "R"));
// global replace resets lastIndex to 0 afterwards
const gl = /a/g;
gl.lastIndex = 2;
console.log("aaaa".replace(gl, "b"), gl.lastIndex);
// sticky replace only at lastIndex
const st = /a/y;
st.lastIndex = 1;
console.log("aaa".replace(st, "b"), st.lastIndex);
// case conversion of words
console.log("hello big world".replace(/\b\w/g, c => c.toUpperCase()), "Hello World".replace(/[A-Z]/g, c => "_" + c.toLowerCase()));
// dollar sign edge cases
console.log("abc".replace(/b/, "$"), "abc".replace(/b/, "$$$"), "abc".replace(/b/, "$<x>"), "abc".replace(/(?<x>b)/, "$<x>$<x>"), "abc".replace(/b/, "$9"));
