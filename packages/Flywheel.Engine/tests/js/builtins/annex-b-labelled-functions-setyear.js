// Annex B.3.2 labelled function declarations (sloppy mode) are hoisted like unlabelled ones, and
// B.2.4.2 Date.prototype.setYear (two-digit years are 19xx). Only local-time round trips are printed.
console.log(typeof early, early());
outer: inner: function early() { return "nested labels"; }
lbl: function top() { return "top"; }
console.log(typeof top, top(), Object.getOwnPropertyDescriptor(globalThis, "top").enumerable);
function body() {
  console.log(typeof hoisted, hoisted());
  l: function hoisted() { return "in a function body"; }
  return typeof hoisted;
}
console.log(body());
{
  console.log(typeof inBlock, inBlock());
  b: function inBlock() { return "in a block"; }
}
console.log(typeof inBlock);
switch (1) {
  case 1:
    console.log(typeof inCase, inCase());
    break;
  case 2:
    c: function inCase() { return "in a switch case"; }
}
console.log(new Function("x: function f() { return 7; } return f();")());
const d = new Date(2000, 5, 15, 12, 30);
console.log(d.setYear(95) === d.getTime(), d.getFullYear(), d.getYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
d.setYear(2024.9);
console.log(d.getFullYear(), d.getMonth(), d.getDate());
d.setYear(-5);
console.log(d.getFullYear());
d.setYear("0");
console.log(d.getFullYear());
console.log(d.setYear(NaN), d.getTime(), d.getFullYear());
const fromNaN = new Date(NaN);
fromNaN.setYear(99);
console.log(fromNaN.getFullYear(), fromNaN.getMonth(), fromNaN.getDate(), fromNaN.getHours());
console.log(new Date(0).setYear(Infinity), Date.prototype.setYear.length, Date.prototype.setYear.name);
try { Date.prototype.setYear.call({}, 1); } catch (e) { console.log(e.name); }
// Functions declared in a switch's cases exist before any case runs.
switch (1) {
  case 1: console.log(typeof later, later()); break;
  case 2: function later() { return "declared in case 2"; }
}
(function () {
  "use strict";
  switch (0) { default: console.log(typeof strictCase); break; case 1: function strictCase() {} }
  console.log(typeof strictCase);
})();
