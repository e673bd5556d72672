// Error constructors, names, messages, prototype chain, cause, toString; no stacks printed.
const types = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (const T of types) {
  const e = new T("msg");
  const f = T("called");
  console.log(T.name, e.name, e.message, String(e), e instanceof T, e instanceof Error, f instanceof T, f.message, Object.getPrototypeOf(T) === (T === Error ? Function.prototype : Error), T.prototype.name, T.length);
}
const noMsg = new Error();
console.log(JSON.stringify(noMsg.message), String(noMsg), Object.hasOwn(noMsg, "message"), Object.keys(noMsg));
console.log(String(new Error(undefined)), String(new Error(null)), String(new Error(42)), new Error({ toString: () => "obj" }).message);
console.log(Object.getOwnPropertyDescriptor(new Error("x"), "message"));
console.log(typeof new Error("x").stack, "stack" in new Error());
// cause
const withCause = new Error("outer", { cause: "inner reason" });
console.log(withCause.cause, Object.hasOwn(withCause, "cause"), Object.hasOwn(new Error("x", {}), "cause"), new Error("x", { cause: undefined }).cause);
// toString variants
console.log(Error.prototype.toString.call({ name: "Custom", message: "m" }), Error.prototype.toString.call({}), Error.prototype.toString.call({ name: "", message: "only msg" }), Error.prototype.toString.call({ name: "OnlyName", message: "" }));
try { Error.prototype.toString.call(1); } catch (e) { console.log("toString on number:", e.name); }
// custom subclass
class ValidationError extends Error {
  constructor(field, message) { super(message); this.name = "ValidationError"; this.field = field; }
}
const ve = new ValidationError("email", "invalid email");
console.log(ve.name, ve.message, ve.field, String(ve), ve instanceof ValidationError, ve instanceof Error, Object.prototype.toString.call(ve));
class NamedByProto extends Error {}
NamedByProto.prototype.name = "NamedByProto";
console.log(String(new NamedByProto("p")), new NamedByProto().constructor.name);
// AggregateError
const agg = new AggregateError([new Error("a"), new TypeError("b")], "many");
console.log(agg.name, agg.message, agg.errors.length, agg.errors.map(String), agg instanceof Error);
// errors are objects: properties can be added
const e2 = new RangeError("range");
e2.code = "E_RANGE";
console.log(e2.code, Object.keys(e2));
// engine-thrown errors have the right constructor
const thrown = [];
for (const f of [() => undefinedVariable, () => null.prop, () => (1)(), () => new Array(-5), () => JSON.parse("{bad"), () => decodeURI("%E0%A4%A"), () => { "use strict"; undeclared = 1; }, () => [].reduce(() => 0), () => Object.defineProperty(Object.freeze({}), "x", { value: 1 })]) {
  try { f(); } catch (e) { thrown.push(`${e.name}:${e.constructor === globalThis[e.name]}:${typeof e.message}`); }
}
console.log(thrown.join("\n"));
// throwing in a finally replaces the pending error
try { try { throw new Error("first"); } finally { throw new Error("second"); } } catch (e) { console.log(e.message); }
// Error.prototype properties
console.log(Error.prototype.message === "", Error.prototype.name, Object.prototype.toString.call(Error.prototype), TypeError.prototype instanceof Error);
