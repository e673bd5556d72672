// scheduler: an operating-system kernel simulation. Tasks of four kinds (idle, worker, handler,
// device) sit in a priority-ordered run list; packets travel between them through work queues;
// tasks block, wake and hold each other. Polymorphic dispatch on task objects and linked lists.
// Size: number of work requests the idle task issues.
// quick: 200
// default: 1000000
"use strict";
const requests = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 1000000;

const KIND_WORK = 1, KIND_DEVICE = 2, KIND_DONE = 3;
class Packet {
  constructor(link, owner, kind) { this.link = link; this.owner = owner; this.kind = kind; this.value = 0; this.data = new Int32Array(4); }
  append(queue) { this.link = null; if (queue === null) return this; let p = queue; while (p.link !== null) p = p.link; p.link = this; return queue; }
}
class Task {
  constructor(kernel, id, priority, queue) {
    this.kernel = kernel; this.id = id; this.priority = priority; this.queue = queue;
    this.waiting = queue === null; this.held = false; this.next = null; this.runs = 0;
  }
  get runnable() { return !this.held && (!this.waiting || this.queue !== null); }
  takePacket() { const p = this.queue; if (p !== null) { this.queue = p.link; p.link = null; } return p; }
  step() { this.runs++; return this.run(this.waiting && this.queue !== null ? this.takePacket() : null); }
  run(packet) { throw new Error("abstract"); }
}
class IdleTask extends Task {
  constructor(kernel, id, priority, count) { super(kernel, id, priority, null); this.remaining = count; this.waiting = false; this.seed = 1; }
  run() {
    if (this.remaining === 0) return this.kernel.holdSelf();
    this.remaining--;
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) & 0x7fffffff;
    return this.kernel.release((this.seed & 0x100) === 0 ? ID_WORKER_A : ID_WORKER_B);
  }
}
class WorkerTask extends Task {
  constructor(kernel, id, priority, queue, handler) { super(kernel, id, priority, queue); this.handler = handler; this.counter = 0; this.completed = 0; }
  run(packet) {
    if (packet === null) return this.kernel.wait();
    if (packet.kind === KIND_DONE) { this.completed++; return this.kernel.wait(); }
    this.counter++;
    packet.value = this.counter;
    for (let i = 0; i < packet.data.length; i++) packet.data[i] = (this.counter * (i + 1) + this.id) & 0xff;
    return this.kernel.queuePacket(packet, this.handler);
  }
}
class HandlerTask extends Task {
  constructor(kernel, id, priority, queue, device) { super(kernel, id, priority, queue); this.device = device; this.pending = null; this.handled = 0; }
  run(packet) {
    if (packet !== null) this.pending = packet.append(this.pending);
    if (this.pending === null) return this.kernel.wait();
    const p = this.pending;
    this.pending = p.link;
    p.link = null;
    this.handled++;
    let sum = 0;
    for (let i = 0; i < p.data.length; i++) sum += p.data[i];
    p.value = (p.value + sum) | 0;
    p.kind = KIND_DEVICE;
    return this.kernel.queuePacket(p, this.device);
  }
}
class DeviceTask extends Task {
  constructor(kernel, id, priority, queue, home) { super(kernel, id, priority, queue); this.home = home; this.done = 0; this.checksum = 0; }
  run(packet) {
    if (packet === null) return this.kernel.wait();
    this.done++;
    this.checksum = (this.checksum * 31 + packet.value) | 0;
    packet.kind = KIND_DONE;
    return this.kernel.queuePacket(packet, this.home);
  }
}
const ID_IDLE = 0, ID_WORKER_A = 1, ID_WORKER_B = 2, ID_HANDLER_A = 3, ID_HANDLER_B = 4, ID_DEVICE_A = 5, ID_DEVICE_B = 6;
class Kernel {
  constructor() { this.tasks = []; this.list = null; this.current = null; this.queued = 0; this.holds = 0; }
  add(task) {
    this.tasks[task.id] = task;
    if (this.list === null || task.priority > this.list.priority) { task.next = this.list; this.list = task; return; }
    let t = this.list;
    while (t.next !== null && t.next.priority >= task.priority) t = t.next;
    task.next = t.next; t.next = task;
  }
  schedule() {
    let t = this.list;
    while (t !== null) { if (t.runnable) { this.current = t; t = t.step(); } else t = t.next; }
  }
  wait() { this.current.waiting = true; return this.current; }
  holdSelf() { this.holds++; this.current.held = true; return this.current.next; }
  release(id) {
    const t = this.tasks[id];
    t.held = false;
    t.queue = new Packet(null, id, KIND_WORK).append(t.queue);
    return t.priority > this.current.priority ? t : this.current;
  }
  queuePacket(packet, id) {
    const t = this.tasks[id];
    this.queued++;
    packet.owner = id;
    t.queue = packet.append(t.queue);
    return t.priority > this.current.priority ? t : this.current;
  }
}
const k = new Kernel();
k.add(new IdleTask(k, ID_IDLE, 0, requests));
k.add(new WorkerTask(k, ID_WORKER_A, 1000, null, ID_HANDLER_A));
k.add(new WorkerTask(k, ID_WORKER_B, 1000, null, ID_HANDLER_B));
k.add(new HandlerTask(k, ID_HANDLER_A, 2000, null, ID_DEVICE_A));
k.add(new HandlerTask(k, ID_HANDLER_B, 2000, null, ID_DEVICE_B));
k.add(new DeviceTask(k, ID_DEVICE_A, 4000, null, ID_WORKER_A));
k.add(new DeviceTask(k, ID_DEVICE_B, 4000, null, ID_WORKER_B));
k.schedule();
const t = k.tasks;
const worked = t[ID_WORKER_A].counter + t[ID_WORKER_B].counter;
const handled = t[ID_HANDLER_A].handled + t[ID_HANDLER_B].handled;
const done = t[ID_DEVICE_A].done + t[ID_DEVICE_B].done;
const completed = t[ID_WORKER_A].completed + t[ID_WORKER_B].completed;
// every request becomes a packet that goes worker → handler → device → worker and is retired
if (k.holds !== 1) throw new Error(`idle task held ${k.holds} times`);
if (worked !== requests || handled !== requests || done !== requests || completed !== requests || k.queued !== 3 * requests) {
  throw new Error(`packet accounting: worked=${worked} handled=${handled} done=${done} completed=${completed} queued=${k.queued}`);
}
const checksum = (t[ID_DEVICE_A].checksum ^ Math.imul(t[ID_DEVICE_B].checksum, 7)) >>> 0;
const known = { 200: "200 1990493140", 1000000: "1000000 647340351" };
const got = `${done} ${checksum}`;
if (known[requests] !== undefined && known[requests] !== got) throw new Error(`scheduler(${requests}) = ${got}, expected ${known[requests]}`);
console.log(`scheduler: ok ${got}`);
