// collections: Map- and Set-heavy work — a word co-occurrence graph in nested Maps, set
// algebra, LRU caching through Map insertion order, object and string keys, deletions and
// re-insertions, breadth-first search over the graph. Size: number of operations.
// quick: 2000
// default: 200000
"use strict";
const ops = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 200000;

let seed = 12345;
const rnd = m => (seed = (Math.imul(seed ^ (seed >>> 13), 0x5bd1e995) + 0x7f4a7c15) >>> 0) % m;

// 1. integer-keyed Map and Set with deletions, checked against a Uint8Array bitmap
const keySpace = 1 + (ops >> 1);
const present = new Uint8Array(keySpace);
const map = new Map(), set = new Set();
let expectedSize = 0;
for (let i = 0; i < ops; i++) {
  const k = rnd(keySpace);
  if (rnd(4) === 0) {
    if (present[k]) { present[k] = 0; expectedSize--; }
    map.delete(k); set.delete(k);
  } else {
    if (!present[k]) { present[k] = 1; expectedSize++; }
    map.set(k, (map.get(k) || 0) + 1); set.add(k);
  }
}
if (map.size !== expectedSize || set.size !== expectedSize) throw new Error(`sizes ${map.size} ${set.size} vs ${expectedSize}`);
for (const k of set) if (!present[k] || !map.has(k)) throw new Error(`stray key ${k}`);

// 2. string keys: co-occurrence graph of neighbouring words
const vocab = Array.from({ length: 400 }, (_, i) => "w" + i.toString(36) + (i % 7 === 0 ? "_x" : ""));
const graph = new Map();
let prev = vocab[0], edges = 0;
for (let i = 0; i < ops; i++) {
  const w = vocab[Math.min(rnd(400), rnd(400))];
  let adj = graph.get(prev);
  if (adj === undefined) graph.set(prev, (adj = new Map()));
  if (!adj.has(w)) edges++;
  adj.set(w, (adj.get(w) || 0) + 1);
  prev = w;
}
let edgeCount = 0, weight = 0;
for (const adj of graph.values()) { edgeCount += adj.size; for (const c of adj.values()) weight += c; }
if (edgeCount !== edges || weight !== ops) throw new Error("graph accounting");
// breadth-first search distances from the first word
const dist = new Map([[vocab[0], 0]]);
const queue = [vocab[0]];
for (let qi = 0; qi < queue.length; qi++) {
  const w = queue[qi], adj = graph.get(w);
  if (!adj) continue;
  for (const v of adj.keys()) if (!dist.has(v)) { dist.set(v, dist.get(w) + 1); queue.push(v); }
}
let distSum = 0;
for (const d of dist.values()) distSum += d;

// 3. set algebra over object identities
class Item { constructor(id) { this.id = id; } }
const items = Array.from({ length: 2000 }, (_, i) => new Item(i));
const a = new Set(), b = new Set();
for (let i = 0; i < ops >> 2; i++) { a.add(items[rnd(2000)]); b.add(items[rnd(1500) + 500]); }
const union = new Set([...a, ...b]);
const inter = new Set([...a].filter(x => b.has(x)));
const diff = new Set([...a].filter(x => !b.has(x)));
if (union.size !== a.size + b.size - inter.size || diff.size + inter.size !== a.size) throw new Error("set algebra");

// 4. an LRU cache using Map insertion order
class LRU {
  constructor(cap) { this.cap = cap; this.map = new Map(); this.hits = 0; this.misses = 0; }
  get(k, compute) {
    if (this.map.has(k)) { const v = this.map.get(k); this.map.delete(k); this.map.set(k, v); this.hits++; return v; }
    this.misses++;
    const v = compute(k);
    this.map.set(k, v);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value);
    return v;
  }
}
const lru = new LRU(64);
let lruSum = 0;
for (let i = 0; i < ops; i++) { const k = "k" + Math.min(rnd(200), rnd(200)); lruSum = (lruSum + lru.get(k, s => s.length * 7)) | 0; }
if (lru.hits + lru.misses !== ops || lru.map.size > 64) throw new Error("lru");

// 5. WeakMap side table over live objects
const meta = new WeakMap();
for (const it of items) meta.set(it, it.id * 3);
let metaSum = 0;
for (const it of items) metaSum += meta.get(it);
if (metaSum !== 3 * 1999 * 2000 / 2) throw new Error("weakmap");
console.log(`collections: ok ${map.size} ${edgeCount} ${dist.size} ${distSum} ${union.size} ${inter.size} ${lru.hits} ${lruSum}`);
