// ?. for properties, calls and elements; short-circuits the whole chain.
const o = { a: { b: { c: 1 } }, arr: [1, [2, 3]], fn() { return this.tag; }, tag: "T", nul: null };
console.log(o?.a?.b?.c, o.x?.y.z.w, o.nul?.q, o.arr?.[1]?.[0], o.arr?.[9]?.[0]);
console.log(o.fn?.(), o.missing?.(), o.nul?.(), o?.["fn"]?.());
const u = undefined, n = null;
console.log(u?.x, n?.x, u?.[0], n?.(), u?.x.y.z(), typeof u?.x);
// short-circuit: no evaluation of later parts
let evals = 0;
const side = () => { evals++; return "k"; };
u?.[side()];
n?.x[side()];
console.log(evals);
o?.[side()];
console.log(evals);
// this preserved in optional calls
console.log(o?.fn(), (o?.fn)(), o.fn?.call({ tag: "other" }));
// call of non-function still throws
try { o.tag?.(); } catch (e) { console.log("not a function:", e.name); }
try { o.a?.b.missing.deep; } catch (e) { console.log("non-optional after optional:", e.name); }
// with delete
const d = { p: { q: 1 } };
console.log(delete d?.p?.q, d, delete u?.x);
// falsy-but-defined values are not short-circuited
const f = { zero: 0, empty: "", no: false };
console.log(f.zero?.toFixed(2), f.empty?.length, f.no?.toString());
// with nullish coalescing
console.log(o.missing?.deep ?? "fallback", o.a?.b?.c ?? "unused");
// template and optional chain on results of calls
const mk = x => (x ? { val: x } : null);
console.log(mk(5)?.val, mk(0)?.val);
// optional chaining on primitives
console.log("abc"?.length, (5)?.toString(2), true?.valueOf());
// in a loop over possibly missing data
const rows = [{ user: { name: "a" } }, { user: null }, {}, { user: { name: "d", tags: ["x"] } }];
console.log(rows.map(r => r.user?.name ?? "-").join(","), rows.map(r => r.user?.tags?.[0] ?? "-").join(","));
