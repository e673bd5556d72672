// Binary operators and member accesses read a local operand in place only when the rest of the
// expression cannot assign it; each case below must see the value from before the right side ran.
function assignInRight() { let a = 1; return a + (a = 5); }
function updateInRight() { let a = 1; return a + a++; }
function compareAssign() { let i = 0; return i < (i = 5); }
function keyReassignsObject() { let o = { x: 1 }; const p = { x: 2 }; return o[(o = p, "x")]; }
function arrayKeyReassigns() { let arr = [1, 2]; return arr[(arr = [7, 8], 0)]; }
function getterOnRight() { let a = 1; const obj = { get v() { a = 100; return 10; } }; return a + obj.v; }
function directEval() { let a = 1; return a + eval("a = 10, 0"); }
function paramsAndVars(x, y) { var z = 3; return [x * y, x - z, y / x, x % z, z ** 2, x << 1, x & y, x === 2, y !== 3].join(","); }
function nestedMember() { const o = { a: { b: [1, 2, 3] } }; let i = 1; return o.a.b[i] + o.a.b[i + 1]; }
function tdzLeft() { try { return b + 1; } catch (e) { return e.constructor.name; } let b = 1; }
function inOperator() { const k = "x"; const o = { x: 1 }; return [k in o, "y" in o].join(","); }
function nullishObject() { let o = null; try { return o.x; } catch (e) { return e.constructor.name + ": " + e.message; } }
for (const f of [assignInRight, updateInRight, compareAssign, keyReassignsObject, arrayKeyReassigns, getterOnRight,
  directEval, () => paramsAndVars(2, 3), nestedMember, tdzLeft, inOperator, nullishObject])
  console.log(f.name || "paramsAndVars", String(f()));
