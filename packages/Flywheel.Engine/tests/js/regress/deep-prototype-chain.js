// Property lookups through long prototype chains, shadowing at different depths, and
// invalidation when a prototype high in the chain changes.
let obj = { level: 0, top: "top value" };
const chain = [obj];
for (let i = 1; i <= 200; i++) { obj = Object.create(obj); obj.level = i; chain.push(obj); }
const leaf = obj;
console.log(leaf.level, leaf.top, "top" in leaf, Object.hasOwn(leaf, "top"), leaf.missing);
let reads = 0;
for (let i = 0; i < 2000; i++) if (leaf.top === "top value") reads++;
chain[0].top = "changed at root";
console.log(reads, leaf.top);
chain[100].top = "shadow at 100";
console.log(leaf.top, chain[99].top, chain[150].top);
delete chain[100].top;
console.log(leaf.top);
Object.defineProperty(chain[50], "top", { get() { return "getter at 50 for level " + this.level; }, configurable: true });
console.log(leaf.top, chain[49].top);
Object.setPrototypeOf(chain[150], { top: "new parent" });
console.log(leaf.top, chain[150].level, chain[149].top.slice(0, 9));
let depth = 0;
for (let p = leaf; p !== null; p = Object.getPrototypeOf(p)) depth++;
console.log(depth);
class A { who() { return "A"; } }
let C = A;
for (let i = 0; i < 50; i++) { const P = C; C = class extends P { who() { return super.who() + (i % 10); } }; }
console.log(new C().who(), new C() instanceof A);
