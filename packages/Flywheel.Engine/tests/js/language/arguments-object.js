// The arguments object: sloppy mapped vs strict unmapped, length, iteration.
function sloppy(a, b) {
  arguments[0] = "changed";
  b = "b-changed";
  return [a, arguments[1], arguments.length];
}
console.log(sloppy(1, 2), sloppy(1));

function strict(a) {
  "use strict";
  arguments[0] = "changed";
  return [a, arguments[0]];
}
console.log(strict(1));

function withDefaults(a = 0) { arguments[0] = 99; return [a, arguments[0], arguments.length]; }
console.log(withDefaults(1), withDefaults());

function info() {
  return [typeof arguments, Array.isArray(arguments), Object.prototype.toString.call(arguments), arguments.length];
}
console.log(info(1, 2, 3));

function toArr() { return Array.prototype.slice.call(arguments); }
console.log(toArr(1, "a", null));
function fromArr() { return Array.from(arguments); }
console.log(fromArr(4, 5));
function spreadArgs() { return [...arguments].reverse(); }
console.log(spreadArgs(1, 2, 3));
function iterate() { let s = 0; for (const x of arguments) s += x; return s; }
console.log(iterate(1, 2, 3, 4));
function keys() { return Object.keys(arguments); }
console.log(keys("x", "y"));
function lengthWritable() { arguments.length = 1; return Array.prototype.join.call(arguments, "+"); }
console.log(lengthWritable(7, 8, 9));
function extra() { arguments[5] = "far"; return arguments.length; }
console.log(extra(1));
function sum() { let t = 0; for (let i = 0; i < arguments.length; i++) t += arguments[i]; return t; }
console.log(sum(), sum(1), sum(1, 2, 3, 4, 5));
function callee() { return typeof arguments.callee; }
console.log(callee());
function rest(first, ...others) { return [arguments.length, others.length]; }
console.log(rest(1, 2, 3));
function shadowArgs(arguments) { return arguments; }
console.log(shadowArgs("param named arguments"));
function deleteArg(a) { delete arguments[0]; return [a, arguments[0], arguments.length]; }
console.log(deleteArg(5));
