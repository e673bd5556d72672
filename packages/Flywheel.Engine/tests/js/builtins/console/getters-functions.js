// Accessor properties print as [Getter], [Setter], [Getter/Setter]; functions and classes by name.
console.log({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {}, d: 4 });
class WithAccessors { get proto() { return 1; } }
console.log(new WithAccessors());
const inst = new WithAccessors();
Object.defineProperty(inst, "own", { get() { return 5; }, enumerable: true });
console.log(inst);
function named() {}
const anon = function () {};
const arrow = () => {};
class A {}
class B extends A {}
console.log(named, arrow, A, B);
console.log([named, anon, arrow, A, B, function () {}, () => {}, class {}]);
console.log({ method() {}, *gen() {}, arrow: () => {}, get acc() { return 1; } });
console.log(Math.max, Array, Object.prototype.hasOwnProperty, [].push);
console.log(named.bind(null), (() => {}).bind(null));
function withProps() {}
withProps.extra = 1;
withProps.nested = { deep: true };
console.log(withProps);
class WithStatic { static count = 3; static helper() {} }
console.log(WithStatic);
const objWithFn = { handler: function handleClick() {} };
console.log(objWithFn);
console.log([function* g() {}, function named2() {}]);
const renamed = function original() {};
Object.defineProperty(renamed, "name", { value: "changed" });
console.log(renamed);
const noName = (() => function () {})();
console.log(noName, typeof noName.name, noName.name === "");
console.log(Symbol, Map, Set, Date, RegExp);
