// constraints: an incremental one-way dataflow constraint solver in the style of DeltaBlue
// (walkabout strengths, method selection, plan extraction). Object graphs, polymorphic method
// calls, small arrays. Each iteration solves a 100-variable chain and a 100-pair projection and
// verifies every propagated value. Size: iterations.
// quick: 3
// default: 800
"use strict";
const iterations = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 800;

// strengths: smaller is stronger
const REQUIRED = 0, STRONG_PREFERRED = 1, PREFERRED = 2, STRONG_DEFAULT = 3, NORMAL = 4, WEAK_DEFAULT = 5, WEAKEST = 6;
const stronger = (a, b) => a < b;
const weakest = (a, b) => (a > b ? a : b);
const NONE = 0, FORWARD = 1, BACKWARD = 2;

class Variable {
  constructor(name, value = 0) {
    this.name = name; this.value = value; this.constraints = [];
    this.determinedBy = null; this.walkStrength = WEAKEST; this.stay = true; this.mark = 0;
  }
  removeConstraint(c) { const i = this.constraints.indexOf(c); if (i >= 0) this.constraints.splice(i, 1); if (this.determinedBy === c) this.determinedBy = null; }
}
class Constraint {
  constructor(strength) { this.strength = strength; }
  attach(planner) { this.planner = planner; this.addToGraph(); planner.incrementalAdd(this); return this; }
  destroy() { if (this.isSatisfied()) this.planner.incrementalRemove(this); this.removeFromGraph(); }
  isInput() { return false; }
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!this.planner.addPropagate(this, mark)) throw new Error("cycle encountered");
    out.mark = mark;
    return overridden;
  }
}
class UnaryConstraint extends Constraint {
  constructor(v, strength) { super(strength); this.v = v; this.satisfied = false; }
  addToGraph() { this.v.constraints.push(this); this.satisfied = false; }
  removeFromGraph() { this.v.removeConstraint(this); this.satisfied = false; }
  chooseMethod(mark) { this.satisfied = this.v.mark !== mark && stronger(this.strength, this.v.walkStrength); }
  isSatisfied() { return this.satisfied; }
  markInputs() {}
  output() { return this.v; }
  recalculate() { this.v.walkStrength = this.strength; this.v.stay = !this.isInput(); if (this.v.stay) this.execute(); }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown() { return true; }
}
class StayConstraint extends UnaryConstraint { execute() {} }
class EditConstraint extends UnaryConstraint { isInput() { return true; } execute() {} }
class BinaryConstraint extends Constraint {
  constructor(a, b, strength) { super(strength); this.a = a; this.b = b; this.direction = NONE; }
  addToGraph() { this.a.constraints.push(this); this.b.constraints.push(this); this.direction = NONE; }
  removeFromGraph() { this.a.removeConstraint(this); this.b.removeConstraint(this); this.direction = NONE; }
  chooseMethod(mark) {
    const a = this.a, b = this.b;
    if (a.mark === mark) this.direction = b.mark !== mark && stronger(this.strength, b.walkStrength) ? FORWARD : NONE;
    else if (b.mark === mark) this.direction = stronger(this.strength, a.walkStrength) ? BACKWARD : NONE;
    else if (stronger(a.walkStrength, b.walkStrength)) this.direction = stronger(this.strength, b.walkStrength) ? FORWARD : NONE;
    else this.direction = stronger(this.strength, a.walkStrength) ? BACKWARD : NONE;
  }
  isSatisfied() { return this.direction !== NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === FORWARD ? this.a : this.b; }
  output() { return this.direction === FORWARD ? this.b : this.a; }
  recalculate() {
    const i = this.input(), o = this.output();
    o.walkStrength = weakest(this.strength, i.walkStrength);
    o.stay = i.stay;
    if (o.stay) this.execute();
  }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) { const i = this.input(); return i.mark === mark || i.stay || i.determinedBy === null; }
}
class EqualityConstraint extends BinaryConstraint { execute() { this.output().value = this.input().value; } }
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dst, strength) { super(src, dst, strength); this.scale = scale; this.offset = offset; }
  addToGraph() { super.addToGraph(); this.scale.constraints.push(this); this.offset.constraints.push(this); }
  removeFromGraph() { super.removeFromGraph(); this.scale.removeConstraint(this); this.offset.removeConstraint(this); }
  markInputs(mark) { super.markInputs(mark); this.scale.mark = this.offset.mark = mark; }
  execute() {
    if (this.direction === FORWARD) this.b.value = this.a.value * this.scale.value + this.offset.value;
    else this.a.value = (this.b.value - this.offset.value) / this.scale.value;
  }
  recalculate() {
    const i = this.input(), o = this.output();
    o.walkStrength = weakest(this.strength, i.walkStrength);
    o.stay = i.stay && this.scale.stay && this.offset.stay;
    if (o.stay) this.execute();
  }
}
class Plan {
  constructor() { this.steps = []; }
  execute() { for (let i = 0; i < this.steps.length; i++) this.steps[i].execute(); }
}
class Planner {
  constructor() { this.currentMark = 0; }
  newMark() { return ++this.currentMark; }
  incrementalAdd(c) { const mark = this.newMark(); let overridden = c.satisfy(mark); while (overridden !== null) overridden = overridden.satisfy(mark); }
  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    unsatisfied.sort((x, y) => x.strength - y.strength);
    for (const u of unsatisfied) this.incrementalAdd(u);
  }
  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length) {
      const d = todo.pop();
      if (d.output().mark === mark) { this.incrementalRemove(c); return false; }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }
  removePropagateFrom(out) {
    out.determinedBy = null; out.walkStrength = WEAKEST; out.stay = true;
    const unsatisfied = [], todo = [out];
    while (todo.length) {
      const v = todo.pop();
      for (const c of v.constraints) if (!c.isSatisfied()) unsatisfied.push(c);
      const determining = v.determinedBy;
      for (const next of v.constraints) {
        if (next !== determining && next.isSatisfied()) { next.recalculate(); todo.push(next.output()); }
      }
    }
    return unsatisfied;
  }
  makePlan(sources) {
    const mark = this.newMark(), plan = new Plan(), todo = sources.slice();
    while (todo.length) {
      const c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.steps.push(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }
  extractPlanFromConstraints(cs) { return this.makePlan(cs.filter(c => c.isInput() && c.isSatisfied())); }
  addConstraintsConsumingTo(v, out) {
    const determining = v.determinedBy;
    for (const c of v.constraints) if (c !== determining && c.isSatisfied()) out.push(c);
  }
}
function chainTest(n) {
  const planner = new Planner();
  const vars = [];
  for (let i = 0; i <= n; i++) vars.push(new Variable("v" + i));
  for (let i = 0; i < n; i++) new EqualityConstraint(vars[i], vars[i + 1], REQUIRED).attach(planner);
  new StayConstraint(vars[n], STRONG_DEFAULT).attach(planner);
  const edit = new EditConstraint(vars[0], PREFERRED).attach(planner);
  const plan = planner.extractPlanFromConstraints([edit]);
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    vars[0].value = i;
    plan.execute();
    if (vars[n].value !== i) throw new Error(`chain: last is ${vars[n].value}, expected ${i}`);
    sum += vars[n].value;
  }
  return sum;
}
function change(planner, v, value) {
  const edit = new EditConstraint(v, PREFERRED).attach(planner);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) { v.value = value; plan.execute(); }
  edit.destroy();
}
function projectionTest(n) {
  const planner = new Planner();
  const scale = new Variable("scale", 10), offset = new Variable("offset", 1000);
  const srcs = [], dsts = [];
  let src = null, dst = null;
  for (let i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    srcs.push(src); dsts.push(dst);
    new StayConstraint(src, NORMAL).attach(planner);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED).attach(planner);
  }
  change(planner, src, 17);
  if (dst.value !== 1170) throw new Error(`projection 1: ${dst.value}`);
  change(planner, dst, 1050);
  if (src.value !== 5) throw new Error(`projection 2: ${src.value}`);
  change(planner, scale, 5);
  for (let i = 0; i < n - 1; i++) if (dsts[i].value !== i * 5 + 1000) throw new Error(`projection 3 at ${i}: ${dsts[i].value}`);
  change(planner, offset, 2000);
  for (let i = 0; i < n - 1; i++) if (dsts[i].value !== i * 5 + 2000) throw new Error(`projection 4 at ${i}: ${dsts[i].value}`);
  let sum = 0;
  for (const d of dsts) sum += d.value;
  return sum;
}
let checksum = 0;
for (let it = 0; it < iterations; it++) {
  checksum += chainTest(100);
  checksum += projectionTest(100);
}
// chain: 0+1+…+99; projection: dst[i] = 5i + 2000 for i < 99, and src[99] = 5 so dst[99] = 2025
const perIteration = 4950 + (4851 * 5 + 99 * 2000 + 2025);
if (checksum !== perIteration * iterations) throw new Error(`checksum ${checksum}, expected ${perIteration * iterations}`);
console.log(`constraints: ok ${checksum}`);
