// globalThis, global functions, URI encoding and decoding.
console.log(typeof globalThis, globalThis === this, globalThis.globalThis === globalThis, typeof globalThis.Array);
console.log(["NaN", "Infinity", "undefined"].map(n => [n, Object.getOwnPropertyDescriptor(globalThis, n).writable]));
NaN = 1; Infinity = 2; undefined = 3;
console.log(NaN, Infinity, undefined);
console.log(isNaN("abc"), isNaN("12"), isNaN(undefined), isNaN(null), isFinite("12"), isFinite(Infinity), isFinite(null), isFinite("1e400"));
const strs = ["hello world", "a+b=c&d", "ünïcödé", "😀", "-_.!~*'()", ";/?:@&=+$,#", "100%", "\u0000\u007f", "日本語", ""];
for (const s of strs) {
  console.log(JSON.stringify(s), encodeURIComponent(s), encodeURI(s), decodeURIComponent(encodeURIComponent(s)) === s, decodeURI(encodeURI(s)) === s);
}
console.log(decodeURIComponent("%41%42%c3%a9"), decodeURI("%3B%2F%41"), decodeURIComponent("%3B%2F%41"), decodeURIComponent("+"));
for (const bad of ["%", "%G1", "%E0%A4%A", "%C3", "%FF", "%ED%A0%80"]) {
  try { decodeURIComponent(bad); console.log("decoded", bad); } catch (e) { console.log("decode", JSON.stringify(bad), e.name); }
}
try { encodeURIComponent("\ud800"); } catch (e) { console.log("encode lone surrogate:", e.name); }
console.log(encodeURIComponent("\ud83d\ude00"), encodeURI("\ud83d\ude00 ?#"));
// global object properties from builtins are not enumerable
const enumerable = Object.keys(globalThis).filter(k => ["Array", "Object", "JSON", "Math", "console", "globalThis", "parseInt"].includes(k));
console.log(enumerable);
// var and function declarations at top level become global properties
var topVar = 1;
function topFn() {}
console.log(Object.hasOwn(globalThis, "topVar"), Object.hasOwn(globalThis, "topFn"), delete globalThis.topVar);
globalThis.implicitGlobal = "set via globalThis";
console.log(implicitGlobal, typeof globalThis.Symbol, typeof globalThis.Reflect, typeof globalThis.Proxy);
