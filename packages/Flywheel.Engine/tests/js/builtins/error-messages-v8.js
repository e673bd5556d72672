// The messages of errors the engine itself throws, as node (V8) words them. These are not fixed
// by the spec; Flywheel matches V8's wording for the common cases so programs that print
// e.message behave the same.
function msg(f) { try { f(); return "no error"; } catch (e) { return `${e.name}: ${e.message}`; } }
console.log(msg(() => notDefinedAnywhere));
console.log(msg(() => { const c = 1; c = 2; }));
console.log(msg(() => { tdz; let tdz = 1; }));
console.log(msg(() => { const o = undefined; o.prop; }));
console.log(msg(() => { const o = null; o.prop; }));
console.log(msg(() => { const o = {}; o.method(); }));
console.log(msg(() => { const o = { notFn: 1 }; o.notFn(); }));
console.log(msg(() => { const f = 5; f(); }));
console.log(msg(() => { class A {} A(); }));
console.log(msg(() => new Array(-1)));
console.log(msg(() => "x".repeat(-1)));
console.log(msg(() => { const cyc = {}; cyc.self = cyc; JSON.stringify(cyc); }).split("\n")[0]);
console.log(msg(() => (1).toFixed(200)));
console.log(msg(() => { "use strict"; Object.freeze([1]).push(2); }));
console.log(msg(() => { new (class B extends Object { constructor() { this.x = 1; } })(); }));
console.log(msg(() => Symbol() + ""));
console.log(msg(() => { const [a] = 5; }));
console.log(msg(() => { const { a } = null; }));
console.log(msg(() => { for (const x of {}) {} }));
console.log(msg(() => { new 5; }));
console.log(msg(() => { ({}) instanceof 5; }));
console.log(msg(() => { "a" in "abc"; }));
console.log(msg(() => decodeURIComponent("%")));
console.log(msg(() => new Set().add.call({}, 1)));
