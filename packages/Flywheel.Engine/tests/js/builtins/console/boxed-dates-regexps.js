// Boxed primitives, Dates (ISO form), RegExps, null-prototype objects, arguments, typed arrays.
console.log(new String("boxed"), new Number(42), new Boolean(false), Object(Symbol("s")), new Number(-0));
const withProp = new String("ab");
withProp.extra = 1;
console.log(withProp);
console.log(new Date(0), [new Date(Date.UTC(2020, 1, 3, 4, 5, 6, 7))], { when: new Date(86400000) });
console.log(new Date(NaN), [new Date(NaN)]);
console.log(/abc/gi, [/x\/y/], { re: new RegExp("a+b", "y") }, new RegExp(""));
const reProp = /r/;
reProp.extra = "prop";
console.log(reProp);
console.log((function () { return arguments; })(1, "two"));
console.log(new Uint8Array([1, 2, 3]), new Float64Array(2), new Int32Array(0), [new Uint8ClampedArray(1)]);
console.log(new Uint8Array(30));
console.log([Object.create(null), Object.assign(Object.create(null), { x: 1 })]);
console.log(Object(5), Object("str"));
console.log(globalThis === undefined ? "" : Math, JSON);
console.log([undefined, null].map(v => Object(v)));
