// Compound assignment and update on every kind of reference: the reference (object and key) is
// evaluated once, getters/setters are called exactly once each, and values are coerced properly.
const trace = [];
const obj = {
  _v: 1,
  get v() { trace.push("get"); return this._v; },
  set v(x) { trace.push("set " + x); this._v = x; },
};
const keyFn = () => { trace.push("key"); return "v"; };
const objFn = () => { trace.push("obj"); return obj; };
objFn()[keyFn()] += 10;
objFn()[keyFn()]++;
++objFn()[keyFn()];
objFn()[keyFn()] **= 2;
objFn()[keyFn()] ??= 99;
objFn()[keyFn()] ||= 99;
objFn()[keyFn()] &&= 7;
console.log(trace.join(" | "));
console.log(obj._v);
// postfix returns the old value converted to number
let s = "5";
const old = s++;
console.log(typeof old, old, s);
let obj2 = { n: "10" };
console.log(obj2.n--, obj2.n, typeof obj2.n);
// compound assignment with string and number
let str = "a";
str += 1; str += null; str += undefined; str += [2, 3]; str += { toString: () => "!" };
console.log(str);
let num = 10;
num -= "3"; num *= "2"; num /= "7"; num %= "3"; num **= "3"; num <<= "2"; num >>= "1"; num |= "8";
console.log(num);
// assignment to array elements via computed numeric strings
const arr = [1, 2, 3];
arr["1"] += 10; arr[2.0] *= 3; arr["0x0"] = "hex key is not an index";
console.log(arr, Object.keys(arr));
// assignment expression value is the right-hand side, not the stored value
const frozen = Object.freeze({ p: 1 });
const result = (frozen.p = 42);
console.log(result, frozen.p);
const arrayLen = [];
console.log((arrayLen.length = 3), arrayLen.length, (arrayLen.length = "2"), arrayLen.length);
// chained assignment with property targets evaluates left to right
const order = [];
const t = name => { order.push(name); return {}; };
const x = {};
x.a = x.b = x.c = (order.push("value"), 5);
console.log(x, order);
// destructuring assignment returns the right-hand side
let p, q;
const rhs = [1, 2];
console.log(([p, q] = rhs) === rhs, p, q);
// increment on undefined property and on null
const u = {};
u.missing++;
console.log(u.missing);
let nul = null;
nul++;
console.log(nul);
