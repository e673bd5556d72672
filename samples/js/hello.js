// ./flywheel samples/js/hello.js
class Greeter {
  #name;
  constructor(name) { this.#name = name; }
  greet() { return `Hello, ${this.#name}!`; }
}

const fib = n => (n < 2 ? n : fib(n - 1) + fib(n - 2));
console.log(new Greeter("Flywheel").greet());
console.log([1, 2, 3, 4, 5].map(fib));
console.log({ primes: [2, 3, 5, 7].filter(p => p > 2), sum: [1, 2, 3].reduce((a, b) => a + b, 0) });
