// let/const: block scoping and the temporal dead zone.
function tryIt(label, f) {
  try { console.log(label, "->", f()); }
  catch (e) { console.log(label, "threw", e.name, e instanceof ReferenceError || e instanceof TypeError); }
}

tryIt("read before let", () => { const r = x; let x = 1; return r; });
tryIt("typeof before let", () => { const r = typeof y; let y = 1; return r; });
tryIt("typeof undeclared", () => typeof notDeclaredAnywhere);
tryIt("assign const", () => { const c = 1; c = 2; return c; });
tryIt("const compound", () => { const c = 1; c += 1; return c; });
tryIt("const ++", () => { const c = 1; c++; return c; });
tryIt("self-reference in init", () => { let s = s + 1; return s; });
tryIt("closure before init", () => { const f = () => z; const r = f(); let z = 2; return r; });
tryIt("closure after init", () => { const f = () => z; let z = 2; return f(); });
tryIt("default param TDZ", () => { function f(a = b, b = 1) { return a; } return f(); });
tryIt("default param ok", () => { function f(a = 1, b = a + 1) { return b; } return f(); });

// block scoping
let outer = "outer";
{
  let outer = "inner";
  console.log("block:", outer);
}
console.log("after block:", outer);

// per-iteration bindings
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log("let loop:", fns.map(f => f()).join(","));
const fns2 = [];
for (var j = 0; j < 3; j++) fns2.push(() => j);
console.log("var loop:", fns2.map(f => f()).join(","));
const fns3 = [];
for (const k of ["a", "b", "c"]) fns3.push(() => k);
console.log("const of:", fns3.map(f => f()).join(","));
const fns4 = [];
for (const k in { p: 1, q: 2 }) fns4.push(() => k);
console.log("const in:", fns4.map(f => f()).join(","));

// closures see updates inside one iteration
const fns5 = [];
for (let i = 0; i < 3; i++) { fns5.push(() => i); i++; }
console.log("mutated in body:", fns5.map(f => f()).join(","));

// switch shares one block scope
tryIt("switch TDZ", () => {
  switch (1) {
    case 0: let v = "zero";
    case 1: return v;
  }
});

// const object is mutable
const obj = { n: 1 };
obj.n = 2;
console.log("const obj:", obj.n);

// let in nested functions
function counter() { let n = 0; return { inc: () => ++n, get: () => n }; }
const c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
console.log("counters:", c1.get(), c2.get());
