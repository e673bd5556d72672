// Symbol-keyed properties are shown after string keys as [Symbol(desc)]: value.
const s1 = Symbol("one"), s2 = Symbol(), s3 = Symbol.for("reg");
console.log({ [s1]: 1, str: "s", [s2]: 2, [s3]: 3 });
console.log({ [Symbol.iterator]: function* () {}, [Symbol.toPrimitive]() { return 1; } });
const arr = [1];
arr[s1] = "on array";
console.log(arr);
const hiddenSym = {};
Object.defineProperty(hiddenSym, s1, { value: "hidden", enumerable: false });
console.log(hiddenSym);
console.log([s1, s2, s3], { values: [Symbol("in array")] });
console.log(new Map([[s1, s2]]));
class WithSym { constructor() { this[Symbol("inst")] = true; this.plain = 1; } }
console.log(new WithSym());
const wellKnown = { [Symbol.toStringTag]: "Tagged" };
console.log(wellKnown);
console.log({ [Symbol.for("a")]: { [Symbol.for("b")]: { [Symbol.for("c")]: { deep: 1 } } } });
const manySyms = {};
for (let i = 0; i < 8; i++) manySyms[Symbol("s" + i)] = i;
console.log(manySyms);
console.log([Symbol("a"), Symbol("b")].map(String), Symbol("desc").toString(), Symbol("x").description);
console.log(Object(Symbol("boxed")), [Object(Symbol.iterator)]);
