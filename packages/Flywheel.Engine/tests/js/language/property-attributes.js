// defineProperty / descriptors: writable, enumerable, configurable semantics and defaults.
const o = {};
Object.defineProperty(o, "fixed", { value: 1 });
console.log(Object.getOwnPropertyDescriptor(o, "fixed"));
o.fixed = 2;
console.log(o.fixed, Object.keys(o), JSON.stringify(o));
try { Object.defineProperty(o, "fixed", { value: 3 }); } catch (e) { console.log("redefine:", e.name); }
console.log(delete o.fixed, o.fixed);
// same value redefinition is allowed
Object.defineProperty(o, "fixed", { value: 1 });
console.log("same value ok");
// writable but not configurable: can change value, can make non-writable, cannot go back
Object.defineProperty(o, "w", { value: 1, writable: true });
Object.defineProperty(o, "w", { value: 2 });
Object.defineProperty(o, "w", { writable: false });
console.log(o.w, Object.getOwnPropertyDescriptor(o, "w").writable);
try { Object.defineProperty(o, "w", { writable: true }); } catch (e) { console.log("re-writable:", e.name); }
// configurable: can change anything
Object.defineProperty(o, "c", { value: 1, configurable: true });
Object.defineProperty(o, "c", { get() { return "now accessor"; } });
console.log(o.c, Object.getOwnPropertyDescriptor(o, "c").set);
// accessor descriptor
let store = 0;
Object.defineProperty(o, "acc", { get() { return store; }, set(v) { store = v * 2; }, enumerable: true });
o.acc = 21;
console.log(o.acc, Object.keys(o));
try { Object.defineProperty({}, "bad", { value: 1, get() {} }); } catch (e) { console.log("mixed descriptor:", e.name); }
try { Object.defineProperty({}, "bad", { get: 5 }); } catch (e) { console.log("non-callable getter:", e.name); }
try { Object.defineProperty(1, "x", {}); } catch (e) { console.log("on primitive:", e.name); }
// defineProperties and ordering
const multi = Object.defineProperties({}, {
  b: { value: "b", enumerable: true },
  a: { value: "a", enumerable: true },
  hidden: { value: "h" },
});
console.log(multi, Object.getOwnPropertyNames(multi));
// getOwnPropertyDescriptors
const src = { v: 1, get g() { return 2; } };
const descs = Object.getOwnPropertyDescriptors(src);
console.log(Object.keys(descs), descs.v.writable, typeof descs.g.get);
// defaults when assigning vs defining
const plain = { p: 1 };
console.log(Object.getOwnPropertyDescriptor(plain, "p"));
// array length attribute
const arr = [1, 2, 3];
console.log(Object.getOwnPropertyDescriptor(arr, "length"));
Object.defineProperty(arr, "length", { writable: false });
arr.push === Array.prototype.push;
try { arr.push(4); } catch (e) { console.log("push to fixed length:", e.name); }
console.log(arr.length);
// propertyIsEnumerable
console.log(o.propertyIsEnumerable("acc"), o.propertyIsEnumerable("fixed"), [].propertyIsEnumerable("length"));
// built-in attribute samples
console.log(Object.getOwnPropertyDescriptor(Math, "PI"));
console.log(Object.getOwnPropertyDescriptor(Array.prototype, "map").enumerable);
console.log(Object.getOwnPropertyDescriptor(function f(a, b) {}, "length"));
console.log(Object.getOwnPropertyDescriptor(function f() {}, "prototype"));
