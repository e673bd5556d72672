// == and === across type pairs (abstract equality algorithm), Object.is.
const values = [undefined, null, true, false, 0, -0, 1, NaN, "", "0", "1", " 1 ", "true", [], [0], [1], ["1"], {}, "[object Object]", Infinity, "Infinity", 10];
const names = ["undefined", "null", "true", "false", "0", "-0", "1", "NaN", '""', '"0"', '"1"', '" 1 "', '"true"', "[]", "[0]", "[1]", '["1"]', "{}", '"[object Object]"', "Infinity", '"Infinity"', "10"];
for (let i = 0; i < values.length; i++) {
  const loose = [], strict = [];
  for (let j = 0; j < values.length; j++) {
    if (values[i] == values[j]) loose.push(names[j]);
    if (values[i] === values[j]) strict.push(names[j]);
  }
  console.log(`${names[i]} == [${loose.join(" ")}] === [${strict.join(" ")}]`);
}
const o = {};
console.log(o == o, o === o, {} == {}, [] == [], o == "[object Object]");
console.log(null == 0, null >= 0, undefined == 0, null == false, undefined == null);
console.log(NaN == NaN, NaN != NaN, NaN !== NaN);
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), 0 === -0);
const withValueOf = { valueOf() { return 42; } };
const withToString = { toString() { return "hi"; } };
console.log(withValueOf == 42, withValueOf == "42", withToString == "hi", withValueOf === 42);
const sym = Symbol("s");
console.log(sym == sym, sym == Object(sym), sym === Object(sym), Symbol("s") == Symbol("s"));
console.log(new String("a") == "a", new String("a") == new String("a"), new Number(1) == 1);
console.log("\n1\t" == 1, "0x10" == 16, "1e2" == 100, "" == 0, " " == 0, "\n" == false);
console.log([1, 2] == "1,2", [[]] == 0, [null] == "", [undefined] == 0);
