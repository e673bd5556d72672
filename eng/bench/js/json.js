// json: builds a catalogue of nested records, serializes it with JSON.stringify (plain, indented,
// with a replacer), parses it back (with a reviver), and verifies the round trip and statistics.
// Size: number of records.
// quick: 50
// default: 12000
"use strict";
const count = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 12000;

let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "ünïcödé", "quote\"d", "new\nline"];
function record(i) {
  const tags = [];
  for (let t = 0; t < 1 + (i % 4); t++) tags.push(words[Math.floor(rand() * words.length)]);
  return {
    id: i,
    name: `item-${i}`,
    price: Math.round(rand() * 100000) / 100,
    ratio: rand(),
    inStock: rand() > 0.3,
    tags,
    dims: { w: Math.floor(rand() * 100), h: Math.floor(rand() * 100), d: i % 7 === 0 ? null : Math.floor(rand() * 100) },
    history: i % 5 === 0 ? [] : [{ at: 1600000000000 + i * 1000, qty: i % 13 }, { at: 1600000500000 + i, qty: -(i % 3) }],
  };
}
const catalogue = { version: 3, generated: "2024-01-01T00:00:00.000Z", records: [] };
for (let i = 0; i < count; i++) catalogue.records.push(record(i));

const compact = JSON.stringify(catalogue);
const pretty = JSON.stringify(catalogue, null, 2);
const filtered = JSON.stringify(catalogue, (k, v) => (k === "history" || k === "ratio" ? undefined : v));
const back = JSON.parse(compact);
const backPretty = JSON.parse(pretty);
let revived = 0;
const withReviver = JSON.parse(filtered, (k, v) => { if (k === "price") { revived++; return Math.round(v * 100); } return v; });

if (JSON.stringify(back) !== compact || JSON.stringify(backPretty) !== compact) throw new Error("round trip differs");
if (back.records.length !== count || withReviver.records.length !== count || revived !== count) throw new Error("record count");
let cents = 0, tagCount = 0, nulls = 0;
for (let i = 0; i < count; i++) {
  const r = back.records[i], f = withReviver.records[i];
  if (r.id !== i || r.name !== "item-" + i || r.tags.length !== 1 + (i % 4)) throw new Error(`record ${i} mangled`);
  if (f.price !== Math.round(r.price * 100) || "history" in f || "ratio" in f) throw new Error(`filtered record ${i}`);
  cents += f.price;
  tagCount += r.tags.length;
  if (r.dims.d === null) nulls++;
}
if (nulls !== Math.ceil(count / 7)) throw new Error(`nulls ${nulls}`);
console.log(`json: ok ${compact.length} ${pretty.length} ${filtered.length} ${cents} ${tagCount}`);
