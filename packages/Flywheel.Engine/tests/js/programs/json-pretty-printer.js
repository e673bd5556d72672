// A JSON pretty-printer written from scratch: a recursive-descent parser with positions in its
// error messages and a printer with key sorting, compact short arrays and colour-free output.
class ParseError extends Error {
  constructor(msg, pos) { super(`${msg} at ${pos}`); this.name = "ParseError"; this.pos = pos; }
}
function parse(text) {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
  const expect = ch => { if (text[i] !== ch) throw new ParseError(`expected '${ch}' but found ${text[i] === undefined ? "end" : `'${text[i]}'`}`, i); i++; };
  function value() {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [lit, v] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(lit, i)) { i += lit.length; return v; }
    }
    throw new ParseError(c === undefined ? "unexpected end" : `unexpected '${c}'`, i);
  }
  function object() {
    expect("{"); ws();
    const o = {};
    if (text[i] === "}") { i++; return o; }
    for (;;) {
      ws();
      const k = string();
      ws(); expect(":");
      o[k] = value();
      ws();
      if (text[i] === ",") { i++; continue; }
      expect("}");
      return o;
    }
  }
  function array() {
    expect("["); ws();
    const a = [];
    if (text[i] === "]") { i++; return a; }
    for (;;) {
      a.push(value()); ws();
      if (text[i] === ",") { i++; continue; }
      expect("]");
      return a;
    }
  }
  function string() {
    expect('"');
    let s = "";
    for (;;) {
      const c = text[i++];
      if (c === undefined) throw new ParseError("unterminated string", i - 1);
      if (c === '"') return s;
      if (c === "\\") {
        const e = text[i++];
        const map = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "/": "/", "\\": "\\", '"': '"' };
        if (e === "u") { s += String.fromCharCode(parseInt(text.slice(i, i + 4), 16)); i += 4; }
        else if (e in map) s += map[e];
        else throw new ParseError(`bad escape '\\${e}'`, i - 1);
      } else s += c;
    }
  }
  function number() {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r) throw new ParseError("bad number", i);
    i = m.lastIndex;
    return Number(r[0]);
  }
  const v = value();
  ws();
  if (i !== text.length) throw new ParseError("trailing characters", i);
  return v;
}
function pretty(v, indent = "", opts = { sortKeys: true, width: 60 }) {
  if (v === null || typeof v !== "object") return typeof v === "string" ? JSON.stringify(v) : String(v);
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const flat = "[" + v.map(x => pretty(x, inner, opts)).join(", ") + "]";
    if (!flat.includes("\n") && flat.length + indent.length <= opts.width) return flat;
    return "[\n" + v.map(x => inner + pretty(x, inner, opts)).join(",\n") + "\n" + indent + "]";
  }
  const keys = Object.keys(v);
  if (opts.sortKeys) keys.sort();
  if (keys.length === 0) return "{}";
  return "{\n" + keys.map(k => `${inner}${JSON.stringify(k)}: ${pretty(v[k], inner, opts)}`).join(",\n") + "\n" + indent + "}";
}
const docs = [
  '{"name":"flywheel","version":"0.1.0","keywords":["js","jit","dotnet"],"deps":{"acornima":"1.9.1","iced":"1.22.0"},"private":true,"scripts":null}',
  '[1, 2.5, -3e2, 0.000001, 1E21, "tab\\there", "\\u00e9\\u0041", true, false, null, [], {}]',
  '{"matrix":[[1,0,0],[0,1,0],[0,0,1]],"labels":["x","y","z"],"nested":{"deep":{"deeper":{"deepest":[1,[2,[3]]]}}}}',
  '{"long":["aaaaaaaaaa","bbbbbbbbbb","cccccccccc","dddddddddd","eeeeeeeeee","ffffffffff"]}',
  '{"a":1,}',
  '[1 2]',
  '{"unterminated": "abc',
  '{"bad": "\\q"}',
  '[01]',
  '  ',
  '{"x": tru}',
  '"just a string"',
];
for (const d of docs) {
  try {
    const v = parse(d);
    const agrees = JSON.stringify(v) === JSON.stringify(JSON.parse(d));
    console.log(pretty(v));
    console.log("agrees with JSON.parse:", agrees);
  } catch (e) {
    let builtin = "accepted";
    try { JSON.parse(d); } catch (e2) { builtin = e2.name; }
    console.log(`${e.name}: ${e.message} (JSON.parse: ${builtin})`);
  }
}
