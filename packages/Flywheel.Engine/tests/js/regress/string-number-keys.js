// Property keys that look like numbers: canonical numeric strings are array indices / integer
// keys, non-canonical ones ("01", "1.0", "-0", "+1") are plain string keys.
const o = {};
o[1] = "number 1"; o["01"] = "string 01"; o[1.0] = "number 1.0"; o["1.0"] = "string 1.0"; o[-0] = "minus zero"; o["-0"] = "string -0"; o["+1"] = "plus one"; o[1e21] = "1e21"; o[0.5] = "half"; o[NaN] = "nan"; o[Infinity] = "inf";
console.log(Object.keys(o));
console.log(o["1"], o[0], o["0"], o[1e21], o["1e+21"], o.NaN, o[0.5], o["0.5"]);
const a = [];
a["2"] = "two"; a["02"] = "zero two"; a[1.5] = "one and a half"; a[4294967294] = "max index"; a["4294967295"] = "not an index";
console.log(a.length, Object.keys(a));
const m = new Map([[1, "number"], ["1", "string"]]);
console.log(m.get(1), m.get("1"), m.size, new Set([1, "1", 1.0]).size);
const str = "abc";
console.log(str[1], str["1"], str["01"], str[1.0], str["-0"], str[-0]);
const ta = new Uint8Array(3);
ta["1"] = 7; ta["01"] = 9; ta[1.5] = 9; ta["-0"] = 9;
console.log(Array.from(ta), Object.keys(ta), ta["01"], ta["-0"]);
const counts = {};
for (const k of [1, "1", 1.0, "1.0", 10 / 10, "01"]) counts[k] = (counts[k] || 0) + 1;
console.log(counts);
