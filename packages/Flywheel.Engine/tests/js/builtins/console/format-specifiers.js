// console.log with a format string: %s %d %i %f %j %o %O %c %%.
console.log("%s is %d years", "Ann", 42);
console.log("%i and %f", 42.9, "3.5");
console.log("%d", "abc", "extra", 1);
console.log("%s", { a: 1 }, [1, 2]);
console.log("%s %s", "only one");
console.log("100%% sure", "x");
console.log("%j", { json: true });
console.log("%c styled", "color: red");
console.log("%O", { deep: { deeper: { deepest: {} } } });
console.log("no specifiers", "%s", 5);
console.log(5, "%s", "not a format because first arg is not a string");
console.log("%s", Symbol("s"), "%d", -0);
console.log("%d", -0, "%i", -0.5);
console.log("%s", null, undefined, "%s");
console.log("%x unknown", 1);
console.log("%s:%s", "a");
console.log("%s", "a", "b", { c: 1 });
console.log("%d%%", 50);
