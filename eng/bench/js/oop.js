// oop: property-access-heavy object-oriented code — a particle simulation in a box with a class
// hierarchy (Vec2, Body, Particle, HeavyParticle, Ghost), getters/setters, super calls, static
// members, and collision handling with virtual methods. Size: simulation steps.
// quick: 20
// default: 40000
"use strict";
const steps = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 40000;

class Vec2 {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec2(this.x + o.x, this.y + o.y); }
  scale(k) { return new Vec2(this.x * k, this.y * k); }
  dot(o) { return this.x * o.x + this.y * o.y; }
  get length() { return Math.sqrt(this.dot(this)); }
}
class Body {
  static count = 0;
  #id;
  constructor(pos, vel, mass) { this.pos = pos; this.vel = vel; this.mass = mass; this.#id = Body.count++; this.bounces = 0; }
  get id() { return this.#id; }
  get momentum() { return this.vel.scale(this.mass); }
  get kinetic() { return 0.5 * this.mass * this.vel.dot(this.vel); }
  step(dt) { this.pos = this.pos.add(this.vel.scale(dt)); }
  collide(box) {
    let hit = false;
    if (this.pos.x < 0) { this.pos.x = -this.pos.x; this.vel.x = -this.vel.x; hit = true; }
    else if (this.pos.x > box.w) { this.pos.x = 2 * box.w - this.pos.x; this.vel.x = -this.vel.x; hit = true; }
    if (this.pos.y < 0) { this.pos.y = -this.pos.y; this.vel.y = -this.vel.y; hit = true; }
    else if (this.pos.y > box.h) { this.pos.y = 2 * box.h - this.pos.y; this.vel.y = -this.vel.y; hit = true; }
    if (hit) this.onBounce();
  }
  onBounce() { this.bounces++; }
  describe() { return `body#${this.id}`; }
}
class Particle extends Body {
  constructor(pos, vel) { super(pos, vel, 1); this.trail = 0; }
  step(dt) { super.step(dt); this.trail += this.vel.length * dt; }
  describe() { return "particle/" + super.describe(); }
}
class HeavyParticle extends Particle {
  constructor(pos, vel) { super(pos, vel); this.mass = 5; }
  onBounce() { super.onBounce(); this.bounces++; }
  describe() { return "heavy/" + super.describe(); }
}
class Ghost extends Body {
  constructor(pos, vel) { super(pos, vel, 0.5); this._phase = 0; }
  get phase() { return this._phase; }
  set phase(v) { this._phase = v % 360; }
  step(dt) { super.step(dt); this.phase = this.phase + 7; }
  collide(box) { if (this.phase < 180) super.collide(box); else { this.pos.x = ((this.pos.x % box.w) + box.w) % box.w; this.pos.y = ((this.pos.y % box.h) + box.h) % box.h; } }
}
let seed = 5;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const box = { w: 100, h: 60 };
const bodies = [];
for (let i = 0; i < 120; i++) {
  const pos = new Vec2(rnd() * box.w, rnd() * box.h), vel = new Vec2(rnd() * 20 - 10, rnd() * 20 - 10);
  bodies.push(i % 10 === 0 ? new HeavyParticle(pos, vel) : i % 7 === 0 ? new Ghost(pos, vel) : i % 3 === 0 ? new Body(pos, vel, 2) : new Particle(pos, vel));
}
const energy = () => bodies.reduce((e, b) => e + b.kinetic, 0);
const e0 = energy();
for (let s = 0; s < steps; s++) {
  for (const b of bodies) { b.step(0.05); b.collide(box); }
}
const e1 = energy();
if (Math.abs(e1 - e0) > 1e-6 * e0) throw new Error(`kinetic energy changed from ${e0} to ${e1}`);
let bounces = 0, inside = 0;
for (const b of bodies) {
  bounces += b.bounces;
  if (b.pos.x >= 0 && b.pos.x <= box.w && b.pos.y >= 0 && b.pos.y <= box.h) inside++;
}
if (inside !== bodies.length) throw new Error(`${bodies.length - inside} bodies escaped`);
if (Body.count !== 120 || bodies[10].describe() !== "heavy/particle/body#10" || bodies[7].describe() !== "body#7") throw new Error("dispatch");
const trail = bodies.reduce((t, b) => t + (b instanceof Particle ? b.trail : 0), 0);
console.log(`oop: ok ${bounces} ${trail.toFixed(3)} ${e1.toFixed(6)}`);
