// Symbol.toPrimitive, valueOf and toString: hints for every operation.
const hints = [];
const obj = {
  [Symbol.toPrimitive](hint) { hints.push(hint); return hint === "number" ? 10 : hint === "string" ? "str" : "dflt"; },
};
const results = [
  obj + 1, obj + "", `${obj}`, String(obj), +obj, obj * 2, obj - 1, obj == "dflt", obj < 11,
  [obj].join(), Number(obj), Math.max(obj), isNaN(obj), ({ [obj]: 1 }) ? Object.keys({ [obj]: 1 })[0] : 0,
];
console.log(results);
console.log(hints.join(" "));
// toPrimitive must return a primitive
const bad = { [Symbol.toPrimitive]() { return {}; } };
try { bad + 1; } catch (e) { console.log("object returned:", e.name); }
const notFn = { [Symbol.toPrimitive]: 5 };
try { notFn + 1; } catch (e) { console.log("not callable:", e.name); }
const undefTP = { [Symbol.toPrimitive]: undefined, valueOf() { return 3; } };
console.log(undefTP + 1);
// OrdinaryToPrimitive order: number hint → valueOf first; string hint → toString first
const calls = [];
const both = {
  valueOf() { calls.push("valueOf"); return 1; },
  toString() { calls.push("toString"); return "s"; },
};
both + 1; `${both}`; both * 1; String(both); both == 1;
console.log(calls.join(" "));
// valueOf returning object falls through to toString
const fallthrough = { valueOf() { return {}; }, toString() { return "7"; } };
console.log(fallthrough * 2, fallthrough + 1);
// Date's toPrimitive defaults to string
const d = new Date(Date.UTC(2000, 0, 1));
console.log(typeof (d + 1), typeof (d - 1), d - 0, typeof d[Symbol.toPrimitive]);
console.log(d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === d.toString());
try { d[Symbol.toPrimitive]("bogus"); } catch (e) { console.log("bad hint:", e.name); }
// wrappers
console.log(new Number(5) + 1, new String("a") + 1, new Boolean(false) ? "truthy wrapper" : "falsy", new Boolean(false) + "");
// money example
class Money {
  constructor(cents) { this.cents = cents; }
  [Symbol.toPrimitive](hint) { return hint === "string" ? `$${(this.cents / 100).toFixed(2)}` : this.cents / 100; }
}
const m = new Money(1999);
console.log(`${m}`, m + 1, m * 2, m > 19, String(m));
// arrays and functions
console.log([1, [2, 3]] + "", String([null, undefined, 1]), (function f() {}) + "" === "function f() {}", String(Symbol.iterator));
