// &&, ||, !, ??, ??=, ||=, &&= — values returned and short-circuiting.
const vals = [0, -0, "", NaN, null, undefined, false, "0", [], {}, 1];
const show = v => (Object.is(v, -0) ? "-0" : typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? "[]" : typeof v === "object" && v !== null ? "{}" : String(v));
for (const v of vals) {
  console.log(show(v), "||:", show(v || "R"), "&&:", show(v && "R"), "??:", show(v ?? "R"), "!:", !v, "!!:", !!v);
}
let calls = 0;
const side = v => { calls++; return v; };
console.log(false && side(1), true || side(2), null ?? side(3), 0 ?? side(4), calls);
// ??= only assigns when null/undefined; ||= when falsy; &&= when truthy
const o = { a: null, b: 0, c: 1, d: undefined };
o.a ??= "a-set"; o.b ??= "b-set"; o.b ||= "b-or"; o.c &&= "c-and"; o.d ||= "d-or"; o.e ??= "e-new";
console.log(o);
// logical assignment does not call setter when short-circuited
let setterCalls = 0;
const acc = { get v() { return 1; }, set v(x) { setterCalls++; } };
acc.v ||= 5; acc.v ??= 5; acc.v &&= 5;
console.log(setterCalls);
// const with logical assignment that short-circuits is fine
const k = 1;
k ||= 2;
console.log(k);
try { const k2 = 0; k2 ||= 2; } catch (e) { console.log("const ||=", e.name); }
// mixing ?? with || needs parentheses
console.log((null || undefined) ?? "x", null ?? (0 || "y"));
// precedence
console.log(1 || 2 && 0, (1 || 2) && 0, !0 + 1, !"" === true);
let count = 0;
const lazy = () => ++count;
let x = 1;
x &&= lazy(); x ||= lazy(); let y = null; y ??= lazy(); y ??= lazy();
console.log(x, y, count);
// array element logical assignment
const arr = [null, 0];
arr[0] ??= "filled"; arr[1] ||= "zero replaced"; arr[5] ??= "far";
console.log(arr);
