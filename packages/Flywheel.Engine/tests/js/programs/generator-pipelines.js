// Lazy data pipelines built from generators: map/filter/take/chunk/zip/window, composed with a
// fluent wrapper; a prime sieve, run-length encoding and a word-frequency report.
const lazy = {
  *range(start = 0, end = Infinity, step = 1) { for (let i = start; i < end; i += step) yield i; },
  *map(src, f) { let i = 0; for (const x of src) yield f(x, i++); },
  *filter(src, p) { for (const x of src) if (p(x)) yield x; },
  *take(src, n) { if (n <= 0) return; for (const x of src) { yield x; if (--n <= 0) return; } },
  *takeWhile(src, p) { for (const x of src) { if (!p(x)) return; yield x; } },
  *drop(src, n) { for (const x of src) { if (n > 0) { n--; continue; } yield x; } },
  *chunk(src, size) { let buf = []; for (const x of src) { buf.push(x); if (buf.length === size) { yield buf; buf = []; } } if (buf.length) yield buf; },
  *window(src, size) { const buf = []; for (const x of src) { buf.push(x); if (buf.length > size) buf.shift(); if (buf.length === size) yield buf.slice(); } },
  *zip(...srcs) { const its = srcs.map(s => s[Symbol.iterator]()); for (;;) { const rs = its.map(it => it.next()); if (rs.some(r => r.done)) { its.forEach(it => it.return?.()); return; } yield rs.map(r => r.value); } },
  *flatMap(src, f) { for (const x of src) yield* f(x); },
  *scan(src, f, acc) { for (const x of src) yield (acc = f(acc, x)); },
};
class Seq {
  constructor(iterable) { this.iterable = iterable; }
  static of(it) { return new Seq(it); }
  [Symbol.iterator]() { return this.iterable[Symbol.iterator](); }
  toArray() { return [...this]; }
  reduce(f, init) { let acc = init; for (const x of this) acc = f(acc, x); return acc; }
}
for (const name of Object.keys(lazy)) {
  if (name === "range" || name === "zip") continue;
  Seq.prototype[name] = function (...args) { return new Seq(lazy[name](this.iterable, ...args)); };
}
const naturals = () => Seq.of(lazy.range(1));
console.log(naturals().map(x => x * x).filter(x => x % 3 === 1).take(8).toArray());
console.log(naturals().takeWhile(x => x < 20).chunk(6).toArray());
console.log(Seq.of("abcdefg").window(3).map(w => w.join("")).toArray());
console.log([...lazy.zip("abc", lazy.range(10), [true, false, true, false])]);
console.log(naturals().scan((a, b) => a + b, 0).drop(5).take(5).toArray());
// laziness: count how many elements are pulled
let pulled = 0;
const counted = Seq.of({ *[Symbol.iterator]() { for (let i = 0; ; i++) { pulled++; yield i; } } });
console.log(counted.filter(x => x % 10 === 0).take(3).toArray(), "pulled", pulled);
// incremental prime sieve with a generator and a Map of composites
function* primes() {
  const composites = new Map();
  for (let n = 2; ; n++) {
    const factors = composites.get(n);
    if (!factors) { yield n; composites.set(n * n, [n]); continue; }
    for (const p of factors) { const next = n + p; if (composites.has(next)) composites.get(next).push(p); else composites.set(next, [p]); }
    composites.delete(n);
  }
}
console.log(Seq.of(primes()).take(25).toArray().join(" "));
console.log("10001st prime:", Seq.of(primes()).drop(10000).take(1).toArray()[0]);
// run-length encoding with generators
function* rle(s) { let prev = null, n = 0; for (const c of s) { if (c === prev) n++; else { if (prev !== null) yield [prev, n]; prev = c; n = 1; } } if (prev !== null) yield [prev, n]; }
function* unrle(pairs) { for (const [c, n] of pairs) yield* c.repeat(n); }
const text = "aaabccddddde😀😀f";
const enc = [...rle(text)];
console.log(enc.map(([c, n]) => (n > 1 ? n + c : c)).join(""), [...unrle(enc)].join("") === text);
// word frequencies through a pipeline
const doc = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity`;
const counts = Seq.of(doc.split(/\n/)).flatMap(line => line.toLowerCase().match(/[a-z]+/g)).reduce((m, w) => m.set(w, (m.get(w) || 0) + 1), new Map());
console.log([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([w, n]) => `${w}=${n}`).join(" "));
// early termination closes the sources (finally blocks run)
const closed = [];
function* source(name) { try { yield* [1, 2, 3]; } finally { closed.push(name); } }
console.log([...lazy.take(lazy.map(source("mapped"), x => x * 2), 2)], [...lazy.zip(source("z1"), source("z2"), [0])], closed);
