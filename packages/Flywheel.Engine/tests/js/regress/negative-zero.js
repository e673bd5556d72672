// -0 must be preserved (or produced) exactly where the spec says, including in fast paths.
const show = v => (Object.is(v, -0) ? "-0" : String(v));
const cases = {
  "0 * -1": 0 * -1, "-0 + 0": -0 + 0, "-0 - 0": -0 - 0, "0 - 0": 0 - 0, "-0 * -0": -0 * -0, "-1 / Infinity": -1 / Infinity,
  "Math.round(-0.4)": Math.round(-0.4), "Math.round(-0.5)": Math.round(-0.5), "Math.round(-0.6)": Math.round(-0.6), "Math.ceil(-0.5)": Math.ceil(-0.5),
  "Math.floor(-0)": Math.floor(-0), "Math.trunc(-0.9)": Math.trunc(-0.9), "Math.sign(-0)": Math.sign(-0), "Math.min(0, -0)": Math.min(0, -0),
  "Math.max(-0, 0)": Math.max(-0, 0), "Math.abs(-0)": Math.abs(-0), "Math.sqrt(-0)": Math.sqrt(-0), "-0 % 5": -0 % 5, "-5 % 5": -5 % 5,
  "5 % -5": 5 % -5, "-0 | 0": -0 | 0, "~~-0": ~~-0, "-0 >> 0": -0 >> 0, "parseFloat('-0')": parseFloat("-0"), "Number('-0')": Number("-0"),
  "-'0'": -"0", "+'-0'": +"-0", "JSON.parse('-0')": JSON.parse("-0"), "[-0].indexOf(0)": [-0].indexOf(0), "Math.atan2(-0, 1)": Math.atan2(-0, 1),
  "(-0).toFixed(1)": (-0).toFixed(1), "String(-0)": String(-0), "(-0).toString()": (-0).toString(), "`${-0}`": `${-0}`, "-0 + ''": -0 + "",
  "Math.pow(-0, 3)": Math.pow(-0, 3), "(-0) ** 2": (-0) ** 2, "1 / -0": 1 / -0, "-0 < 0": -0 < 0, "-0 === 0": -0 === 0,
};
for (const [k, v] of Object.entries(cases)) console.log(k.padEnd(20), show(v));
// -0 in collections
const m = new Map([[-0, "minus zero key"]]);
console.log(m.has(0), show([...m.keys()][0]), new Set([-0, 0]).size, show([...new Set([-0])][0]), [0].includes(-0), Object.is([-0].at(0), -0));
// -0 as property key is "0"
const o = {};
o[-0] = "x";
console.log(Object.keys(o), o[0]);
// functions that may return -0 from int fast paths
function mulBy(x, k) { return x * k; }
const outs = [];
for (let i = 0; i < 5; i++) outs.push(show(mulBy(i - 2, 0)), show(mulBy(0, i - 2)));
console.log(outs.join(" "));
function negate(x) { return -x; }
console.log([0, 1, -0, 2].map(negate).map(show).join(" "));
// sorting and comparing zeros
console.log([0, -0, 0, -0].sort((a, b) => a - b).map(show).join(" "), [-0, 0].sort().map(show).join(" "));
// typed arrays store -0 as float only
console.log(show(new Float64Array([-0])[0]), show(new Float32Array([-0])[0]), show(new Int32Array([-0])[0]));
