// Boolean(): truthiness of every kind of value; wrapper objects.
const vals = [undefined, null, 0, -0, NaN, "", "0", "false", " ", 1, -1, Infinity, [], {}, function () {}, Symbol(), new Boolean(false), 0.0, document => 1];
console.log(vals.map(v => Boolean(v)).join(" "));
console.log(vals.map(v => !!v).join(" "));
console.log(typeof Boolean(1), typeof new Boolean(1), new Boolean(false) == false, new Boolean(false) === false);
console.log(true.toString(), false.toString(), new Boolean(true).valueOf(), Boolean.prototype.valueOf.call(false), String(new Boolean(0)));
try { Boolean.prototype.toString.call("true"); } catch (e) { console.log("toString on string:", e.name); }
console.log(true + true, true * 5, false - 1, true / 2, +true, -false, Object.is(-false, -0));
console.log(true && "yes", false || "no", true == 1, true == "1", true === 1, false == "", false == [], false == null);
console.log([0, 1, "", "a", null].filter(Boolean), Boolean.length, Boolean.name);
console.log(Boolean(new Boolean(false)), Boolean([0]), Boolean(""), Boolean(" ".trim()));
if (new Boolean(false)) console.log("wrapper objects are truthy");
// Boolean() vs !! on objects that convert to primitives: no conversion happens for truthiness
const valueOfFalse = { valueOf() { return false; } };
console.log(Boolean(valueOfFalse), !!valueOfFalse, valueOfFalse == false, valueOfFalse ? "truthy" : "falsy");
// document.all-like objects do not exist outside browsers; typeof checks stay boolean
console.log(typeof true, typeof Boolean.prototype, Boolean.prototype.valueOf(), Object.prototype.toString.call(true));
// logical operators return operands, comparisons return booleans
console.log(typeof (1 && 2), typeof (1 < 2), typeof !1, [1 < 2, 2 < 1, "a" === "a"].map(String).join(","));
// booleans as array indices and object keys
const byBool = { true: "yes", false: "no" };
console.log(byBool[1 > 0], byBool[1 < 0], ["f", "t"][+true], ["f", "t"][Number(false)]);
