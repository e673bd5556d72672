// Found by fuzz/Flywheel.Fuzz.JsDiff (console.log layout). Node counts the "<ref *N>" marker of a circular
// object in the 80-column budget that decides whether the object fits on one line.
const o0 = { 2: -1e300, x: 65536 };
o0[null] = [o0, [], undefined, NaN];
console.log("p91", o0);
const o = {};
o[1] = 0;
o[",[object Object],true,[object Object]"] = o;
console.log(o);
class Foo { constructor() { this.self = this; } }
console.log(new Foo());
function f() {}
f.me = f;
console.log(f);
const a = [1, 2];
a.push(a);
console.log(a);
// Also found by the fuzzer: the column count of a grouped array rounds halves up (Math.round),
// so ten `false` entries go in three columns, not two.
console.log(Array(10).fill(false));
console.log(Array(26).fill(true));
