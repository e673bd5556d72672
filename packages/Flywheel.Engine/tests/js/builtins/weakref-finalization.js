// WeakRef and FinalizationRegistry: API shape, argument checks and messages, and weak collections
// whose keys stay reachable through churn (collection itself is tested in WeakCollectionTests.cs:
// when node collects is not deterministic, so nothing here depends on it).
const tries = [
  () => new WeakRef(1), () => WeakRef({}), () => new WeakRef(Symbol.for("x")), () => new WeakRef(Symbol("y")).deref().toString(),
  () => new FinalizationRegistry(1), () => FinalizationRegistry(() => {}), () => new FinalizationRegistry(() => {}).register(1, 2),
  () => { const o = {}; new FinalizationRegistry(() => {}).register(o, o); },
  () => new FinalizationRegistry(() => {}).register(keep1, 1, 5),
  () => new FinalizationRegistry(() => {}).unregister(5), () => new FinalizationRegistry(() => {}).unregister({}),
  () => { const r = new FinalizationRegistry(() => {}); const t = {}; r.register(keep1, 1, t); r.register(keep2, 2, t); return r.unregister(t) + " " + r.unregister(t); },
  () => new FinalizationRegistry(() => {}).register(keep1, 1),
  () => new WeakMap().set(1, 2), () => new WeakSet().add("x"), () => new WeakMap().set(Symbol.for("a"), 1),
  () => new WeakMap().get(1), () => new WeakMap().has(1), () => new WeakMap().delete(1),
  () => WeakRef.prototype.deref.call({}), () => FinalizationRegistry.prototype.register.call({}, {}, 1),
  () => FinalizationRegistry.prototype.unregister.call(new WeakRef({}), {}),
  () => Object.prototype.toString.call(new WeakRef({})) + Object.prototype.toString.call(new FinalizationRegistry(() => {})),
  () => Object.getOwnPropertyNames(WeakRef.prototype).join() + "|" + Object.getOwnPropertyNames(FinalizationRegistry.prototype).join(),
  () => WeakRef.length + " " + FinalizationRegistry.length + " " + FinalizationRegistry.prototype.register.length + " " + FinalizationRegistry.prototype.unregister.length,
  () => new WeakMap([[1, 2]]), () => new WeakRef({}) instanceof WeakRef,
  () => new FinalizationRegistry(() => {}).register(keep1, 1, undefined), () => new FinalizationRegistry(() => {}).register(keep1, 1, Symbol.for("q")),
  () => typeof new FinalizationRegistry(() => {}).cleanupSome,
  () => { class MyRef extends WeakRef { get twice() { return [this.deref(), this.deref()]; } } const r = new MyRef(keep1); return r.twice[1] === keep1 && r instanceof MyRef; },
];
const keep1 = { k: 1 }, keep2 = { k: 2 };
for (const t of tries) {
  try { console.log(String(t())); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
console.log(new WeakRef({ a: 1 }));
console.log(new FinalizationRegistry(() => {}));

// A WeakRef to a reachable target keeps answering it through garbage churn.
const target = { name: "target" };
const ref = new WeakRef(target);
const sym = Symbol("weak key");
const refSym = new WeakRef(sym);
let junk = [];
for (let i = 0; i < 20000; i++) { junk.push({ i, s: "j" + i }); if (junk.length > 500) junk = []; }
console.log(ref.deref() === target, ref.deref().name, refSym.deref() === sym);

// Chains of weak maps with every key reachable survive churn intact.
const keys = [], maps = [];
for (let i = 0; i < 50; i++) { keys.push({ i }); maps.push(new WeakMap()); }
for (let i = 49; i >= 0; i--) maps[i].set(keys[i], { next: keys[i + 1], map: maps[i + 1], label: "link" + i });
for (let i = 0; i < 20000; i++) { junk.push({ i, s: "k" + i }); if (junk.length > 500) junk = []; }
let k = keys[0], m = maps[0], walked = [];
while (m && m.has(k)) { const v = m.get(k); walked.push(v.label); k = v.next; m = v.map; }
console.log(walked.length, walked[0], walked[49]);

// Symbols as weak keys, mixed with objects.
const wm = new WeakMap(), ws = new WeakSet();
const s1 = Symbol("s1"), o1 = {};
wm.set(s1, "sym").set(o1, "obj"); ws.add(s1).add(o1);
console.log(wm.get(s1), wm.get(o1), ws.has(s1), ws.has(Symbol("s1")), wm.delete(s1), wm.has(s1), ws.delete(o1), ws.has(o1));

// A registry whose targets stay alive never calls back; unregister removes cells.
const calls = [];
const reg = new FinalizationRegistry(h => calls.push(h));
const token = {};
reg.register(keep1, "one", token);
reg.register(keep2, "two");
console.log(reg.unregister(token), reg.unregister(token), reg.unregister(keep2));
setTimeout(() => console.log("calls after a tick:", calls.length), 0);
