// Mapped arguments: aliasing through closures, defineProperty, freeze, delete and re-add, duplicates.
function viaClosure(a) {
  const set = v => { a = v; };
  const get = () => a;
  set("closure");
  const r1 = arguments[0];
  arguments[0] = "args";
  return [r1, get()];
}
console.log(viaClosure(1));
function defineValue(a) { Object.defineProperty(arguments, "0", { value: "dv" }); return [a, arguments[0]]; }
console.log(defineValue(1));
function defineAccessor(a) {
  Object.defineProperty(arguments, "0", { get() { return "getter"; }, configurable: true });
  a = "param";
  return [a, arguments[0]];
}
console.log(defineAccessor(1));
function nonWritableThenParam(a) {
  Object.defineProperty(arguments, "0", { writable: false });
  a = "param";
  arguments[0] = "ignored";
  return [a, arguments[0], Object.getOwnPropertyDescriptor(arguments, "0").writable];
}
console.log(nonWritableThenParam("orig"));
function frozen(a) { Object.freeze(arguments); a = "param"; return [a, arguments[0], Object.isFrozen(arguments)]; }
console.log(frozen("orig"));
function deleteReadd(a) { delete arguments[0]; arguments[0] = "readded"; a = "param"; return [a, arguments[0]]; }
console.log(deleteReadd("orig"));
function dup(a, a) { arguments[1] = "second"; return [a, arguments[0], arguments[1]]; }
console.log(dup(1, 2));
function dupFirst(a, a) { arguments[0] = "first"; return [a, arguments[0]]; }
console.log(dupFirst(1, 2));
function missing(a, b) { b = "set b"; return [arguments.length, arguments[1], b]; }
console.log(missing(1));
function descriptor(a) { a = 5; return Object.getOwnPropertyDescriptor(arguments, "0"); }
console.log(descriptor(1));
function spread(a, b) { a = "A"; return [...arguments, JSON.stringify(arguments), Object.values(arguments).join()]; }
console.log(spread(1, 2));
function keysAfterWrite(a) { a = "x"; return Object.entries(arguments); }
console.log(keysAfterWrite(1, 2));
function inArrow(a) { return (() => { arguments[0] = "from arrow"; return a; })(); }
console.log(inArrow(1));
function* genMapped(a) { arguments[0] = "gen"; yield a; a = "later"; yield arguments[0]; }
console.log([...genMapped(1)]);
function strictInner(a) { "use strict"; a = 2; return arguments[0]; }
console.log(strictInner(1));
function restNoMap(a, ...r) { a = 2; return arguments[0]; }
console.log(restNoMap(1));
function patternNoMap({ x }, b) { b = 2; return arguments[1]; }
console.log(patternNoMap({ x: 1 }, 1));
function hot(a, b) { let s = 0; for (let i = 0; i < 2000; i++) { arguments[1] = i; s += b; } return s; }
console.log(hot(0, 0));
function lengthChange(a, b) { arguments.length = 1; b = 7; return [Array.from(arguments), arguments[1]]; }
console.log(lengthChange(1, 2));
function calleeIsFn(a) { return arguments.callee === calleeIsFn; }
console.log(calleeIsFn());
function legacy() {}
function strictLegacy() { "use strict"; }
console.log(legacy.caller, legacy.arguments);
for (const f of [strictLegacy, () => 1, class {}, Math.max, function* () {}]) {
  try { f.caller; console.log("no throw"); } catch (e) { console.log(e.name); }
}
