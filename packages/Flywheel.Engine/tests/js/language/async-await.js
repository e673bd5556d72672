// async functions and the job queue (beyond the engine-core list, kept in one file): ordering of
// awaits, promise jobs and synchronous code is fully specified, so the output is deterministic.
const log = { push: line => console.log(line) }; // print as jobs run: the order is the test
async function a1() { log.push("a1 start"); await null; log.push("a1 after await"); return "a1 result"; }
async function a2() { log.push("a2 start"); const r = await a1(); log.push("a2 got " + r); throw new Error("a2 failed"); }
log.push("sync 1");
a2().catch(e => log.push("caught " + e.message));
Promise.resolve().then(() => log.push("then 1")).then(() => log.push("then 2"));
queueMicrotask(() => log.push("microtask"));
log.push("sync 2");
(async () => {
  for (const x of [1, 2]) { await x; log.push("loop " + x); }
  const results = await Promise.all([1, Promise.resolve(2), (async () => 3)()]);
  log.push("all " + results.join(","));
  const settled = await Promise.allSettled([Promise.reject(new Error("no")), 5]);
  log.push("settled " + settled.map(s => s.status).join(","));
  const first = await Promise.race([new Promise(r => queueMicrotask(() => r("slow"))), "fast"]);
  log.push("race " + first);
  try { await Promise.any([Promise.reject(1), Promise.reject(2)]); } catch (e) { log.push("any " + e.constructor.name + " " + e.errors.join("/")); }
  class K { async method() { return this.v; } constructor() { this.v = "method this"; } }
  log.push(await new K().method());
  const asyncArrow = async x => x * 2;
  log.push("arrow " + (await asyncArrow(21)));
  log.push(Object.prototype.toString.call(asyncArrow(1)) + " " + (asyncArrow.constructor.name));
  log.push(String(async function af(a) { await a; }) + " | " + String(async (b) => b));
  console.log({ am: async function am() {}, ag: async function* ag() {}, arrow: async () => {} }, Promise);
})().then(() => log.push("done"));
