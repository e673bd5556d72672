// Runs a test file under node as a classic *script*, the way Flywheel runs it: top-level `var`
// and function declarations become globalThis properties and top-level `this` is globalThis.
// (`node file.js` would run it as a CommonJS module, wrapped in a function.)
//   node node-script-runner.cjs file.js
"use strict";
const fs = require("fs");
const vm = require("vm");
const file = process.argv[2];
vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
