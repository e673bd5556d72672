// Holes in arrays print as <N empty item(s)>.
console.log([, 1]);
console.log([1, , 3]);
console.log([1, , , , 5]);
console.log(new Array(1), new Array(3), new Array(0));
const a = [];
a[5] = "five";
console.log(a);
a[10] = "ten";
console.log(a);
const b = [1, 2, 3];
delete b[1];
console.log(b);
const c = [];
c.length = 200;
c[150] = "x";
console.log(c);
console.log([, , 1, , , 2, , , 3, , , 4, , , 5]);
console.log([[, 1], { h: [, ,] }]);
