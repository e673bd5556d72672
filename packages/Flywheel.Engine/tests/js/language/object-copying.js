// Copying objects: spread, Object.assign, structured manual deep copy, JSON copy; what each keeps.
class Point { constructor(x, y) { this.x = x; this.y = y; } norm() { return Math.hypot(this.x, this.y); } }
const sym = Symbol("s");
const src = {
  num: 1, str: "s", nested: { deep: [1, { deeper: true }] }, date: new Date(0), point: new Point(3, 4),
  [sym]: "symbol", undef: undefined, fn() { return "fn"; }, get computed() { return this.num + 1; },
};
Object.defineProperty(src, "hidden", { value: "non-enumerable", enumerable: false });
const spread = { ...src };
const assigned = Object.assign({}, src);
const json = JSON.parse(JSON.stringify(src));
function deepCopy(v, seen = new Map()) {
  if (v === null || typeof v !== "object") return v;
  if (seen.has(v)) return seen.get(v);
  if (v instanceof Date) return new Date(v.getTime());
  const out = Array.isArray(v) ? [] : Object.create(Object.getPrototypeOf(v));
  seen.set(v, out);
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if ("value" in d) d.value = deepCopy(d.value, seen);
    Object.defineProperty(out, k, d);
  }
  return out;
}
const deep = deepCopy(src);
for (const [name, c] of [["spread", spread], ["assign", assigned], ["json", json], ["deep", deep]]) {
  console.log(name.padEnd(7),
    "shares nested:", c.nested === src.nested,
    "| symbol:", c[sym] ?? "-",
    "| hidden:", c.hidden ?? "-",
    "| undef key:", "undef" in c,
    "| fn:", typeof c.fn,
    "| getter kept:", typeof Object.getOwnPropertyDescriptor(c, "computed")?.get === "function",
    "| date:", c.date instanceof Date ? "Date" : typeof c.date,
    "| point proto:", c.point instanceof Point);
}
src.num = 100;
console.log(spread.computed, deep.computed, json.computed);
deep.nested.deep[1].deeper = "changed in copy";
console.log(src.nested.deep[1].deeper, deep.nested.deep[1].deeper);
// cycles survive the deep copy
const cyc = { name: "cyc" };
cyc.self = cyc;
cyc.list = [cyc];
const cycCopy = deepCopy(cyc);
console.log(cycCopy.self === cycCopy, cycCopy.list[0] === cycCopy, cycCopy !== cyc);
// arrays: slice, spread, Array.from, concat are shallow
const arr = [[1], { o: 1 }];
const copies = [arr.slice(), [...arr], Array.from(arr), arr.concat(), arr.map(x => x)];
console.log(copies.every(c => c !== arr && c[0] === arr[0] && c[1] === arr[1]));
// Object.assign with getters on the target invokes setters
const target = { set v(x) { this.setWith = x; } };
Object.assign(target, { v: 5 });
console.log(target.setWith, Object.keys(target));
// freezing a copy does not freeze the original
const frozenCopy = Object.freeze({ ...src });
console.log(Object.isFrozen(frozenCopy), Object.isFrozen(src));
