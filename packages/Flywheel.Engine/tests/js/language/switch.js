// switch: strict equality, fall-through, default placement, scoping, expressions as cases.
function classify(x) {
  switch (x) {
    case 1: return "one";
    case "1": return "string one";
    case true: return "true";
    case null: return "null";
    case undefined: return "undefined";
    case NaN: return "NaN never matches";
    default: return "default";
  }
}
console.log([1, "1", true, null, undefined, NaN, 0, {}].map(classify).join(" | "));
function fall(x) {
  const r = [];
  switch (x) {
    case 0: r.push("zero");
    case 1: r.push("one");
    case 2: r.push("two"); break;
    case 3: r.push("three");
    default: r.push("default");
    case 4: r.push("four");
  }
  return r.join(",");
}
for (let i = 0; i <= 5; i++) console.log(i, fall(i));
// default in the middle only used when nothing matches
function mid(x) { switch (x) { case "a": return "A"; default: return "D"; case "b": return "B"; } }
console.log(mid("a"), mid("b"), mid("c"));
// case expressions evaluated lazily, in order
const evaluated = [];
const c = v => (evaluated.push(v), v);
switch (2) { case c(1): break; case c(2): break; case c(3): break; }
console.log(evaluated);
// switch(true) pattern
function range(n) {
  switch (true) {
    case n < 0: return "negative";
    case n === 0: return "zero";
    case n < 10: return "small";
    default: return "large";
  }
}
console.log([-5, 0, 5, 50].map(range).join(" "));
// block scope per switch
switch (1) { case 1: { let scoped = "inner"; console.log(scoped); } }
// no match, no default
switch ("x") { case "y": console.log("never"); }
console.log("done");
// continue inside switch inside loop
let s = "";
for (const ch of "a1b2c3") {
  switch (true) {
    case /\d/.test(ch): continue;
  }
  s += ch;
}
console.log(s);
// objects compared by identity
const key = {};
switch (key) { case {}: console.log("fresh object"); break; case key: console.log("same object"); break; }
