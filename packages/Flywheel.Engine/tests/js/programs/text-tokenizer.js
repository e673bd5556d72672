// A tokenizer for a small C-like language built on sticky regular expressions, followed by a
// Pratt parser for expressions and an evaluator; reports line:column for errors.
const rules = [
  ["ws", /[ \t]+/y],
  ["newline", /\r?\n/y],
  ["comment", /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
  ["number", /(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y],
  ["string", /"(?:[^"\\\n]|\\.)*"/y],
  ["ident", /[A-Za-z_][A-Za-z0-9_]*/y],
  ["op", /==|!=|<=|>=|&&|\|\||[-+*\/%<>=!(){};,?:]/y],
];
const KEYWORDS = new Set(["let", "print", "if", "else", "while"]);
function* tokenize(src) {
  let pos = 0, line = 1, col = 1;
  outer: while (pos < src.length) {
    for (const [type, re] of rules) {
      re.lastIndex = pos;
      const m = re.exec(src);
      if (!m) continue;
      const text = m[0];
      if (type === "newline") { line++; col = 1; }
      else if (type !== "ws" && type !== "comment") {
        yield { type: type === "ident" && KEYWORDS.has(text) ? "keyword" : type, text, line, col };
      }
      if (type === "comment") { const nl = text.split("\n"); if (nl.length > 1) { line += nl.length - 1; col = nl[nl.length - 1].length + 1; pos += text.length; continue outer; } }
      if (type !== "newline") col += text.length;
      pos += text.length;
      continue outer;
    }
    throw new SyntaxError(`unexpected character ${JSON.stringify(src[pos])} at ${line}:${col}`);
  }
  yield { type: "eof", text: "", line, col };
}
const BINARY = { "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6 };
function parseProgram(src) {
  const toks = [...tokenize(src)];
  let i = 0;
  const peek = () => toks[i], next = () => toks[i++];
  const expect = text => { const t = next(); if (t.text !== text) throw new SyntaxError(`expected '${text}' but got '${t.text || t.type}' at ${t.line}:${t.col}`); return t; };
  function primary() {
    const t = next();
    if (t.type === "number") return { k: "num", v: Number(t.text) };
    if (t.type === "string") return { k: "str", v: JSON.parse(t.text) };
    if (t.type === "ident") return { k: "var", name: t.text, at: `${t.line}:${t.col}` };
    if (t.text === "(") { const e = expr(0); expect(")"); return e; }
    if (t.text === "-" || t.text === "!") return { k: "unary", op: t.text, e: expr(7) };
    throw new SyntaxError(`unexpected '${t.text || t.type}' at ${t.line}:${t.col}`);
  }
  function expr(minPrec) {
    let left = primary();
    for (;;) {
      const t = peek();
      if (t.text === "?" && minPrec === 0) { next(); const a = expr(0); expect(":"); const b = expr(0); left = { k: "cond", c: left, a, b }; continue; }
      const p = BINARY[t.text];
      if (!p || p <= minPrec) return left;
      next();
      left = { k: "bin", op: t.text, l: left, r: expr(p) };
    }
  }
  function statement() {
    const t = peek();
    if (t.text === "let") { next(); const name = next().text; expect("="); const e = expr(0); expect(";"); return { k: "let", name, e }; }
    if (t.text === "print") { next(); const args = [expr(0)]; while (peek().text === ",") { next(); args.push(expr(0)); } expect(";"); return { k: "print", args }; }
    if (t.text === "if") { next(); expect("("); const c = expr(0); expect(")"); const a = block(); let b = null; if (peek().text === "else") { next(); b = peek().text === "if" ? [statement()] : block(); } return { k: "if", c, a, b }; }
    if (t.text === "while") { next(); expect("("); const c = expr(0); expect(")"); return { k: "while", c, body: block() }; }
    if (t.type === "ident") { const name = next().text; expect("="); const e = expr(0); expect(";"); return { k: "assign", name, e }; }
    throw new SyntaxError(`unexpected '${t.text || t.type}' at ${t.line}:${t.col}`);
  }
  function block() { expect("{"); const body = []; while (peek().text !== "}") body.push(statement()); expect("}"); return body; }
  const body = [];
  while (peek().type !== "eof") body.push(statement());
  return body;
}
function execute(program) {
  const vars = new Map(), out = [];
  const ev = e => {
    switch (e.k) {
      case "num": case "str": return e.v;
      case "var": if (!vars.has(e.name)) throw new ReferenceError(`${e.name} is not defined at ${e.at}`); return vars.get(e.name);
      case "unary": return e.op === "-" ? -ev(e.e) : !ev(e.e);
      case "cond": return ev(e.c) ? ev(e.a) : ev(e.b);
      case "bin": {
        if (e.op === "&&") return ev(e.l) && ev(e.r);
        if (e.op === "||") return ev(e.l) || ev(e.r);
        const a = ev(e.l), b = ev(e.r);
        switch (e.op) { case "+": return a + b; case "-": return a - b; case "*": return a * b; case "/": return a / b; case "%": return a % b; case "==": return a === b; case "!=": return a !== b; case "<": return a < b; case ">": return a > b; case "<=": return a <= b; case ">=": return a >= b; }
      }
    }
  };
  const run = stmts => {
    for (const s of stmts) {
      if (s.k === "let" || s.k === "assign") vars.set(s.name, ev(s.e));
      else if (s.k === "print") out.push(s.args.map(ev).join(" "));
      else if (s.k === "if") { if (ev(s.c)) run(s.a); else if (s.b) run(s.b); }
      else if (s.k === "while") { let guard = 0; while (ev(s.c)) { run(s.body); if (++guard > 10000) throw new RangeError("loop limit"); } }
    }
  };
  run(program);
  return out;
}
const sources = [
  `let x = 0x10 + 2 * 3; // comment
print x, x % 5, -x + 1;
let s = "str\\"ing"; print s + "!";`,
  `let n = 10; let a = 0; let b = 1;
/* fibonacci
   loop */
while (n > 0) { let t = a + b; a = b; b = t; n = n - 1; }
print "fib", a;`,
  `let i = 1;
while (i <= 15) {
  if (i % 15 == 0) { print "FizzBuzz"; } else if (i % 3 == 0) { print "Fizz"; } else if (i % 5 == 0) { print "Buzz"; } else { print i; }
  i = i + 1;
}`,
  `let p = 1 < 2 && 2 < 3 || 0; print p, !p, 1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 > 1 ? "yes" : "no", 1.5e3;`,
  `let x = 1;\nprint y;`,
  `let x = 1 $ 2;`,
  `let = 5;`,
  `print (1 + 2;`,
];
for (const src of sources) {
  try {
    const tokens = [...tokenize(src)];
    console.log("tokens:", tokens.length, tokens.slice(0, 6).map(t => `${t.type}:${t.text}@${t.line}:${t.col}`).join(" "));
    console.log(execute(parseProgram(src)).join(" | "));
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
// token frequency of all sources
const freq = new Map();
for (const src of sources.slice(0, 4)) for (const t of tokenize(src)) freq.set(t.type, (freq.get(t.type) || 0) + 1);
console.log([...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
