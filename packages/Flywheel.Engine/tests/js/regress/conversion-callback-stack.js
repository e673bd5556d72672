// A callback run by a conversion inside an instruction (valueOf under >>, a getter, toString of a key)
// links its frame to the running one, so its stack names the caller. The ReferenceError raised in
// the first case used to crash the engine while capturing the stack (JsDiff finding 1978370677).
function callers(e) { return e.stack.split("\n").slice(1, 3).map(l => l.trim().split(" ")[1].replace(/^Object\./, "")); }
function shift(o) { return o >> 1; }
try { shift({ valueOf() { return missing; } }); } catch (e) { console.log(e.name, e.message, callers(e)); }
function read(o) { return o.p; }
try { read({ get p() { return missing2; } }); } catch (e) { console.log(e.name, e.message, callers(e)); }
function index(o, k) { return o[k]; }
try { index({}, { toString() { return missing3; } }); } catch (e) { console.log(e.name, e.message, callers(e)); }
