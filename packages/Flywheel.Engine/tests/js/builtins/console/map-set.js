// Map and Set formatting, including nesting, empty collections, and size-based wrapping.
console.log(new Map());
console.log(new Set());
console.log(new Map([["a", 1], ["b", { c: 2 }]]));
console.log(new Set([1, "two", [3], { four: 4 }]));
console.log(new Map([[{ key: "obj" }, new Set([1])]]));
console.log({ m: new Map([[1, new Map([[2, new Map([[3, "deep"]])]])]]) });
console.log(new Set(Array.from({ length: 30 }, (_, i) => i)));
console.log(new Map(Array.from({ length: 8 }, (_, i) => ["key" + i, i])));
console.log([new Map([["x", 1]]), new Set(["y"])]);
console.log(new Map([[NaN, "nan"], [-0, "zero"], [null, undefined]]));
console.log(new Map([[1, 2]]).entries(), new Set([5]).values(), new Map([["k", "v"]]).keys());
console.log(new WeakMap(), new WeakSet());
