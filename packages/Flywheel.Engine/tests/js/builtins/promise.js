// Promise (beyond the engine-core list, kept in one file): resolution, chaining, thenables,
// rejection handling and combinators, with the job-queue order printed at the end.
const log = { push: line => console.log(line) }; // print as jobs run: the order is the test
const p1 = new Promise(resolve => { log.push("executor runs synchronously"); resolve("p1"); resolve("ignored"); });
p1.then(v => log.push("then " + v));
const thenable = { then(res) { log.push("thenable.then called"); res("from thenable"); } };
Promise.resolve(thenable).then(v => log.push(v));
Promise.reject(new Error("boom")).catch(e => log.push("catch " + e.message)).finally(() => log.push("finally"));
new Promise((_, reject) => reject("rejected")).then(() => log.push("never"), r => log.push("onRejected " + r));
new Promise(() => { throw new TypeError("thrown in executor"); }).catch(e => log.push(e.name));
Promise.resolve(1).then(v => v + 1).then(v => { throw v * 10; }).catch(v => v + 5).then(v => log.push("chain " + v));
Promise.resolve("x").finally(() => "finally value ignored").then(v => log.push("finally passes " + v));
const same = Promise.resolve(5);
log.push("resolve(promise) is identity: " + (Promise.resolve(same) === same));
log.push("typeof then: " + typeof same.then + ", tag: " + Object.prototype.toString.call(same));
Promise.all([]).then(v => log.push("all([]) " + JSON.stringify(v)));
Promise.all([Promise.resolve(1), Promise.reject(new RangeError("r")), 3]).catch(e => log.push("all rejects " + e.name));
Promise.race([]).then(() => log.push("never settles"));
Promise.allSettled([1, Promise.reject(2)]).then(rs => log.push("allSettled " + JSON.stringify(rs)));
Promise.any([Promise.reject("a"), Promise.resolve("b")]).then(v => log.push("any " + v));
const selfResolve = new Promise(r => queueMicrotask(() => r(selfResolve)));
selfResolve.catch(e => log.push("self resolution " + e.name));
let resolveLater;
const later = new Promise(r => { resolveLater = r; });
later.then(v => log.push("resolved later with " + v));
resolveLater("value");
log.push("sync end");
