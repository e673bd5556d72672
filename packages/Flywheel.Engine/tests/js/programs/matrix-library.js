// A small matrix library: immutable Matrix class, static constructors, multiplication,
// transpose, determinant and inverse by Gaussian elimination with exact rational arithmetic.
const gcd = (a, b) => { a = Math.abs(a); b = Math.abs(b); while (b) [a, b] = [b, a % b]; return a; };
class Fraction {
  constructor(n, d = 1) {
    if (d === 0) throw new RangeError("division by zero");
    if (d < 0) { n = -n; d = -d; }
    const g = gcd(n, d) || 1;
    this.n = n / g; this.d = d / g;
    Object.freeze(this);
  }
  static from(x) { return x instanceof Fraction ? x : new Fraction(x); }
  add(o) { o = Fraction.from(o); return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
  sub(o) { o = Fraction.from(o); return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
  mul(o) { o = Fraction.from(o); return new Fraction(this.n * o.n, this.d * o.d); }
  div(o) { o = Fraction.from(o); return new Fraction(this.n * o.d, this.d * o.n); }
  isZero() { return this.n === 0; }
  equals(o) { o = Fraction.from(o); return this.n === o.n && this.d === o.d; }
  toString() { return this.d === 1 ? String(this.n) : `${this.n}/${this.d}`; }
}
class Matrix {
  #rows;
  constructor(rows) {
    if (!rows.length || rows.some(r => r.length !== rows[0].length)) throw new TypeError("ragged matrix");
    this.#rows = rows.map(r => r.map(Fraction.from));
  }
  static identity(n) { return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))); }
  static of(...rows) { return new Matrix(rows); }
  get rows() { return this.#rows.length; }
  get cols() { return this.#rows[0].length; }
  at(i, j) { return this.#rows[i][j]; }
  map(f) { return new Matrix(this.#rows.map((r, i) => r.map((v, j) => f(v, i, j)))); }
  transpose() { return new Matrix(Array.from({ length: this.cols }, (_, j) => Array.from({ length: this.rows }, (_, i) => this.at(i, j)))); }
  add(o) { return this.map((v, i, j) => v.add(o.at(i, j))); }
  scale(k) { return this.map(v => v.mul(k)); }
  mul(o) {
    if (this.cols !== o.rows) throw new RangeError(`cannot multiply ${this.rows}x${this.cols} by ${o.rows}x${o.cols}`);
    return new Matrix(Array.from({ length: this.rows }, (_, i) => Array.from({ length: o.cols }, (_, j) => {
      let s = new Fraction(0);
      for (let k = 0; k < this.cols; k++) s = s.add(this.at(i, k).mul(o.at(k, j)));
      return s;
    })));
  }
  #eliminate(augment) {
    const n = this.rows;
    const a = this.#rows.map((r, i) => [...r, ...(augment ? augment.#rows[i] : [])]);
    let det = new Fraction(1);
    for (let c = 0; c < n; c++) {
      let p = c;
      while (p < n && a[p][c].isZero()) p++;
      if (p === n) return { det: new Fraction(0), a: null };
      if (p !== c) { [a[p], a[c]] = [a[c], a[p]]; det = det.mul(-1); }
      const pivot = a[c][c];
      det = det.mul(pivot);
      a[c] = a[c].map(v => v.div(pivot));
      for (let r = 0; r < n; r++) {
        if (r === c || a[r][c].isZero()) continue;
        const f = a[r][c];
        a[r] = a[r].map((v, k) => v.sub(f.mul(a[c][k])));
      }
    }
    return { det, a };
  }
  determinant() { if (this.rows !== this.cols) throw new RangeError("not square"); return this.#eliminate(null).det; }
  inverse() {
    const { a } = this.#eliminate(Matrix.identity(this.rows));
    if (!a) throw new RangeError("singular matrix");
    return new Matrix(a.map(r => r.slice(this.rows)));
  }
  equals(o) { return this.rows === o.rows && this.cols === o.cols && this.#rows.every((r, i) => r.every((v, j) => v.equals(o.at(i, j)))); }
  toString() {
    const cells = this.#rows.map(r => r.map(String));
    const w = Math.max(...cells.flat().map(s => s.length));
    return cells.map(r => "| " + r.map(s => s.padStart(w)).join(" ") + " |").join("\n");
  }
}
const A = Matrix.of([2, 1, 1], [1, 3, 2], [1, 0, 0]);
const B = Matrix.of([1, 2], [3, 4], [5, 6]);
console.log(String(A));
console.log(String(A.transpose()));
console.log(String(A.mul(B)));
console.log("det A =", String(A.determinant()));
const Ai = A.inverse();
console.log(String(Ai));
console.log("A * A^-1 == I:", A.mul(Ai).equals(Matrix.identity(3)), "A^-1 * A == I:", Ai.mul(A).equals(Matrix.identity(3)));
const H = new Matrix(Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => new Fraction(1, i + j + 1))));
console.log("Hilbert det =", String(H.determinant()));
console.log(String(H.inverse()));
console.log(String(A.add(A).scale(new Fraction(1, 2)).equals(A)), String(B.scale(new Fraction(-1, 3))));
for (const bad of [() => A.mul(A.transpose().mul(B).transpose()), () => Matrix.of([1, 2], [2, 4]).inverse(), () => Matrix.of([1, 2], [3]), () => B.determinant(), () => new Fraction(1, 0)]) {
  try { console.log(String(bad())); } catch (e) { console.log(`${e.name}: ${e.message}`); }
}
// powers by repeated squaring: Fibonacci via [[1,1],[1,0]]^n
function pow(m, n) { let r = Matrix.identity(m.rows); while (n > 0) { if (n & 1) r = r.mul(m); m = m.mul(m); n >>= 1; } return r; }
const F = Matrix.of([1, 1], [1, 0]);
console.log([1, 2, 5, 10, 20, 40, 70].map(n => String(pow(F, n).at(0, 1))).join(" "));
