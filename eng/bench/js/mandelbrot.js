// mandelbrot: renders a size x size bitmap of the Mandelbrot set (50 iterations, escape radius 2)
// into a Uint8Array, 8 pixels per byte; floating point in tight loops. Size: width in pixels.
// quick: 64
// default: 2500
"use strict";
const size = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 2500;

function render(w, h) {
  const bytesPerRow = (w + 7) >> 3;
  const out = new Uint8Array(bytesPerRow * h);
  for (let y = 0; y < h; y++) {
    const ci = (2 * y) / h - 1;
    for (let xb = 0; xb < bytesPerRow; xb++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = xb * 8 + bit;
        let inside = 0;
        if (x < w) {
          const cr = (2 * x) / w - 1.5;
          let zr = 0, zi = 0, tr = 0, ti = 0, i = 0;
          for (; i < 50 && tr + ti <= 4; i++) { zi = 2 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; }
          inside = tr + ti <= 4 ? 1 : 0;
        }
        byte = (byte << 1) | inside;
      }
      out[y * bytesPerRow + xb] = byte;
    }
  }
  return out;
}
const bits = render(size, size);
let count = 0, hash = 2166136261;
for (let i = 0; i < bits.length; i++) {
  let b = bits[i];
  hash = Math.imul(hash ^ b, 16777619);
  while (b) { count += b & 1; b >>= 1; }
}
hash >>>= 0;
// the set covers about 1.5 of the 4 square units rendered
const fraction = count / (size * size);
if (size >= 32 && !(fraction > 0.3 && fraction < 0.45)) throw new Error(`fraction inside ${fraction}`);
const known = { 32: "414 1801469132", 64: "1626 3459489528", 200: "15899 3419197333", 1000: "396940 1573666636", 2000: "1588053 911173900", 2500: "2480929 3329342875" };
if (known[size] !== undefined && known[size] !== `${count} ${hash}`) throw new Error(`mandelbrot(${size}) has ${count} points inside (hash), expected ${known[size]}`);
console.log(`mandelbrot: ok ${count} ${hash}`);
