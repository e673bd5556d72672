// console.log cuts strings nested in values at 10,000 code units, as node does (found by the JsDiff fuzzer).
const long = "ab".repeat(5003);
console.log([long]);
console.log({ x: long, y: "short" });
console.log(["x".repeat(10000)]);
console.log(["y".repeat(10001)].length, long.length);
