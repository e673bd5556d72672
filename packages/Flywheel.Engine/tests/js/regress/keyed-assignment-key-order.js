// o[k] = v converts k to a property key after evaluating v (PutValue), so a v that changes k wins (found by JsDiff).
const o0 = { b: ["a"], d: 4 };
const a1 = [44, o0, false];
function f8() { a1.pop(); return "a,b"; }
o0[a1] = f8();
console.log("p88", o0);
