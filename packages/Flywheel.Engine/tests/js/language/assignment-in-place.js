// Assignments whose operands are locals read in place: the order of reads and writes must stay the spec's.
"use strict";
let a = [1,2,3], i = 0, o = {x: 1};
a[i] = 5; a[i++] = 6; a[i] = i++; console.log(a, i);
let b = a; b[0] = (b = [9]).length; console.log(a, b);
let k = 1; a[k] = (k = 2); console.log(a, k);
o.x = 3; o.y = o.x + 1; console.log(o, (o.z = 7));
let j = 3; j += 4; j *= j; j -= (j = 1); console.log(j);
const c = 1; try { c += 1; } catch (e) { console.log(e.constructor.name); }
let s = "a"; s += 1; console.log(s);
class P { #p = 1; set(v) { return this.#p = v; } get() { return this.#p; } }
const p = new P(); console.log(p.set(5), p.get());
let u; try { u.x = 1; } catch (e) { console.log(e.constructor.name); }
let n = 0; for (let q = 0; q < 10; q += 3) n += q; console.log(n);
