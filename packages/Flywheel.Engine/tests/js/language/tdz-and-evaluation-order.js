// Temporal dead zones in less obvious places, and the left-to-right evaluation order of
// arguments, property keys, template substitutions, and class elements.
const results = [];
const tryIt = (label, f) => { try { results.push(`${label}: ${f()}`); } catch (e) { results.push(`${label}: ${e.name}`); } };
tryIt("class heritage TDZ", () => { class C extends C {} return "no error"; });
tryIt("class name inside heritage", () => { const D = class D2 extends (D2 => Object)() {}; return typeof D; });
tryIt("function hoisted but let not", () => { function f() { return later; } const r = (() => { try { return f(); } catch (e) { return e.name; } })(); let later = 1; return r; });
tryIt("typeof in TDZ", () => { typeof tdzVar; let tdzVar; return "no error"; });
tryIt("TDZ in for-of head", () => { for (let x of [x]) {} return "no error"; });
tryIt("TDZ in for-in head", () => { for (const k in { k }) {} return "no error"; });
tryIt("default param sees earlier param", () => ((a, b = a * 2) => b)(3));
tryIt("default param sees later param", () => ((a = b, b = 1) => a)());
tryIt("default param sees body var", () => ((a = typeof bodyVar) => { var bodyVar = 1; return a; })());
tryIt("switch case TDZ", () => { switch (1) { case 0: let z = 1; break; case 1: return typeof z; } });
tryIt("closure called after init", () => { const get = () => late; let late = "ok"; return get(); });
tryIt("const in loop body per iteration", () => { const out = []; for (let i = 0; i < 2; i++) { const c = i; out.push(c); } return out.join(); });
console.log(results.join("\n"));
const order = [];
const t = v => { order.push(String(v)); return v; };
function f(...args) { return args.length; }
f(t(1), t(2), ...[t(3), t(4)], t(5));
const o = { [t("k1")]: t("v1"), [t("k2")]: t("v2"), ...(t("spread"), {}) };
`${t("tpl1")}${t("tpl2")}`;
t("lhs-obj")[t("lhs-key")] = t("rhs");
t(6) + t(7) * t(8);
t(9) < t(10);
t("cond") ? t("then") : t("else");
new (t(class {}) && class {})(t("ctor-arg"));
console.log(order.join(" "));
const classOrder = [];
const k = name => { classOrder.push(name); return name; };
class Elements {
  static [k("static-field")] = classOrder.push("static-field-init");
  [k("field")] = classOrder.push("field-init");
  [k("method")]() {}
  static [k("static-method")]() {}
  static { classOrder.push("static-block"); }
}
classOrder.push("after class");
new Elements();
console.log(classOrder.join(" "));
