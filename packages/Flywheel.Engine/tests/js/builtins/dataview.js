// DataView (not in the engine-core list, kept apart): explicit endianness, every getter/setter
// width, offsets, and range errors.
const dv = new DataView(new ArrayBuffer(8));
dv.setUint16(0, 0x1234);
dv.setUint16(2, 0x1234, true);
dv.setFloat32(4, 1.5);
console.log(dv.getUint8(0), dv.getUint8(1), dv.getUint8(2), dv.getUint8(3), dv.getFloat32(4), dv.getInt16(0, true), dv.byteLength);
const buf = new ArrayBuffer(16);
const view = new DataView(buf, 2, 12);
view.setInt8(0, -1); view.setUint8(1, 255); view.setInt16(2, -2); view.setUint16(4, 65535, true);
view.setInt32(6, -123456789); view.setUint32(8, 4000000000, true);
console.log(view.byteOffset, view.byteLength, view.getInt8(0), view.getUint8(0), view.getInt16(2), view.getUint16(4, true), view.getInt32(6), view.getUint32(8, true));
console.log(Array.from(new Uint8Array(buf)).join(" "));
const f = new DataView(new ArrayBuffer(8));
f.setFloat64(0, Math.PI);
console.log(f.getFloat64(0), f.getFloat64(0, true) !== Math.PI, f.getUint32(0).toString(16), f.getUint32(4).toString(16));
for (const bad of [() => view.getInt32(10), () => view.setUint8(12, 0), () => new DataView(buf, 17), () => view.getInt8(-1)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.name); }
}
console.log(Object.prototype.toString.call(view), view.buffer === buf, typeof DataView.prototype.getBigInt64);
