// TDZ checks inside functions, where bindings live in registers: the compiler drops the check only
// when the initialization dominates the load, so every case below must still throw or not as node does.
function attempt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name, e.message); }
}
attempt("self-reference", () => { let x = x + 1; return x; });
attempt("use before declaration", () => { const r = y; let y = 2; return r; });
attempt("after declaration", () => { let z = 3; return z * 2; });
attempt("switch fallthrough skips init", () => {
  switch (1) { case 0: let a = 1; case 1: return a; }
});
attempt("switch init then use", () => {
  switch (0) { case 0: let a = 5; case 1: return a; }
});
attempt("switch nested block", () => {
  switch (0) { case 0: { let b = 7; return b + 1; } }
});
attempt("loop body re-entry", () => {
  let out = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) { try { out.push(typeof v); } catch (e) { out.push(e.constructor.name); } }
    let v = i;
    out.push(v);
  }
  return out.join(",");
});
attempt("destructuring default refers to later binding", () => { let [p = q, q] = []; return p; });
attempt("destructuring default refers to earlier binding", () => { let [p = 1, q = p + 1] = []; return p + q; });
attempt("typeof in TDZ", () => { const t = typeof w; let w = 1; return t; });
attempt("catch then use", () => {
  let k = 1;
  try { throw new Error("x"); } catch { k = k + 1; }
  return k;
});
attempt("generator keeps bindings across yields", () => {
  function* g() { let m = 1; yield m; m += 1; yield m; }
  return [...g()].join(",");
});
attempt("class binding in its own heritage", () => { class C extends (C, Object) {} return 1; });
attempt("label break before init", () => {
  let r = "none";
  out: { if (true) break out; let n = 1; r = n; }
  return r;
});
