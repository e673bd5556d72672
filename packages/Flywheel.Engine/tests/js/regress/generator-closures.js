// Generators that capture loop variables, closures created inside generator bodies that outlive
// the generator, and many simultaneously suspended generators.
function* counterGen(start) { let i = start; while (true) { const captured = i; yield () => captured * 10; i++; } }
const g = counterGen(1);
const fns = [g.next().value, g.next().value, g.next().value];
console.log(fns.map(f => f()));
function* letLoop() { for (let i = 0; i < 3; i++) yield () => i; }
console.log([...letLoop()].map(f => f()));
function* varLoop() { for (var i = 0; i < 3; i++) yield () => i; }
console.log([...varLoop()].map(f => f()));
const gens = Array.from({ length: 100 }, (_, i) => (function* () { let acc = i; while (true) acc += yield acc; })());
gens.forEach(x => x.next());
let total = 0;
for (let round = 1; round <= 5; round++) for (const x of gens) total += x.next(round).value;
console.log(total);
function* withState() { const local = { hits: 0 }; const bump = () => ++local.hits; yield bump; yield bump; return local; }
const ws = withState();
const bump = ws.next().value;
bump(); bump();
ws.next().value();
console.log(ws.next().value, bump());
function* fibs() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const zipped = [];
const f1 = fibs(), f2 = fibs();
f2.next();
for (let i = 0; i < 10; i++) zipped.push(f2.next().value / f1.next().value || 0);
console.log(zipped.map(r => r.toFixed(4)).join(" "));
