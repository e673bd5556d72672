// pipeline: closure- and callback-heavy array processing — map/filter/reduce/flatMap/sort/some/
// every/find over arrays of records, function composition, currying and memoized closures,
// checked against the same computation done with plain loops. Size: number of records.
// quick: 500
// default: 60000
"use strict";
const n = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 60000;

let seed = 3;
const rnd = m => (seed = (Math.imul(seed, 69069) + 1) >>> 0) % m;
const regions = ["north", "south", "east", "west"];
const orders = Array.from({ length: n }, (_, id) => ({
  id, region: regions[rnd(4)], customer: rnd(n >> 3 || 1),
  items: Array.from({ length: 1 + rnd(4) }, () => ({ sku: rnd(500), qty: 1 + rnd(5), price: 1 + rnd(10000) / 100 })),
}));
const compose = (...fs) => x => fs.reduceRight((acc, f) => f(acc), x);
const by = key => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
const sumBy = f => xs => xs.reduce((s, x) => s + f(x), 0);
const orderTotal = sumBy(it => it.qty * it.price);
const round2 = x => Math.round(x * 100) / 100;
const totalOf = compose(round2, o => orderTotal(o.items));

// functional version
const totals = orders.map(o => ({ id: o.id, region: o.region, customer: o.customer, total: totalOf(o) }));
const big = totals.filter(t => t.total > 100);
const byRegion = big.reduce((acc, t) => { (acc[t.region] ||= []).push(t); return acc; }, {});
const regionSums = Object.fromEntries(Object.entries(byRegion).map(([r, ts]) => [r, round2(sumBy(t => t.total)(ts))]));
const skus = new Set(orders.flatMap(o => o.items.map(it => it.sku)));
const top = totals.slice().sort((a, b) => b.total - a.total || a.id - b.id).slice(0, 10).map(t => t.id);
const customers = [...new Set(totals.map(t => t.customer))].sort((a, b) => a - b);
const memo = new Map();
const customerSpend = c => { if (!memo.has(c)) memo.set(c, round2(totals.filter(t => t.customer === c).reduce((s, t) => s + t.total, 0))); return memo.get(c); };
const spendSample = customers.filter((_, i) => i % 97 === 0).map(customerSpend);
const allPositive = totals.every(t => t.total > 0), anyHuge = totals.some(t => t.total > 1000);
const firstWest = totals.find(t => t.region === "west" && t.total > 500);
const sortedNames = regions.map(r => ({ r })).sort(by("r")).map(o => o.r).join(",");

// loop version
const loopSums = {};
let loopBig = 0;
const loopSkus = new Set();
let loopHuge = false;
for (const o of orders) {
  let t = 0;
  for (const it of o.items) { t += it.qty * it.price; loopSkus.add(it.sku); }
  t = Math.round(t * 100) / 100;
  if (t > 1000) loopHuge = true;
  if (t > 100) { loopBig++; loopSums[o.region] = (loopSums[o.region] || 0) + t; }
}
if (big.length !== loopBig || skus.size !== loopSkus.size || anyHuge !== loopHuge || !allPositive) throw new Error("pipeline disagrees with loops");
for (const r of Object.keys(loopSums)) if (Math.abs(regionSums[r] - loopSums[r]) > 0.01 * big.length) throw new Error(`region ${r}: ${regionSums[r]} vs ${loopSums[r]}`);
if (sortedNames !== "east,north,south,west") throw new Error("sort by key");
const checksum = Math.round(Object.values(regionSums).reduce((a, b) => a + b, 0)) + top.reduce((a, b) => a + b, 0) + skus.size + Math.round(spendSample.reduce((a, b) => a + b, 0)) + (firstWest ? firstWest.id : -1);
console.log(`pipeline: ok ${big.length} ${checksum}`);
