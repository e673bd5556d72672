// Calls with many arguments: 255 declared parameters, apply/spread with large arrays,
// arguments.length beyond parameters, and Math.max over thousands of values.
const params = Array.from({ length: 255 }, (_, i) => "p" + i);
const f = new Function(...params, "return [arguments.length, p0, p127, p254, " + params.join("+") + "];");
const args = Array.from({ length: 255 }, (_, i) => i);
console.log(f(...args), f.length);
console.log(f(1, 2).slice(0, 4));
const big = Array.from({ length: 50000 }, (_, i) => (i * 7) % 50001);
console.log(Math.max(...big), Math.min.apply(null, big), big.length);
function count() { return arguments.length; }
console.log(count(...big), count.apply(null, big), Reflect.apply(count, null, big));
function sumRest(...xs) { let s = 0; for (const x of xs) s += x; return s; }
console.log(sumRest(...big));
const bound = count.bind(null, ...Array(100).fill(0));
console.log(bound(...Array(100).fill(1)));
console.log(String.fromCharCode(...Array.from({ length: 1000 }, (_, i) => 97 + (i % 26))).length);
console.log([].concat(...Array.from({ length: 1000 }, (_, i) => [i])).length);
class Many { constructor(...xs) { this.n = xs.length; } }
console.log(new Many(...big.slice(0, 3000)).n);
