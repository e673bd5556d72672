// Pins node's line-breaking boundary: the same object or array shape is printed with values of
// growing length, so the exact width at which output switches from one line to several shows up.
for (let n = 10; n <= 15; n++) {
  console.log({ alpha: "a".repeat(n), beta: "b".repeat(n), gamma: "c".repeat(n) });
}
for (let n = 8; n <= 16; n += 2) {
  console.log([["k".repeat(n), 1], ["v".repeat(n), 2], ["w".repeat(n), 3]]);
}
for (let n = 1; n <= 4; n++) {
  console.log({ outer: { inner: "x".repeat(20 * n), n } });
}
for (let depth = 1; depth <= 3; depth++) {
  let v = { leaf: "y".repeat(30) };
  for (let d = 0; d < depth; d++) v = { wrap: v, pad: "z".repeat(10) };
  console.log(v);
}
for (let n = 4; n <= 9; n++) console.log(Array.from({ length: n }, (_, i) => "item" + i));
