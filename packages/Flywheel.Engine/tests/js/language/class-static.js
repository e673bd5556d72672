// Static methods, static fields, static blocks, static accessors.
class Config {
  static defaults = { debug: false };
  static version = "1." + 2;
  static #secret = "hidden";
  static instances = 0;
  static {
    this.initializedInBlock = Config.version + "!";
  }
  constructor() { Config.instances++; }
  static get secretLength() { return Config.#secret.length; }
  static set mode(v) { this._mode = v.toUpperCase(); }
  static get mode() { return this._mode ?? "NONE"; }
  static reveal() { return this.#secret; }
}
new Config(); new Config();
console.log(Config.defaults, Config.version, Config.instances, Config.initializedInBlock);
console.log(Config.secretLength, Config.mode);
Config.mode = "fast";
console.log(Config.mode, Config.reveal());
console.log(Object.keys(Config));
console.log(typeof new Config().reveal);
// static blocks run in order with fields
const order = [];
class Ordered {
  static a = order.push("a");
  static { order.push("block1"); }
  static b = order.push("b");
  static { order.push("block2"); }
}
console.log(order);
// static this in arrow field
class Arrow { static name2 = "arrow"; static get = () => this.name2; }
console.log(Arrow.get());
// static methods are not on instances
class T { static s() { return "s"; } }
console.log(typeof new T().s, T.s());
// 'name' and 'length' can be overridden by static members
class N { static name = "custom"; }
console.log(N.name);
// private static method called through subclass fails
class Base { static #p() { return 1; } static call() { return this.#p(); } }
class Sub extends Base {}
console.log(Base.call());
try { Sub.call(); } catch (e) { console.log("private static via subclass:", e.name); }
