// strings: text processing without regular expressions — generates a document from a seeded
// word list, then splits, counts, case-converts, pads, builds with concatenation and join,
// searches with indexOf, and wraps text to a column width. Size: number of words.
// quick: 2000
// default: 400000
"use strict";
const total = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 400000;

const vocab = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and", "runs", "far", "away", "from", "hungry", "wolves", "in", "a", "dark", "forest", "night"];
let seed = 7;
const next = () => (seed = (Math.imul(seed, 48271) + 11) & 0x7fffffff);
let doc = "";
const truth = new Array(vocab.length).fill(0);
for (let i = 0; i < total; i++) {
  const w = next() % vocab.length;
  truth[w]++;
  doc += (i % 12 === 0 ? vocab[w][0].toUpperCase() + vocab[w].slice(1) : vocab[w]) + (i % 12 === 11 ? ". " : " ");
}
// count words by splitting
const words = doc.split(" ");
const counts = Object.create(null);
let nonEmpty = 0;
for (const raw of words) {
  if (raw.length === 0) continue;
  nonEmpty++;
  let w = raw.toLowerCase();
  if (w.endsWith(".")) w = w.slice(0, -1);
  counts[w] = (counts[w] || 0) + 1;
}
if (nonEmpty !== total) throw new Error(`split found ${nonEmpty} words, expected ${total}`);
for (let i = 0; i < vocab.length; i++) if ((counts[vocab[i]] || 0) !== truth[i]) throw new Error(`count of ${vocab[i]}`);
// count occurrences of a word with indexOf
let foxes = 0;
for (let at = doc.indexOf("fox"); at !== -1; at = doc.indexOf("fox", at + 1)) foxes++;
if (foxes !== truth[vocab.indexOf("fox")]) throw new Error(`indexOf found ${foxes} foxes`);
// word-wrap to 60 columns
const lines = [];
let line = "";
for (const w of words) {
  if (!w) continue;
  if (line.length + 1 + w.length > 60) { lines.push(line); line = w; } else line = line ? line + " " + w : w;
}
if (line) lines.push(line);
let wrappedChars = 0;
for (const l of lines) { if (l.length > 60) throw new Error("line too long"); wrappedChars += l.length; }
// report table with padding
const report = [];
for (const w of Object.keys(counts).sort()) report.push(w.padEnd(8, ".") + String(counts[w]).padStart(8, " "));
const table = report.join("\n");
// character frequency with charCodeAt
const freq = new Int32Array(128);
for (let i = 0; i < doc.length; i++) { const c = doc.charCodeAt(i); if (c < 128) freq[c]++; }
let hash = 0;
for (let c = 0; c < 128; c++) hash = (Math.imul(hash, 31) + freq[c]) | 0;
// reverse every sentence word order and rebuild
const sentences = doc.split(". ");
let rebuilt = "";
for (const s of sentences) rebuilt += s.split(" ").reverse().join(" ") + "|";
if (rebuilt.length !== doc.length - sentences.length + 1 + sentences.length) {
  // each ". " separator (2 chars) became "|" (1 char), plus one trailing "|"
  if (rebuilt.length !== doc.length - (sentences.length - 1) + 1) throw new Error(`rebuilt length ${rebuilt.length}`);
}
console.log(`strings: ok ${doc.length} ${lines.length} ${wrappedChars} ${table.length} ${hash >>> 0}`);
