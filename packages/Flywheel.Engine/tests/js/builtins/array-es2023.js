// Change-by-copy methods: toSorted, toReversed, toSpliced, with (do not mutate the receiver).
const a = [3, 1, 2];
console.log(a.toSorted(), a, a.toSorted((x, y) => y - x), a.toReversed(), a);
console.log(a.toSpliced(1, 1), a.toSpliced(0, 0, "new"), a.toSpliced(1), a);
console.log(a.with(0, "zero"), a.with(-1, "last"), a);
try { a.with(3, "x"); } catch (e) { console.log("with out of range:", e.name); }
try { a.with(-4, "x"); } catch (e) { console.log("with negative out of range:", e.name); }
// holes become undefined in copies
const h = [1, , 3];
const copy = h.toReversed();
console.log(copy, 1 in copy, h.toSorted(), h.with(1, 2));
// findLast on sorted copies
console.log([5, 12, 8, 130, 44].toSorted((x, y) => x - y).findLast(x => x < 50));
// on array-likes
console.log(Array.prototype.toReversed.call({ length: 2, 0: "a", 1: "b" }));
// subclass copies are plain arrays
class Sub extends Array {}
const s = Sub.of(2, 1);
console.log(s.toSorted() instanceof Sub, Array.isArray(s.toSorted()));
