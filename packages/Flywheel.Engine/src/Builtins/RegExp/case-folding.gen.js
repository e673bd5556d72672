// Generates case-folding.txt (run with node: `node case-folding.gen.js > case-folding.txt`): the classes of
// characters that ECMAScript's /i matching treats as equal, one class per line, representative first:
//   "i <rep> <member>…"  without /u: Canonicalize is toUpperCase when that is one code unit and does not map
//                        a non-ASCII character to ASCII (code units 0–FFFF);
//   "u <rep> <member>…"  with /u: simple case folding, CaseFolding.txt statuses C and S (all code points).
// Characters in no class are alone in theirs. node is the reference for JavaScript semantics here, so the
// classes are read off node's own regular expressions: every BMP character's class is found by matching it
// against a string of all BMP characters (so nothing is assumed about which characters could be related),
// and the astral classes by checking, pairwise with node's /iu, candidates related through toUpperCase and
// toLowerCase. The non-/u classes are also recomputed from the specification's Canonicalize (with node's
// toUpperCase) and must agree. Takes about a minute.
"use strict";
const hex = n => n.toString(16);
const esc = cp => `\\u{${hex(cp)}}`;
const isSurrogate = cp => cp >= 0xd800 && cp <= 0xdfff;

// Every class of BMP characters under `flags` ("i" or "iu"), read off node's matching.
function bmpClasses(flags) {
  const units = [];
  for (let c = 0; c < 0x10000; c++) if (!(flags.includes("u") && isSurrogate(c))) units.push(c);
  const all = String.fromCharCode(...units);
  const classOf = new Map();
  for (const c of units) {
    const re = new RegExp(flags.includes("u") ? esc(c) : `\\u${hex(c).padStart(4, "0")}`, flags + "g");
    const members = [...all.matchAll(re)].map(m => all.charCodeAt(m.index));
    if (!members.includes(c)) throw new Error(`${hex(c)} does not match itself under /${flags}`);
    classOf.set(c, members);
  }
  // Matching must be an equivalence: every member of a class has that same class.
  for (const [c, members] of classOf)
    for (const m of members)
      if (classOf.get(m).join() !== members.join()) throw new Error(`/${flags}: ${hex(c)} ~ ${hex(m)} but their classes differ`);
  return dedupe([...classOf.values()]);
}

function dedupe(classes) {
  const seen = new Set(), out = [];
  for (const members of classes) {
    if (members.length < 2) continue;
    const key = members.join();
    if (!seen.has(key)) { seen.add(key); out.push(members); }
  }
  return out;
}

// The specification's Canonicalize without /u, for the cross-check.
function canonicalizeNonUnicode(c) {
  const u = String.fromCharCode(c).toUpperCase();
  if (u.length !== 1) return c;
  const cu = u.charCodeAt(0);
  return c >= 128 && cu < 128 ? c : cu;
}

function checkNonUnicodeAgainstSpec(classes) {
  const bySpec = new Map();
  for (let c = 0; c < 0x10000; c++) {
    const k = canonicalizeNonUnicode(c);
    if (!bySpec.has(k)) bySpec.set(k, []);
    bySpec.get(k).push(c);
  }
  const spec = dedupe([...bySpec.values()]).map(m => m.join()).sort();
  const seen = classes.map(m => m.join()).sort();
  if (spec.join("|") !== seen.join("|")) throw new Error("node's /i classes differ from the specification's Canonicalize");
}

// Astral classes under /iu: candidates are code points related by single-code-point toUpperCase or
// toLowerCase, or sharing a (possibly longer) upper- or lower-case string; node's /iu then splits them.
function astralClasses(bmp) {
  const parent = new Map();
  const find = x => { while (parent.has(x) && parent.get(x) !== x) x = parent.get(x); return x; };
  const union = (a, b) => {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const byString = new Map();
  const link = (cp, s) => {
    const cps = [...s];
    if (cps.length === 1) union(cp, cps[0].codePointAt(0));
    const key = "=" + s;
    if (byString.has(key)) union(cp, byString.get(key)); else byString.set(key, cp);
  };
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (isSurrogate(cp)) continue;
    const s = String.fromCodePoint(cp), up = s.toUpperCase(), low = s.toLowerCase();
    if (up !== s) link(cp, up);
    if (low !== s) link(cp, low);
  }
  const components = new Map();
  for (const cp of parent.keys()) {
    const r = find(cp);
    if (!components.has(r)) components.set(r, new Set());
    components.get(r).add(cp);
  }
  const out = [];
  const bmpClassOf = new Map();
  for (const members of bmp) for (const m of members) bmpClassOf.set(m, members);
  for (const set of components.values()) {
    const members = [...set].sort((a, b) => a - b);
    if (members.every(m => m < 0x10000)) {
      // Cross-check: the full BMP scan found no equivalence the candidates miss.
      for (const m of members) for (const o of bmpClassOf.get(m) ?? []) if (!set.has(o)) throw new Error(`candidates miss ${hex(m)} ~ ${hex(o)}`);
      continue;
    }
    const classes = [];
    for (const m of members) {
      const re = new RegExp(`^${esc(m)}$`, "iu");
      const cls = members.filter(o => re.test(String.fromCodePoint(o)));
      if (!classes.some(c => c.join() === cls.join())) classes.push(cls);
    }
    for (const cls of classes) {
      if (cls.some(m => m < 0x10000)) throw new Error(`a class mixes BMP and astral code points: ${cls.map(hex)}`);
      for (const m of cls) for (const o of cls) if (!new RegExp(`^${esc(o)}$`, "iu").test(String.fromCodePoint(m))) throw new Error(`not symmetric: ${hex(m)} ${hex(o)}`);
      if (cls.length > 1) out.push(cls);
    }
  }
  return out;
}

// The representative is the member the engine rewrites every member to; a lower-case one leaves most text unchanged.
function withRepresentative(members) {
  const guess = [...String.fromCodePoint(members[0]).toUpperCase().toLowerCase()];
  let rep = guess.length === 1 && members.includes(guess[0].codePointAt(0)) ? guess[0].codePointAt(0) : -1;
  if (rep < 0) rep = members.find(m => String.fromCodePoint(m).toLowerCase() === String.fromCodePoint(m)) ?? members[0];
  return [rep, ...members.filter(m => m !== rep)];
}

const nonUnicode = bmpClasses("i");
checkNonUnicodeAgainstSpec(nonUnicode);
const unicodeBmp = bmpClasses("iu");
const unicode = [...unicodeBmp, ...astralClasses(unicodeBmp)];
const lines = [
  `# Generated by case-folding.gen.js with node ${process.version} (Unicode ${process.versions.unicode}); do not edit.`,
  "# Classes of characters equal under RegExp /i (i: without /u, u: with /u or /v), representative first, hex.",
];
for (const [tag, classes] of [["i", nonUnicode], ["u", unicode]])
  for (const members of classes.sort((a, b) => a[0] - b[0])) lines.push(`${tag} ${withRepresentative(members).map(hex).join(" ")}`);
console.log(lines.join("\n"));
