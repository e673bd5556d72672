// Map and Set ordering and key semantics: SameValueZero keys (-0 and +0, NaN), insertion order
// kept across deletions and re-insertions, and iterators that stay valid while entries are
// deleted, re-added and cleared under them (including many deletions, which compact storage).
"use strict";

const m = new Map();
m.set(-0, "zero").set(NaN, "nan").set(0 / 0, "nan again").set("1", "string one").set(1, "number one").set(1.0, "still one");
console.log([...m], Object.is([...m.keys()][0], 0), m.get(+0), m.get(-0), m.get(Number("x")), m.size);
const s = new Set([0, -0, NaN, NaN, "0", 0.5, 1 / 2, 2 ** 31, 2 ** 31 + 0.0]);
console.log([...s], s.has(-0), s.has(2147483648));

// Re-insertion: delete then set moves a key to the end; set of an existing key does not.
const order = new Map([["a", 1], ["b", 2], ["c", 3]]);
order.set("a", 10);
console.log([...order.keys()].join(""));
order.delete("a");
order.set("a", 11);
console.log([...order].join(";"));

// Deleting entries ahead of and behind a running iterator.
const big = new Map();
for (let i = 0; i < 100; i++) big.set(i, i * i);
const seen = [];
for (const [k] of big) {
  seen.push(k);
  if (k % 10 === 0) for (let j = k + 1; j < k + 5; j++) big.delete(j);
  if (k === 50) for (let j = 0; j < 50; j++) big.delete(j);
}
console.log(seen.length, seen.slice(0, 12).join(","), big.size);

// Many deletions while an iterator is paused (storage is compacted meanwhile), then resume.
const set = new Set();
for (let i = 0; i < 1000; i++) set.add("k" + i);
const it = set.values();
console.log(it.next().value, it.next().value);
for (let i = 0; i < 990; i++) set.delete("k" + i);
set.add("late");
console.log([...it].join(","), set.size);

// Entries added during iteration are visited; an exhausted iterator stays exhausted.
const grow = new Set([1]);
let visits = 0;
for (const v of grow) { visits++; if (v < 20) grow.add(v + 1); }
console.log(visits, grow.size);
const done = grow.values();
while (!done.next().done);
grow.add(99);
console.log(done.next().done);

// clear() during iteration: the iterator continues with entries added afterwards.
const cm = new Map([[1, "a"], [2, "b"], [3, "c"]]);
const cit = cm.entries();
console.log(cit.next().value);
cm.clear();
cm.set(4, "d").set(5, "e");
console.log([...cit].join(" "), cm.size);

// forEach sees deletions and additions made by its own callback.
const fe = new Map([["x", 1], ["y", 2], ["z", 3]]);
const log = [];
fe.forEach((v, k, map) => { log.push(k + v); if (k === "x") { map.delete("y"); map.set("w", 4); } });
console.log(log.join(" "));

// An LRU cache through insertion order with heavy churn.
const lru = new Map();
let hits = 0, seed = 1;
for (let i = 0; i < 5000; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  const key = "q" + (seed % 24);
  if (lru.has(key)) { const v = lru.get(key); lru.delete(key); lru.set(key, v); hits++; }
  else { lru.set(key, i); if (lru.size > 16) lru.delete(lru.keys().next().value); }
}
console.log(hits, lru.size, [...lru.keys()].slice(0, 5).join(","));

// Object, symbol and string keys from different sources compare as expected.
const o1 = {}, o2 = {}, sym = Symbol("s");
const mixed = new Map([[o1, 1], [o2, 2], [sym, 3], ["ab" + "cdefghijklmnop", 4]]);
console.log(mixed.get(o1), mixed.get(o2), mixed.get(sym), mixed.get("abcdefghijklmnop"), mixed.get({}), mixed.size);
mixed.delete(o1);
console.log(mixed.has(o1), mixed.size, [...mixed.values()].join(","));

// A Map/Set iterator's next refuses other iterators (same class, different layout).
for (const other of [[1].values(), "ab"[Symbol.iterator](), new Set([1]).values()]) {
  try { console.log(new Map([[1, 2]]).keys().next.call(other).value); } catch (e) { console.log(e.name); }
}
