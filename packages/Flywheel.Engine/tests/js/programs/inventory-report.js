// An inventory system: products with categories, stock movements applied in order, reorder
// rules, valuation with FIFO cost layers, and a formatted report with aligned columns.
class Product {
  constructor(sku, name, category, reorderAt) { Object.assign(this, { sku, name, category, reorderAt }); this.layers = []; }
  get onHand() { return this.layers.reduce((n, l) => n + l.qty, 0); }
  get value() { return this.layers.reduce((v, l) => v + l.qty * l.cost, 0); }
  receive(qty, cost) { this.layers.push({ qty, cost }); }
  issue(qty) {
    if (qty > this.onHand) throw new RangeError(`${this.sku}: cannot issue ${qty}, only ${this.onHand} on hand`);
    let cogs = 0;
    while (qty > 0) {
      const layer = this.layers[0];
      const take = Math.min(qty, layer.qty);
      cogs += take * layer.cost;
      layer.qty -= take;
      qty -= take;
      if (layer.qty === 0) this.layers.shift();
    }
    return cogs;
  }
}
const catalog = new Map([
  ["A-100", new Product("A-100", "Widget", "parts", 20)],
  ["A-200", new Product("A-200", "Gadget", "parts", 5)],
  ["B-100", new Product("B-100", "Manual", "docs", 10)],
  ["C-300", new Product("C-300", "Gizmo deluxe edition", "devices", 2)],
]);
const movements = [
  ["in", "A-100", 50, 1.25], ["in", "A-200", 10, 7.5], ["in", "B-100", 30, 0.4], ["out", "A-100", 20],
  ["in", "A-100", 25, 1.4], ["out", "A-100", 40], ["in", "C-300", 3, 199.99], ["out", "C-300", 2],
  ["out", "A-200", 6], ["out", "B-100", 25], ["out", "A-200", 10], ["in", "X-999", 1, 1], ["out", "A-100", 10],
];
let cogsTotal = 0;
for (const [type, sku, qty, cost] of movements) {
  const p = catalog.get(sku);
  try {
    if (!p) throw new ReferenceError(`unknown sku ${sku}`);
    if (type === "in") p.receive(qty, cost);
    else cogsTotal += p.issue(qty);
  } catch (e) {
    console.log(`rejected ${type} ${sku} x${qty}: ${e.name}: ${e.message}`);
  }
}
const money = v => v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const cols = [["SKU", 6], ["Name", 22], ["Category", 9], ["On hand", 8], ["Value", 10], ["Reorder", 7]];
console.log(cols.map(([h, w], i) => (i >= 3 ? h.padStart(w) : h.padEnd(w))).join(" "));
console.log(cols.map(([, w]) => "-".repeat(w)).join(" "));
const products = [...catalog.values()].sort((a, b) => a.category.localeCompare === undefined ? 0 : (a.category < b.category ? -1 : a.category > b.category ? 1 : a.sku < b.sku ? -1 : 1));
for (const p of products) {
  const cells = [p.sku, p.name.length > 22 ? p.name.slice(0, 21) + "…" : p.name, p.category, String(p.onHand), money(p.value), p.onHand <= p.reorderAt ? "YES" : ""];
  console.log(cells.map((c, i) => (i >= 3 ? c.padStart(cols[i][1]) : c.padEnd(cols[i][1]))).join(" "));
}
const byCategory = {};
for (const p of products) byCategory[p.category] = (byCategory[p.category] || 0) + p.value;
console.log("by category:", Object.entries(byCategory).map(([k, v]) => `${k}=${money(v)}`).join(", "));
console.log("cost of goods issued:", money(cogsTotal), "| total value:", money(products.reduce((s, p) => s + p.value, 0)));
console.log("reorder list:", products.filter(p => p.onHand <= p.reorderAt).map(p => p.sku));
