// BigInt (ES2020): kept in its own file because the engine-core issue does not require it yet.
console.log(10n, -5n, 0n, typeof 1n, 2n ** 64n, -(2n ** 63n), 7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n);
console.log(BigInt(42), BigInt("0x1f"), BigInt("  123  "), BigInt(true), BigInt(Number.MAX_SAFE_INTEGER) + 2n);
for (const bad of [1.5, "1.5", "abc", NaN, undefined, Symbol()]) {
  try { BigInt(bad); } catch (e) { console.log("BigInt(" + String(bad) + "):", e.name); }
}
console.log(1n == 1, 1n === 1, 2n > 1, 1n < 1.5, "2" == 2n, 0n == false, [1n].includes(1), Object.is(0n, -0n));
try { 1n + 1; } catch (e) { console.log("mixed add:", e.name); }
try { +1n; } catch (e) { console.log("unary plus:", e.name); }
try { JSON.stringify({ big: 10n }); } catch (e) { console.log("JSON:", e.name); }
console.log((255n).toString(16), (2n ** 100n).toString(36), String(-0n), `${12n}`, 5n + "", BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n));
console.log(1n << 70n, -1n >> 3n, 5n & 3n, 5n | 3n, 5n ^ 3n, ~5n, [3n, 1n, 2n].sort(), Number(2n ** 60n));
console.log([10n, -5n], { b: 1n }, new Map([[1n, 2n]]), 10n ? "truthy" : "falsy", 0n ? "truthy" : "falsy");
// typeof, Object wrappers and property keys
console.log(typeof Object(1n), Object(1n) + 1n, ({ [10n]: "key" })["10"], 10n.toString(2), BigInt.prototype[Symbol.toStringTag]);
// comparisons with strings and mixed sorting
console.log(10n > "9", "10" < 9n, [3n, 1, 2n, 0.5].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
// big factorial and division/remainder identities
let f = 1n;
for (let i = 1n; i <= 30n; i++) f *= i;
console.log(f, f / 1000000n, f % 1000003n, (f / 7n) * 7n + (f % 7n) === f);
// BigInt64Array if available
console.log(typeof BigInt64Array === "function" ? Array.from(new BigInt64Array([1n, -1n])) : "n/a");
