// Rest parameters collect remaining arguments into a real array.
function rest(a, ...more) { return [a, more, Array.isArray(more), more.length]; }
console.log(rest(), rest(1), rest(1, 2, 3));
const arrowRest = (...all) => all.reduce((s, x) => s + x, 0);
console.log(arrowRest(), arrowRest(1, 2, 3, 4));
function restDestructure(...[x, y, ...z]) { return { x, y, z }; }
console.log(restDestructure(1, 2, 3, 4));
function restObj(...{ length }) { return length; }
console.log(restObj("a", "b", "c"));
console.log(rest.length, ((a, b, ...c) => 0).length);
const methods = { m(...xs) { return xs.join("/"); } };
console.log(methods.m("a", "b"));
class Logger { log(level, ...parts) { return `[${level}] ${parts.join(" ")}`; } }
console.log(new Logger().log("info", "hello", "world", 42));
function mutate(...xs) { xs.push("pushed"); return xs; }
console.log(mutate(1));
function sparse(...xs) { return xs.length + ":" + xs.map(x => String(x)).join(","); }
console.log(sparse(undefined, null, 0));
function forward(...xs) { return rest(...xs); }
console.log(forward(9, 8, 7));
