// JSON.parse reviver details: holder and key types, bottom-up order, deleting by returning
// undefined (arrays keep holes), adding properties during revival, and the root call.
const calls = [];
JSON.parse('{"a":[1,{"b":2}],"c":3}', function (key, value) {
  calls.push(`${JSON.stringify(key)}@${Array.isArray(this) ? "array" : typeof this}`);
  return value;
});
console.log(calls.join(" "));
const dropped = JSON.parse("[1,2,3,4]", (k, v) => (typeof v === "number" && v % 2 === 0 ? undefined : v));
console.log(dropped, dropped.length, 1 in dropped, JSON.stringify(dropped));
const objDropped = JSON.parse('{"keep":1,"drop":2}', (k, v) => (k === "drop" ? undefined : v));
console.log(objDropped, "drop" in objDropped);
const mutated = JSON.parse('{"first":1,"second":2}', function (k, v) {
  if (k === "first") this.second = "changed by reviver";
  return v;
});
console.log(mutated);
const added = JSON.parse('{"x":1}', function (k, v) { if (k === "x") this.extra = "added"; return v; });
console.log(added, Object.keys(added));
console.log(JSON.parse("5", (k, v) => (k === "" ? { wrapped: v } : v)), JSON.parse('"s"', function (k, v) { return [k, v, Object.keys(this)]; }));
const deep = JSON.parse('{"l1":{"l2":{"l3":"leaf"}}}', (k, v) => (typeof v === "string" ? v.toUpperCase() : v));
console.log(deep.l1.l2.l3);
const typed = JSON.parse('{"when":"2024-05-06T07:08:09.010Z","n":"12","list":["1","2"]}', (k, v) =>
  k === "when" ? new Date(v) : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
console.log(typed.when.getUTCMilliseconds(), typed.n + 1, typed.list.reduce((a, b) => a + b));
try { JSON.parse("[1]", () => { throw new RangeError("reviver threw"); }); } catch (e) { console.log(e.name, e.message); }
console.log(JSON.parse('{"__proto__":1,"constructor":2}', (k, v) => v), Object.keys(JSON.parse('{"1":1,"a":2,"0":3}', (k, v) => v)));
