// Found by fuzz/Flywheel.Fuzz.JsDiff and fuzz/Flywheel.Fuzz.Engine: an error created inside
// JavaScript called from a runtime helper (valueOf from an operator, a private-name check on a
// primitive) captured its stack from a stale frame pointer and failed with an internal error.
function one() { return 1; }
try { ({ valueOf() { return missingName; } }) % one(); } catch (e) { console.log(e.name); }
try { ({ valueOf() { return missingName; } }) + one(); } catch (e) { console.log(e.name); }
class T { #c = 0; get f() { return 9 .#c; } }
try { new T().f; } catch (e) { console.log(e.name); }
console.log("done");
