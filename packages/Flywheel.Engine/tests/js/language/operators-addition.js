// The + operator: string concatenation vs numeric addition, ToPrimitive with hints.
console.log(1 + 2, "1" + 2, 1 + "2", 1 + 2 + "3", "1" + 2 + 3, 1 + (2 + "3"));
console.log(true + 1, true + "1", null + 1, undefined + 1, null + "x", undefined + "x");
console.log([] + [], [] + {}, ({}) + [], [1] + [2], [1, 2] + 3, {} + 1);
console.log(typeof ([] + []), typeof (1 + null));
console.log(-0 + 0, -0 + -0, Object.is(-0 + -0, -0), "" + -0, `${-0}`, String(-0), [-0] + "");
const date = new Date(0);
console.log(typeof (date + 1), typeof (date - 1), date - 0);
const both = { valueOf() { return 7; }, toString() { return "str"; } };
console.log(both + 1, both + "", `${both}`, String(both), both * 1, [both] + "");
const onlyToString = { toString() { return "8"; } };
console.log(onlyToString + 1, onlyToString * 2, onlyToString - "1");
const badPrim = { valueOf() { return {}; }, toString() { return {}; } };
try { badPrim + 1; } catch (e) { console.log("no primitive:", e.name); }
const prim = {
  [Symbol.toPrimitive](hint) { return hint === "number" ? 42 : hint === "string" ? "forty-two" : "default"; },
};
console.log(prim + 1, +prim, `${prim}`, prim * 1, String(prim), prim + "", prim == "default");
try { Symbol("x") + ""; } catch (e) { console.log("symbol concat:", e.name); }
try { Symbol("x") + 1; } catch (e) { console.log("symbol add:", e.name); }
console.log(1 + 1e21, "" + 1e21, "" + 1e-7, "" + 123456789012345680000, "" + 0.000001);
let acc = "";
for (let i = 0; i < 5; i++) acc += i;
console.log(acc, acc.length);
let n = 1;
n += "1";
console.log(n, typeof n);
console.log("3" - "1", "3" * "4", "10" / "4", "7" % "4", "2" ** "3", "a" - 1);
console.log(+"", +" ", +"\n", +"0x1F", +"0b101", +"0o17", +"1e3", +"  12  ", +"1_000", +"12px", +"Infinity", +"-Infinity", +"infinity");
console.log(+[], +[5], +[1, 2], +{}, +null, +undefined, +true, +"  -0 ", Object.is(+"-0", -0));
