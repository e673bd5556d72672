// console.log of primitives at top level, and several arguments separated by spaces.
console.log(1, -1, 0, -0, 1.5, -1.5e-7, 1e21, NaN, Infinity, -Infinity);
console.log(true, false, null, undefined);
console.log("top-level strings are printed raw", 'with "quotes"', "and 'single'");
console.log("");
console.log();
console.log(Symbol("desc"), Symbol(), Symbol.iterator, Symbol.for("registered"));
console.log(0.1 + 0.2, 2 ** 53, -(2 ** 31), 123456789.123);
console.log([-0], [0], { z: -0 }, [+0, -0, 0 * -1]);
console.log("a", 1, true, null, undefined, "b");
console.log(typeof console.log, typeof console);
console.log("multi\nline\nstring");
console.log("tab\tseparated");
console.log(String(-0), `${-0}`, -0 + "", JSON.stringify(-0));
