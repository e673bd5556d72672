// Symbol: uniqueness, description, registry, well-known symbols, property keys.
const s1 = Symbol("desc"), s2 = Symbol("desc"), s3 = Symbol();
console.log(s1 === s2, typeof s1, s1.toString(), s3.toString(), s1.description, s3.description, Symbol("").description);
console.log(String(s1), Object(s1) instanceof Symbol, typeof Object(s1));
try { new Symbol(); } catch (e) { console.log("new Symbol:", e.name); }
try { `${s1}`; } catch (e) { console.log("template:", e.name); }
try { s1 + ""; } catch (e) { console.log("concat:", e.name); }
try { +s1; } catch (e) { console.log("to number:", e.name); }
console.log(!!s1, !s3);
// registry
const r1 = Symbol.for("app.key"), r2 = Symbol.for("app.key");
console.log(r1 === r2, Symbol.keyFor(r1), Symbol.keyFor(s1), r1.description);
// as property keys
const o = { [s1]: "one", regular: "r" };
o[s2] = "two";
console.log(o[s1], o[s2], Object.keys(o), Object.getOwnPropertySymbols(o).length, JSON.stringify(o));
console.log(Reflect.ownKeys(o).map(k => typeof k));
console.log(s1 in o, Object.hasOwn(o, s2), o.hasOwnProperty(s3));
// well-known symbols
console.log(typeof Symbol.iterator, Symbol.iterator.toString(), Symbol.asyncIterator.description);
console.log(["hasInstance", "isConcatSpreadable", "iterator", "match", "replace", "search", "species", "split", "toPrimitive", "toStringTag", "unscopables"].map(n => typeof Symbol[n]).join(","));
// Symbol.toStringTag
class Tagged { get [Symbol.toStringTag]() { return "MyTag"; } }
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()));
// Symbol.isConcatSpreadable
const spreadable = { length: 2, 0: "a", 1: "b", [Symbol.isConcatSpreadable]: true };
const notSpread = [1, 2];
notSpread[Symbol.isConcatSpreadable] = false;
console.log([0].concat(spreadable), [0].concat(notSpread).length);
// Symbol.species
class MyArr extends Array { static get [Symbol.species]() { return Array; } }
const ma = MyArr.from([1, 2, 3]);
console.log(ma instanceof MyArr, ma.map(x => x) instanceof MyArr, ma.filter(Boolean).constructor.name);
// symbols as enum-like constants
const Color = Object.freeze({ RED: Symbol("red"), GREEN: Symbol("green") });
function colorName(c) { switch (c) { case Color.RED: return "red!"; case Color.GREEN: return "green!"; default: return "?"; } }
console.log(colorName(Color.RED), colorName(Color.GREEN), colorName(Symbol("red")));
// symbol valueOf
console.log(Object(s1).valueOf() === s1, Symbol.prototype[Symbol.toStringTag]);
// Symbol.match false makes a regexp usable as a startsWith argument
const re = /a/;
try { "abc".startsWith(re); } catch (e) { console.log("regexp arg:", e.name); }
re[Symbol.match] = false;
console.log("/a/abc".startsWith(re));
