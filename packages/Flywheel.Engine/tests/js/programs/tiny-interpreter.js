// A tiny interpreter for a Lisp-like language: tokenizer, reader, environments, closures,
// tail-recursive loops via trampolining, and error reporting.
function tokenize(src) {
  const tokens = [];
  const re = /\s*(?:(;[^\n]*)|([()'])|("(?:[^"\\]|\\.)*")|([^\s()']+))/gy;
  let m;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1]) continue;
    if (m[2]) tokens.push(m[2]);
    else if (m[3]) tokens.push({ str: JSON.parse(m[3]) });
    else if (m[4]) tokens.push(m[4]);
  }
  return tokens;
}
class Sym { constructor(name) { this.name = name; } toString() { return this.name; } }
const symtab = new Map();
const sym = name => { if (!symtab.has(name)) symtab.set(name, new Sym(name)); return symtab.get(name); };
function read(tokens) {
  if (tokens.length === 0) throw new SyntaxError("unexpected EOF");
  const t = tokens.shift();
  if (t === "(") {
    const list = [];
    while (tokens[0] !== ")") { if (tokens.length === 0) throw new SyntaxError("missing )"); list.push(read(tokens)); }
    tokens.shift();
    return list;
  }
  if (t === ")") throw new SyntaxError("unexpected )");
  if (t === "'") return [sym("quote"), read(tokens)];
  if (typeof t === "object") return t.str;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === "#t") return true;
  if (t === "#f") return false;
  return sym(t);
}
class Env {
  constructor(vars, outer) { this.vars = vars; this.outer = outer; }
  find(name) {
    for (let e = this; e; e = e.outer) if (e.vars.has(name)) return e;
    throw new ReferenceError("unbound: " + name);
  }
  get(name) { return this.find(name).vars.get(name); }
}
class Lambda { constructor(params, body, env) { this.params = params; this.body = body; this.env = env; } }
function show(v) {
  if (Array.isArray(v)) return "(" + v.map(show).join(" ") + ")";
  if (v instanceof Lambda) return "#<lambda>";
  if (typeof v === "function") return "#<builtin>";
  if (v === true) return "#t";
  if (v === false) return "#f";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}
const global = new Env(new Map(Object.entries({
  "+": (...a) => a.reduce((x, y) => x + y, 0), "-": (a, b) => (b === undefined ? -a : a - b), "*": (...a) => a.reduce((x, y) => x * y, 1),
  "/": (a, b) => a / b, "<": (a, b) => a < b, ">": (a, b) => a > b, "=": (a, b) => a === b, "mod": (a, b) => a % b,
  "list": (...a) => a, "car": l => l[0], "cdr": l => l.slice(1), "cons": (a, l) => [a, ...l], "null?": l => Array.isArray(l) && l.length === 0,
  "length": l => l.length, "display": (...a) => { out.push(a.map(x => (typeof x === "string" ? x : show(x))).join(" ")); return a[0]; },
  "apply": (f, args) => apply(f, args), "map": (f, l) => l.map(x => apply(f, [x])),
})), null);
const out = [];
function apply(f, args) {
  if (typeof f === "function") return f(...args);
  if (f instanceof Lambda) return evaluate(f.body, new Env(new Map(f.params.map((p, i) => [p.name, args[i]])), f.env));
  throw new TypeError("not callable: " + show(f));
}
function evaluate(x, env) {
  for (;;) {
    if (x instanceof Sym) return env.get(x.name);
    if (!Array.isArray(x)) return x;
    if (x.length === 0) return x;
    const [op, ...args] = x;
    switch (op instanceof Sym ? op.name : null) {
      case "quote": return args[0];
      case "if": x = evaluate(args[0], env) !== false ? args[1] : args[2] ?? false; continue;
      case "define": env.vars.set(args[0].name, evaluate(args[1], env)); return args[0];
      case "set!": env.find(args[0].name).vars.set(args[0].name, evaluate(args[1], env)); return undefined;
      case "lambda": return new Lambda(args[0], args.length > 2 ? [sym("begin"), ...args.slice(1)] : args[1], env);
      case "begin": for (let i = 0; i < args.length - 1; i++) evaluate(args[i], env); x = args[args.length - 1]; continue;
      case "let": {
        const names = args[0].map(b => b[0]), vals = args[0].map(b => evaluate(b[1], env));
        env = new Env(new Map(names.map((n, i) => [n.name, vals[i]])), env);
        x = [sym("begin"), ...args.slice(1)];
        continue;
      }
      default: {
        const f = evaluate(op, env);
        const vals = args.map(a => evaluate(a, env));
        if (f instanceof Lambda) { env = new Env(new Map(f.params.map((p, i) => [p.name, vals[i]])), f.env); x = f.body; continue; }
        return apply(f, vals);
      }
    }
  }
}
function run(src) {
  const tokens = tokenize(src);
  let result;
  try {
    while (tokens.length) result = evaluate(read(tokens), global);
    return show(result);
  } catch (e) { return `${e.name}: ${e.message}`; }
}
const programs = [
  "(+ 1 2 (* 3 4))",
  "(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1)))))) (fact 20)",
  "(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))) (map fib '(1 2 3 4 5 6 7 8 9 10))",
  "(define loop (lambda (i acc) (if (= i 0) acc (loop (- i 1) (+ acc i))))) (loop 100000 0)",
  "(define make-counter (lambda () (let ((n 0)) (lambda () (set! n (+ n 1)) n)))) (define c (make-counter)) (c) (c) (c)",
  "(define compose (lambda (f g) (lambda (x) (f (g x))))) ((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 5)",
  "(let ((a 1) (b 2)) (list a b (+ a b)))",
  "(define rev (lambda (l acc) (if (null? l) acc (rev (cdr l) (cons (car l) acc))))) (rev '(1 2 3 4 5) '())",
  "(display \"hello\" 'world 42) (display (list 1 (list 2 3)))",
  "(car '())",
  "(undefined-fn 1)",
  "(1 2 3)",
  "(+ 1 2",
  "; just a comment\n(apply + '(1 2 3 4))",
  "(define gcd (lambda (a b) (if (= b 0) a (gcd b (mod a b))))) (gcd 1071 462)",
];
for (const p of programs) console.log(run(p));
console.log(out);
