// Doubles whose bit patterns sit near the tags of a NaN-boxed representation must survive being
// stored in variables, arrays, objects, Maps and closures, and compare and print correctly.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function fromBits(hi, lo) { u32[1] = hi >>> 0; u32[0] = lo >>> 0; return f64[0]; }
function bits(x) { f64[0] = x; return u32[1].toString(16).padStart(8, "0") + u32[0].toString(16).padStart(8, "0"); }
const specials = [
  fromBits(0x7ff80000, 0), fromBits(0xfff80000, 0), fromBits(0x7ff00000, 1), fromBits(0xfff00000, 1), fromBits(0x7fffffff, 0xffffffff),
  fromBits(0xffffffff, 0xffffffff), fromBits(0x7ff80000, 0x12345678), fromBits(0xfffe0000, 0), fromBits(0xffff0000, 1),
  fromBits(0x00000000, 1), fromBits(0x000fffff, 0xffffffff), fromBits(0x00010000, 0), fromBits(0x0000ffff, 0xffffffff),
  fromBits(0x7fefffff, 0xffffffff), fromBits(0x80000000, 0), fromBits(0x3ff00000, 0), fromBits(0x41dfffff, 0xffc00000),
  2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 32, 2 ** 48, 2 ** 48 - 1, 2 ** 49, 2 ** 52, 2 ** 53, -(2 ** 53), 1e308, -1e-308, 5e-324,
];
for (const v of specials) {
  const arr = [v], obj = { v }, map = new Map([[1, v]]), cap = (() => () => v)();
  const same = [arr[0], obj.v, map.get(1), cap()].every(x => Object.is(x, v) || (Number.isNaN(x) && Number.isNaN(v)));
  console.log(String(v).padEnd(24), Number.isNaN(v) ? "NaN" : bits(v), same, typeof v, v === v, v + 0 === v, Number.isInteger(v), v | 0, v >>> 0);
}
// NaNs with payloads stay NaN through arithmetic and are all equal under SameValueZero
const nans = specials.filter(Number.isNaN);
console.log(nans.length, nans.every(n => n !== n), new Set(nans).size, nans.map(n => n * 0).every(Number.isNaN), [1, 2].includes(nans[3]), nans.includes(NaN));
// round-trip through typed arrays keeps numeric value
const store = new Float64Array(specials);
console.log(specials.every((v, i) => Object.is(store[i], v) || (Number.isNaN(v) && Number.isNaN(store[i]))));
// int32 boundaries in arithmetic
const ints = [0x3fffffff, 0x40000000, 0x7fffffff, -0x80000000, -0x7fffffff];
console.log(ints.map(i => [i + 1, i - 1, i * 2, -i, i / 2, i % 7].join(",")).join(" | "));
// -0 survives storage
const z = [-0];
const zo = { z: -0 };
console.log(Object.is(z[0], -0), Object.is(zo.z, -0), Object.is(new Map([[1, -0]]).get(1), -0), Object.is([-0].map(x => x)[0], -0), Object.is(JSON.parse("[-0]")[0], -0));
