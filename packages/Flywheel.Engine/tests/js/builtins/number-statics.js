// Number constants and statics, Number() conversion, parseInt/parseFloat, isNaN/isFinite.
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE);
console.log(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, Number.EPSILON === 2 ** -52);
const inputs = [0, -0, 1.5, "1.5", "", " ", "12abc", "0x1A", "0b11", "0o7", "-0x1A", "1e3", ".5", "5.", "+5", "--5", "Infinity", "-Infinity", "infinity", null, undefined, true, [], [7], [1, 2], {}, NaN, 2 ** 53, "1_000", "\t 42 \n"];
for (const v of inputs) {
  console.log(JSON.stringify(v) ?? String(v), "->", Number(v), Number.isInteger(v), Number.isSafeInteger(v), Number.isFinite(v), Number.isNaN(v), isNaN(v), isFinite(v));
}
console.log(parseInt("42"), parseInt("42.9"), parseInt("  -17px"), parseInt("0x1f"), parseInt("1f", 16), parseInt("z", 36), parseInt("101", 2), parseInt("12", 3), parseInt(""), parseInt("abc"));
console.log(parseInt("0x"), parseInt("08"), parseInt("-0"), Object.is(parseInt("-0"), -0), parseInt(0.0000005), parseInt(1e21), parseInt("123", 0), parseInt("123", 1), parseInt("123", 37), parseInt("9007199254740993"));
console.log(parseInt(null, 36), parseInt("Infinity"), parseInt("  +12"), parseInt("1e3"), parseInt("٣"), parseInt("12", 16.9), parseInt(" 0b11"), Number.parseInt === parseInt);
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-.5e2x"), parseFloat("1e"), parseFloat("e1"), parseFloat("Infinityx"), parseFloat("-Infinity"), parseFloat("0x10"), parseFloat("  1_0"), parseFloat(""), parseFloat("1.2.3"));
console.log(Number.parseFloat === parseFloat, parseFloat("1e400"), parseFloat("-0"), Object.is(parseFloat("-0"), -0), parseFloat("5e-400"));
console.log(new Number(5) + 1, typeof new Number(5), Number.prototype.valueOf.call(7), (5).constructor === Number);
try { Number.prototype.valueOf.call("5"); } catch (e) { console.log("valueOf on string:", e.name); }
console.log(Number("  0x10  "), Number("0x10.5"), Number("1e+3"), Number("1E-3"), Number("-"), Number("+"), Number("0.0000001"), Number("00012"), Number("-00012.50"));
// integer checks on edge values
console.log(Number.isInteger(5.0), Number.isInteger(5.0000000000000001), Number.isInteger(-0), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isInteger(Infinity));
