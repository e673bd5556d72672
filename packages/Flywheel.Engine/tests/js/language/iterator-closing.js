// When language constructs and builtins close iterators (call .return()): break, throw, return,
// destructuring, Array.from mapper throwing, spread errors, yield*, Map/Set constructors.
function tracked(name, values, log) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { log.push(`${name}.next`); return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true }; },
    return() { log.push(`${name}.return`); return { done: true }; },
  };
}
const cases = {
  "for-of break": log => { for (const x of tracked("it", [1, 2, 3], log)) break; },
  "for-of return": log => (() => { for (const x of tracked("it", [1, 2], log)) return x; })(),
  "for-of throw": log => { try { for (const x of tracked("it", [1], log)) throw 0; } catch {} },
  "for-of continue outer": log => { outer: for (const a of [1, 2]) for (const x of tracked("it" + a, [1, 2], log)) continue outer; },
  "destructure short": log => { const [a] = tracked("it", [1, 2], log); },
  "destructure exact": log => { const [a, b] = tracked("it", [1, 2], log); },
  "destructure rest": log => { const [...all] = tracked("it", [1, 2], log); },
  "destructure throwing default": log => { try { const [a = (() => { throw 1; })()] = tracked("it", [undefined], log); } catch {} },
  "Array.from mapper throws": log => { try { Array.from(tracked("it", [1, 2], log), () => { throw 1; }); } catch {} },
  "Map ctor bad entry": log => { try { new Map(tracked("it", [1], log)); } catch {} },
  "Set ctor": log => { new Set(tracked("it", [1, 2], log)); },
  "spread into call": log => { Math.max(...tracked("it", [1, 2], log)); },
  "yield* then return": log => { const g = (function* () { yield* tracked("it", [1, 2, 3], log); })(); g.next(); g.return(); },
  "spread into array literal": log => { [...tracked("it", [1], log)].includes(1); },
};
for (const [name, f] of Object.entries(cases)) {
  const log = [];
  f(log);
  console.log(name.padEnd(34), log.join(" "));
}
// return() that throws: the original exception wins for throw completions
const badReturn = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { throw new Error("from return"); } }; } };
try { for (const x of badReturn) throw new Error("from body"); } catch (e) { console.log(e.message); }
try { for (const x of badReturn) break; } catch (e) { console.log(e.message); }
// return() returning a non-object is a TypeError on normal (break) completion
const nonObjectReturn = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return: () => 5 }; } };
try { for (const x of nonObjectReturn) break; } catch (e) { console.log("non-object return result:", e.name); }
