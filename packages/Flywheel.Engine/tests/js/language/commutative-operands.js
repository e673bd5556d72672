// A number-valued left side of *, &, |, ^, ===, !== with a local on the right: conversions keep their order.
let log = [];
const a = { valueOf() { log.push("a"); return 3; } };
let x = { valueOf() { log.push("x"); return 5; } };
let y = 2;
console.log((a - 1) * x, log.join());
log = [];
console.log(-a * x, ~a & x, (y++) * y, (y = 10) * y, 2 * y === y * 2, 7 !== y, log.join());
let s = "3"; console.log(2 * s, 1 | s, (s - 0) === s, 4 * -0, -0 * 4, Object.is(-0 * 4, 4 * -0));
