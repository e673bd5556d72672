// Arrays: short arrays on one line, >6 numeric items grouped in columns, long arrays wrapped,
// more than 100 items truncated, nesting depth limit, mixed content.
console.log([]);
console.log([1, 2, 3]);
console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
console.log(Array.from({ length: 30 }, (_, i) => i * 1000));
console.log(Array.from({ length: 101 }, (_, i) => i));
console.log(Array.from({ length: 150 }, (_, i) => i % 7));
console.log(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]);
console.log(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "honeydew", "kiwi", "lemon", "mango", "nectarine", "orange"]);
console.log([1.5, -2.25, 3, 1000000, -0, NaN, 7, 8]);
console.log([true, false, null, undefined, 1, "s", Symbol("x")]);
console.log([[1, 2], [3, 4], [5, 6]]);
console.log([[[[1]]]], [[[["too deep"]]]]);
console.log([{ a: 1 }, { b: { c: { d: 1 } } }]);
console.log(Array.from({ length: 8 }, (_, i) => ({ id: i })));
console.log(Array.from({ length: 10 }, (_, i) => "item" + i));
console.log(Array.from({ length: 7 }, (_, i) => [i, i * i]));
console.log([1, "two", 3, "four", 5, "six", 7, "eight", 9, "ten"]);
const withProps = [1, 2];
withProps.extra = "prop";
withProps[-1] = "neg";
console.log(withProps);
console.log(new Array(5).fill("x"), Array(3).fill([]));
console.log([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
console.log(["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii", "jjjjjjjjjj", "kkkkkkkkkkk", "llllllllllll"]);
console.log([123456789, 1, 22, 333, 4444, 55555, 666666, 7777777]);
