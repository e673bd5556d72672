// Tagged templates: strings array, raw strings, substitutions, caching of the strings object.
function tag(strings, ...values) {
  return JSON.stringify({ strings: [...strings], raw: strings.raw, values });
}
console.log(tag`a${1}b${2}c`);
console.log(tag``);
console.log(tag`${"only"}`);
console.log(tag`line\nbreak \u0041`);
console.log(tag`bad escape \unicode ok`);
function strs(s) { return s; }
const t1 = strs`x${0}y`;
console.log(Object.isFrozen(t1), Object.isFrozen(t1.raw), Array.isArray(t1), t1.length);
// same call site returns same object
function site() { return strs`same`; }
console.log(site() === site(), strs`same` === strs`same`);
// String.raw
console.log(String.raw`C:\new\table ${1 + 1}`);
console.log(String.raw({ raw: ["a", "b", "c"] }, 1, 2, 3));
console.log(String.raw({ raw: "xyz" }, "-", "+"));
// tag as member expression keeps this
const obj = { prefix: ">>", fmt(s, ...v) { return this.prefix + s.raw.join("|") + v.join(","); } };
console.log(obj.fmt`a${1}b`);
// tag returning function
const curry = s => v => s[0] + v;
console.log(curry`pre:`("val"));
// html escaping example
function html(strings, ...vals) {
  const esc = v => String(v).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  return strings.reduce((acc, s, i) => acc + s + (i < vals.length ? esc(vals[i]) : ""), "");
}
console.log(html`<p title="${'a"b'}">${"<b>&"}</p>`);
// undefined cooked value for invalid escapes
function cooked(s) { return [s[0], s.raw[0]]; }
console.log(cooked`\xZZ`);
