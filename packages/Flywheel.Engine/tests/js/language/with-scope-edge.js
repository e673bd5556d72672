// with: closures, assignment targets, compound operators, typeof, delete, nested functions, loops.
const o = { x: 1, f() { return this === o; } };
var x = "outer";
with (o) {
  x += 1;
  x++;
  var fromWith = typeof x;
  console.log(x, f(), typeof missing);
}
console.log(o.x, x, fromWith);
function inFunction(obj) { with (obj) { return [a, typeof b, (() => a)()]; } }
console.log(inFunction({ a: "A" }), inFunction({ a: "B", b: 1 }));
const fns = [];
for (const item of [{ v: 1 }, { v: 2 }]) { with (item) { fns.push(() => v); } }
console.log(fns.map(f => f()));
const target = { t: 0 };
with (target) { for (t = 0; t < 3; t++) {} }
console.log(target.t);
const destructure = { d1: 0, d2: 0 };
with (destructure) { [d1, d2] = [5, 6]; ({ d1 } = { d1: 7 }); }
console.log(destructure);
const lazy = {};
with (lazy) { var created = "var"; lazy.created = "prop"; created = "assigned"; }
console.log(lazy.created, created);
const getterObj = { get g() { return "getter " + (this === getterObj); } };
with (getterObj) { console.log(g); }
const del = { gone: 1 };
with (del) { console.log(delete gone, "gone" in del); }
function shadowParam(p) { with ({ p: "from object" }) { return p; } }
console.log(shadowParam("param"));
function letInside() { with ({ l: "obj" }) { let l = "let"; return l; } }
console.log(letInside());
function fnDeclInside() { with ({ fd: "obj" }) { return (function () { return fd; })(); } }
console.log(fnDeclInside());
const proxyLike = Object.create(null);
proxyLike.value = "no proto";
with (proxyLike) { console.log(value, typeof toString); }
with (Math) { console.log(max(1, 2), round(PI)); }
try { with (undefined) {} } catch (e) { console.log(e.name, e.message); }
