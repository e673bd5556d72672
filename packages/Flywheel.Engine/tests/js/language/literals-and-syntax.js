// Numeric, string and regexp literal forms; ASI; comments; unicode identifiers.
console.log(0x1f, 0X1F, 0o17, 0b1011, 1e3, 1E-3, .5, 5., 0.1e2, 1_000_000, 0xff_ff, 1e+2);
console.log(9007199254740993, 0.1, 1e21, 1e-7, 123e-20, 2e308, 017 === undefined ? 0 : 15);
console.log("single 'quoted'", 'double "quoted"', "esc\"aped", 'esc\'aped', "\\backslash");
console.log("\x41\u0042\u{43}\u{1F600}".length, "\0".charCodeAt(0), "\v\f\b".split("").map(c => c.charCodeAt(0)));
console.log("line \
continuation", "tab\there");
console.log("\u2028\u2029".length);
const ünïcödé = "unicode identifier", $dollar = 1, _under = 2, \u0061bc = "escaped identifier";
console.log(ünïcödé, $dollar + _under, abc);
/* block
   comment */ console.log("after block comment"); // line comment
// ASI
let asi = 1
let asi2 = 2
console.log(asi + asi2)
const fnAsi = function () {
  return
  "never returned";
};
console.log(fnAsi());
let n = 1
n
++
n
console.log(n)
const arr = [1, 2]
;[3, 4].forEach(v => arr.push(v))
console.log(arr)
// regex literal vs division
const a = 10, g = 2, i = 5;
console.log(a / g / i, /g/i.test("G"), typeof /x/);
console.log([/a/g, /[/]/, /\//].map(r => r.source));
// property access on numeric literals
console.log(1..toString(), 1.5.toFixed(1), (1).toString(), 1 .toString());
// keywords as property names
const kw = { class: 1, function: 2, if: 3, let: 4, yield: 5, await: 6 };
console.log(kw.class + kw.function + kw.if + kw.let + kw.yield + kw.await);
// getters named get/set, method named static
const tricky = { get: 1, set: 2, static() { return "static"; }, async: 3, get get2() { return "g2"; } };
console.log(tricky.get, tricky.set, tricky.static(), tricky.async, tricky.get2);
// let as identifier in sloppy mode
var let_ = "ok";
console.log(let_);
// HTML-like comments are not supported in modules but are in scripts
console.log("end");
