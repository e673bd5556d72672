// Template literals: interpolation, coercion, multi-line, escapes, nesting.
const name = "world", n = 42;
console.log(`hello ${name}!`);
console.log(`${n} + 1 = ${n + 1}`);
console.log(`${1}${2}${3}`, `${""}`, `${"a"}${"b"}`);
console.log(`${null} ${undefined} ${true} ${[1, 2]} ${{}} ${-0} ${1e21} ${0.1 + 0.2}`);
console.log(`multi
line`);
console.log(`tab\tand\nnewline`.split("\n").length);
console.log(`escape \` backtick and \${not} interpolated`);
console.log(`unicode \u0041 \u{1F600}`.length);
console.log(`nested ${`inner ${n > 40 ? `big ${n}` : "small"}`}`);
console.log(`${[1, 2, 3].map(x => `<${x}>`).join("")}`);
const obj = { toString() { return "TS"; }, valueOf() { return "VO"; } };
console.log(`${obj}`, "" + obj, String(obj));
const sym = Symbol("s");
try { `${sym}`; } catch (e) { console.log("symbol in template:", e.name); }
console.log(`${sym.toString()}`);
console.log(`a${1}b${2}c`.length);
console.log(`line1\
continued`);
console.log(typeof `x`, `x` === "x");
console.log(`\x41\x42`, `\0`.length);
const fn = () => "called";
console.log(`${fn()} ${(() => 1)()}`);
console.log(`${n}`.padStart(5, "0"));
