// switch over many string and number cases (jump-table and hash-dispatch candidates), including
// cases that are equal only after conversion (which must not match) and duplicate case values.
function kind(word) {
  switch (word) {
    case "if": case "else": case "while": case "for": case "do": case "switch": case "case": case "default":
      return "control";
    case "var": case "let": case "const": return "declaration";
    case "function": case "class": case "return": case "yield": case "await": return "function-ish";
    case "true": case "false": return "boolean literal";
    case "null": return "null literal";
    case "0": return "string zero";
    case "": return "empty";
    case "if": return "duplicate never reached";
    default: return "identifier";
  }
}
const words = ["if", "let", "class", "false", "null", "0", "", "iff", "If", "yield", "x", "default", "constructor"];
console.log(words.map(w => `${JSON.stringify(w)}=${kind(w)}`).join(" "));
console.log(kind(0), kind(null), kind(false), kind(new String("if")), kind(["if"]));
function dense(n) {
  switch (n) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three"; case 4: return "four";
    case 5: return "five"; case 6: return "six"; case 7: return "seven"; case 8: return "eight"; case 9: return "nine";
    case 10: return "ten"; case -1: return "minus one"; case 2.5: return "two and a half"; case 1e9: return "billion";
    default: return "other";
  }
}
console.log([0, 1, 9, 10, 11, -1, 2.5, 1e9, "1", -0, NaN, 3.0000000000000001].map(dense).join(" "));
let hist = new Map();
for (let i = 0; i < 10000; i++) { const r = dense(i % 13 - 1); hist.set(r, (hist.get(r) || 0) + 1); }
console.log([...hist].map(([k, v]) => k + ":" + v).join(" "));
// switch on computed strings built at run time
const built = ["i", "f"].join("");
console.log(kind(built), kind("whi" + "le"), kind(String.fromCharCode(118, 97, 114)));
