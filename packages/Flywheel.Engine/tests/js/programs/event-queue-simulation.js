// A discrete-event simulation of a bank with tellers: a binary-heap priority queue with stable
// ordering, a seeded PRNG, customers arriving and being served, and statistics at the end.
class MinHeap {
  constructor(less) { this.items = []; this.less = less; }
  get size() { return this.items.length; }
  push(x) {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0], last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
function prng(seed) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; s ^= s >>> 13; return (s >>> 0) / 4294967296; };
}
class Simulation {
  constructor(tellers, seed) {
    this.now = 0;
    this.seq = 0;
    this.queue = new MinHeap((a, b) => a.time < b.time || (a.time === b.time && a.seq < b.seq));
    this.freeTellers = tellers;
    this.waiting = [];
    this.rand = prng(seed);
    this.log = [];
    this.stats = { arrived: 0, served: 0, totalWait: 0, maxWait: 0, maxQueue: 0 };
  }
  schedule(delay, type, data) { this.queue.push({ time: this.now + delay, seq: this.seq++, type, data }); }
  run(until) {
    while (this.queue.size) {
      const ev = this.queue.pop();
      if (ev.time > until) break;
      this.now = ev.time;
      this[ev.type](ev.data);
    }
  }
  arrival(id) {
    this.stats.arrived++;
    const customer = { id, arrivedAt: this.now, work: 1 + Math.floor(this.rand() * 8) };
    if (this.freeTellers > 0) this.startService(customer);
    else { this.waiting.push(customer); this.stats.maxQueue = Math.max(this.stats.maxQueue, this.waiting.length); }
    if (id < 40) this.schedule(1 + Math.floor(this.rand() * 4), "arrival", id + 1);
    if (this.log.length < 12) this.log.push(`t=${this.now} arrive #${id} work=${customer.work} queue=${this.waiting.length}`);
  }
  startService(c) {
    this.freeTellers--;
    const wait = this.now - c.arrivedAt;
    this.stats.totalWait += wait;
    this.stats.maxWait = Math.max(this.stats.maxWait, wait);
    this.schedule(c.work, "departure", c);
  }
  departure(c) {
    this.stats.served++;
    this.freeTellers++;
    if (this.log.length < 24) this.log.push(`t=${this.now} depart #${c.id}`);
    if (this.waiting.length) this.startService(this.waiting.shift());
  }
}
for (const tellers of [1, 2, 3]) {
  const sim = new Simulation(tellers, 2024);
  sim.schedule(0, "arrival", 1);
  sim.run(1000);
  const { arrived, served, totalWait, maxWait, maxQueue } = sim.stats;
  console.log(`tellers=${tellers} end=${sim.now} arrived=${arrived} served=${served} avgWait=${(totalWait / served).toFixed(3)} maxWait=${maxWait} maxQueue=${maxQueue}`);
  if (tellers === 2) console.log(sim.log.join("\n"));
}
// heap sort check with ties keeps insertion order for equal keys
const h = new MinHeap((a, b) => a.k < b.k || (a.k === b.k && a.i < b.i));
const r = prng(7);
for (let i = 0; i < 50; i++) h.push({ k: Math.floor(r() * 5), i });
const popped = [];
while (h.size) popped.push(h.pop());
console.log(popped.map(x => `${x.k}.${x.i}`).join(" "));
