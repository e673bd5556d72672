// Less common statement forms: empty statements, debugger, blocks as statements, if/else chains
// without braces, labeled blocks, comma in for heads, nested ternaries in statements.
;;;
debugger;
{ }
{ { { console.log("nested blocks"); } } }
if (true) console.log("if without braces");
else console.log("never");
if (false) ; else console.log("empty then-branch");
let n = 0;
if (n === 0) if (n > 5) console.log("dangling"); else console.log("else binds to inner if");
for (let i = 0, j = 10; i < j; i += 4, j -= 4) console.log("comma for", i, j);
for (var k = 0; k < 3; k++);
console.log("empty body loop leaves k =", k);
let w = 3;
while (w--);
console.log("empty while leaves w =", w);
outer: {
  inner: {
    console.log("in inner");
    break outer;
  }
  console.log("never printed");
}
console.log("after labeled blocks");
// switch with blocks and declarations of functions
switch (2) {
  case 1: { function one() { return 1; } console.log(one()); break; }
  case 2: { function two() { return 2; } console.log("switch block fn", two()); break; }
}
// do-while with continue
let d = 0, s = "";
do { d++; if (d === 2) continue; s += d; } while (d < 4);
console.log(s);
// expression statements with side effects only
let side = 0;
side++, side++, side += 10;
console.log(side);
// void and typeof as statements
void console.log("void statement");
typeof undeclaredThing;
console.log("typeof statement did not throw");
// statement positions for function declarations in sloppy if (annex B)
if (true) function annexB() { return "annex B function"; }
console.log(typeof annexB === "function" ? annexB() : "not defined");
