// The name and length of every kind of function, including inferred, bound, accessor, symbol-keyed,
// class, default-export-like anonymous, and builtins.
const sym = Symbol("described"), anonSym = Symbol();
const o = {
  method() {}, *gen() {}, arrow: () => {}, fnExpr: function () {}, named: function inner() {},
  [sym]() {}, [anonSym]() {}, ["comp" + "uted"]: () => {}, 42() {},
  get acc() { return 1; }, set acc(v) {},
};
const d = Object.getOwnPropertyDescriptor(o, "acc");
console.log([o.method, o.gen, o.arrow, o.fnExpr, o.named, o[sym], o[anonSym], o.computed, o[42], d.get, d.set].map(f => JSON.stringify(f.name)).join(" "));
class K { static s() {} #p() {} get priv() { return this.#p; } static #sp() {} static get sp() { return K.#sp; } }
console.log(K.name, K.s.name, new K().priv.name, K.sp.name, (class {}).name, (class Named {}).name);
let assigned; assigned = () => {};
const [destructured = function () {}] = [];
const { prop = () => {} } = {};
console.log(assigned.name, destructured.name, prop.name, (() => {}).name, (function () {}).name);
function f3(a, b, c) {}
console.log(f3.length, f3.bind(null, 1).length, ((a, b = 1, c) => {}).length, ((...r) => {}).length, (({ a }, [b]) => {}).length, (function (a, b = 2) {}).length);
console.log(f3.bind(null).name, f3.bind(null).bind(null).name, (() => {}).bind(null).name, new Function("a", "b", "").name, new Function("a", "b", "").length);
console.log([Array.prototype.map, Math.max, Object.defineProperty, String.prototype.replace, JSON.stringify, Array, Symbol].map(f => `${f.name}/${f.length}`).join(" "));
console.log(Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator).value.name, Object.getOwnPropertyDescriptor(RegExp.prototype, Symbol.split).value.name, Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name);
console.log(Object.getOwnPropertyDescriptor(f3, "name"), Object.getOwnPropertyDescriptor(f3, "length"));
Object.defineProperty(f3, "name", { value: "renamed" });
console.log(f3.name, String(f3).slice(0, 12));
class StaticName { static name = "field overrides"; }
console.log(StaticName.name);
