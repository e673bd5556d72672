// The mapped arguments object of sloppy functions aliases parameters in both directions until
// the mapping is broken (delete, defineProperty) — tested in hot loops as well.
function alias(a, b) {
  const before = [a, arguments[0]];
  arguments[0] = "via arguments";
  const mid = a;
  a = "via param";
  return [before, mid, arguments[0], b, arguments.length];
}
console.log(alias(1, 2), alias(1));
function unaliasExtra(a) { arguments[1] = "extra"; return [arguments.length, arguments[1]]; }
console.log(unaliasExtra(1));
function breakByDelete(a) { delete arguments[0]; arguments[0] = "new"; return [a, arguments[0]]; }
console.log(breakByDelete("orig"));
function breakByDefine(a) { Object.defineProperty(arguments, "0", { value: "defined", writable: false }); a = "param changed"; return [a, arguments[0]]; }
console.log(breakByDefine("orig"));
function noMappingWithDefaults(a = 0) { a = "changed"; return arguments[0]; }
console.log(noMappingWithDefaults("orig"));
function hot(x) { for (let i = 0; i < 1000; i++) { arguments[0] = i; } return x; }
let s = 0;
for (let k = 0; k < 200; k++) s += hot(k);
console.log(s);
function leak() { return arguments; }
const leaked = leak(1, 2, 3);
leaked[0] = "changed after return";
console.log(Array.from(leaked), leaked.length);
function sliceArgs() { return Array.prototype.slice.call(arguments, 1); }
console.log(sliceArgs(1, 2, 3));
