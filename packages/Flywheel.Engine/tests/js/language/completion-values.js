// Completion values observed through eval: statements, loops, try/finally, blocks, switch.
const cases = [
  "1; 2;",
  "var x = 5;",
  "let y = 1; y + 1;",
  "if (true) { 'then'; } else { 'else'; }",
  "if (false) { 'then'; }",
  "3; if (false) { 'then'; }",
  "for (var i = 0; i < 3; i++) { i * 10; }",
  "4; for (var i = 0; i < 0; i++) { 'never'; }",
  "var n = 0; while (n < 3) { n++; }",
  "do { 'once'; } while (false);",
  "try { 'try'; } finally { 'finally'; }",
  "try { throw 1; } catch (e) { 'caught'; }",
  "switch (2) { case 1: 'one'; case 2: 'two'; case 3: 'three'; break; case 4: 'four'; }",
  "{ 'block'; }",
  "a: { 'labeled'; break a; }",
  "'before'; function decl() {}",
  "var o = { a: 1 }; o;",
  "(function () { return 'fn'; })();",
  "for (var k in { p: 1, q: 2 }) { k; }",
  "1; try { 2; } finally { 3; }",
  "5; while (false);",
  "'x'; class C {}",
];
for (const src of cases) {
  const r = (0, eval)(src);
  console.log(JSON.stringify(src), "=>", typeof r === "string" ? JSON.stringify(r) : typeof r === "object" ? JSON.stringify(r) : String(r));
}
