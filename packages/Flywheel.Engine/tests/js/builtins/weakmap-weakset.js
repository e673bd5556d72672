// WeakMap and WeakSet: object keys only, basic operations (no iteration, no size).
const wm = new WeakMap();
const k1 = {}, k2 = function () {}, k3 = [];
wm.set(k1, "obj").set(k2, "fn").set(k3, "arr");
console.log(wm.get(k1), wm.get(k2), wm.has(k3), wm.has({}), wm.get({}), wm.delete(k1), wm.has(k1), wm.delete(k1));
for (const bad of [1, "s", null, undefined, true]) {
  try { wm.set(bad, 1); console.log("accepted", bad); } catch (e) { console.log("WeakMap key", String(bad), e.name); }
}
console.log(wm.get(1), wm.has("s"), wm.delete(null));
const ws = new WeakSet([k1, k2]);
console.log(ws.has(k1), ws.has(k3), ws.add(k3) === ws, ws.has(k3), ws.delete(k3), ws.has(k3));
try { ws.add(5); } catch (e) { console.log("WeakSet value:", e.name); }
console.log(typeof wm.size, typeof ws.forEach, typeof wm[Symbol.iterator], Object.prototype.toString.call(wm), Object.prototype.toString.call(ws));
// private data pattern
const priv = new WeakMap();
class Person {
  constructor(name) { priv.set(this, { name, secret: name.length }); }
  get name() { return priv.get(this).name; }
  secretOf() { return priv.get(this).secret; }
}
const p = new Person("Ada");
console.log(p.name, p.secretOf(), Object.keys(p));
// mark visited objects in a graph walk
const a = { id: "a" }, b = { id: "b" }, c = { id: "c" };
a.next = [b, c]; b.next = [a]; c.next = [c];
const visited = new WeakSet();
const order = [];
(function walk(n) { if (visited.has(n)) return; visited.add(n); order.push(n.id); n.next.forEach(walk); })(a);
console.log(order);
// symbols as WeakMap keys: non-registered symbols allowed in newer engines; test registered ones throw
try { new WeakMap().set(Symbol.for("reg"), 1); console.log("registered symbol accepted"); } catch (e) { console.log("registered symbol:", e.name); }
