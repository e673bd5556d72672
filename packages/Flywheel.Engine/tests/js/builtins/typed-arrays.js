// ArrayBuffer and typed arrays: conversions, clamping, views sharing a buffer, methods.
const buf = new ArrayBuffer(16);
console.log(buf.byteLength, Object.prototype.toString.call(buf), ArrayBuffer.isView(buf), ArrayBuffer.isView(new Uint8Array(1)));
const u8 = new Uint8Array(buf), i32 = new Int32Array(buf), f64 = new Float64Array(buf);
i32[0] = -1;
console.log(u8[0], u8[3], u8[4], i32.length, f64.length, u8.length, u8.byteLength, i32.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT);
f64[1] = 1.5;
console.log(Array.from(u8.subarray(8)), i32[2], i32[3]);
// conversions on store
const conv = [0, 1.7, -1.7, 255, 256, -1, 300, 1e10, NaN, Infinity, -Infinity, "12", 2 ** 31, -(2 ** 31) - 1, 0.5, 1.5, 2.5, 254.5, 255.5];
console.log("Uint8       ", Array.from(new Uint8Array(conv)).join(" "));
console.log("Uint8Clamped", Array.from(new Uint8ClampedArray(conv)).join(" "));
console.log("Int32       ", Array.from(new Int32Array(conv)).join(" "));
console.log("Int8        ", Array.from(new Int8Array(conv)).join(" "));
console.log("Uint16      ", Array.from(new Uint16Array(conv)).join(" "));
console.log("Float32     ", Array.from(new Float32Array([0.1, 1e40, -0, 16777217])).join(" "));
console.log("Float64     ", Array.from(new Float64Array(conv.slice(0, 5))).join(" "));
// out of range and non-index writes
const t = new Int32Array(2);
t[5] = 1; t[-1] = 2; t["1.5"] = 3; t.foo = "prop";
console.log(t.length, t[5], t[-1], Object.keys(t), t.foo);
// construction forms
console.log(new Uint8Array(3), new Uint8Array([1, 2, 3]), new Uint8Array(new Set([7, 8])), Int32Array.from([1, 2], x => x * 10), Int32Array.of(4, 5));
console.log(new Uint8Array(buf, 4, 4).length, new Float64Array(buf, 8).length);
try { new Float64Array(buf, 3); } catch (e) { console.log("misaligned:", e.name); }
try { new Uint8Array(-1); } catch (e) { console.log("negative length:", e.name); }
try { Uint8Array(2); } catch (e) { console.log("without new:", e.name); }
// methods
const a = new Int32Array([5, 1, 4, 2, 3]);
console.log(a.slice(1, 3), a.subarray(1, 3).buffer === a.buffer, a.slice(1).buffer === a.buffer);
console.log(a.map(x => x * 2), a.filter(x => x % 2), a.reduce((s, x) => s + x), a.indexOf(4), a.includes(9), a.join("-"), a.at(-1));
console.log(a.sort(), new Float64Array([3, -1, NaN, -0, 0, 2]).sort(), a.reverse(), a.fill(0, 3), a.find(x => x > 3), a.findIndex(x => x === 3));
const target = new Uint8Array(6);
target.set([1, 2, 3], 2);
target.set(new Uint8Array([9]));
console.log(target, [...target.keys()].length, [...target.entries()][2]);
try { target.set([1, 2, 3], 5); } catch (e) { console.log("set overflow:", e.name); }
// shared views see writes
const shared = new ArrayBuffer(8);
const view1 = new Uint8Array(shared), view2 = new Uint16Array(shared);
view2[0] = 0x0102;
console.log(view1[0], view1[1], "(little-endian)");
// slice of ArrayBuffer copies
const copy = shared.slice(0, 2);
new Uint8Array(copy)[0] = 99;
console.log(view1[0], new Uint8Array(copy)[0], copy.byteLength);
// typed arrays are not arrays
console.log(Array.isArray(a), a instanceof Int32Array, Object.getPrototypeOf(Int32Array).name, a.constructor.name, Object.prototype.toString.call(new Uint8ClampedArray()));
// toString and JSON
console.log(String(new Uint8Array([1, 2])), JSON.stringify(Array.from(new Float64Array([0.5, 1e21]))));
