// JSON.parse: grammar, numbers, escapes, reviver, errors (only the error type is printed).
console.log(JSON.parse('{"a":[1,2,{"b":null}],"c":"d","e":true,"f":false}'));
console.log(JSON.parse("1"), JSON.parse('"s"'), JSON.parse("null"), JSON.parse(" [ ] "), JSON.parse("{}"), JSON.parse("-0"), Object.is(JSON.parse("-0"), -0));
console.log(JSON.parse("1e3"), JSON.parse("-1.5E-2"), JSON.parse("123456789012345678901234567890"), JSON.parse("1e400"), JSON.parse("0.1"), JSON.parse("5e-324"));
console.log(JSON.stringify(JSON.parse('"\\u0041\\n\\t\\"\\\\\\/\\b\\f\\r"')), JSON.parse('"\\ud83d\\ude00"'), JSON.parse('"é"'));
console.log(JSON.parse(' \t\n\r{ "spaced" : 1 } \n'));
const bad = ["", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "'s'", "01", "1.", ".5", "+1", "-", "0x10", "NaN", "Infinity", "undefined", "[1 2]", '"\\x41"', '"\\u00"', '"tab\there"', '"line\nbreak"', "nul", "truex", '{"a" 1}', "[", '"unterminated', "1 2", "//c\n1", "\u00a01"];
for (const b of bad) {
  try { JSON.parse(b); console.log("parsed?!", JSON.stringify(b)); } catch (e) { console.log(JSON.stringify(b), "->", e.name); }
}
// duplicate keys: last wins, position of first
console.log(JSON.parse('{"a":1,"b":2,"a":3}'), Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4}')));
// __proto__ is an ordinary key in JSON.parse
const p = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
console.log(Object.keys(p), p.polluted, Object.getPrototypeOf(p) === Object.prototype, ({}).polluted);
// reviver: bottom-up order, this is holder, deleting by returning undefined
const order = [];
const revived = JSON.parse('{"a":1,"b":{"c":2,"d":[3,4]},"e":"drop"}', function (k, v) {
  order.push(k === "" ? "(root)" : k);
  if (k === "e") return undefined;
  if (typeof v === "number") return v * 100;
  return v;
});
console.log(revived, order.join(" "));
const dates = JSON.parse('{"when":"2020-05-06T07:08:09.000Z","n":1}', (k, v) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v) : v));
console.log(dates.when instanceof Date, dates.when.getUTCFullYear(), dates.when.toISOString());
console.log(JSON.parse("[1,2,3]", (k, v) => (Array.isArray(v) ? v.length : v + 1)));
// non-string argument is converted
console.log(JSON.parse(123), JSON.parse(true), JSON.parse(null), JSON.parse({ toString() { return '{"from":"toString"}'; } }));
// deep nesting
const deep = "[".repeat(500) + "]".repeat(500);
let d = JSON.parse(deep), depth = 0;
while (Array.isArray(d) && d.length) { d = d[0]; depth++; }
console.log("depth", depth + 1);
// round trip of many values
const values = [0, -1.5, 1e21, 1e-7, "ünïcödé \u2028", [null, true, [[]]], { nested: { k: [1, { z: "" }] } }];
console.log(values.every(v => JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v)));
console.log(JSON[Symbol.toStringTag], Object.keys(JSON), typeof JSON.parse, JSON.parse.length, JSON.stringify.length);
