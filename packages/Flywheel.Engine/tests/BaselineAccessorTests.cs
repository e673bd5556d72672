using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Getters and setters that baseline code calls itself for a <c>GetNamed</c> or <c>SetNamed</c> whose
/// inline cache holds the accessor (FrameFlags.Accessor frames): every observable part of the
/// interpreter's nested call must stay the same (receiver, result and the assigned value in the
/// accumulator, stack traces, exceptions unwinding to the right handler, the native nesting limit,
/// statement budgets with and without GC stress), and the calls must actually stay in machine code.
/// </summary>
public class BaselineAccessorTests
{
    [Fact]
    public void PrototypeGettersAndSettersAreCalledFromMachineCode()
    {
        const string source = """
            (function () {
              class Base { constructor(v) { this._v = v; } get v() { return this._v; } set v(x) { this._v = x | 0; } }
              // Another own property: instances of both classes sharing a shape would share the entry
              // (whose record is for one prototype) and miss all the time, in both tiers.
              class Derived extends Base { constructor(v) { super(v); this.extra = 0; } get twice() { return this.v * 2; } }
              const objects = [new Base(1), new Derived(2)];
              let sum = 0;
              for (let i = 0; i < 20000; i++) {
                const o = objects[i & 1];
                sum += o.v;
                const assigned = (o.v = i + 0.5);
                sum += assigned;
                if (o instanceof Derived) sum += o.twice;
              }
              console.log(sum, objects[0].v, objects[1].twice);
            })();
            """;
        var statistics = TierComparison.AssertSameInBothTiers(source, gcStress: true);
        // 40,000 getter and 20,000 setter calls, and their returns, used to leave machine code.
        foreach (var op in new[] { "GetNamed", "SetNamed" })
            Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault(op) + statistics.BaselineExits.GetValueOrDefault(op) <= 200,
                $"{op}: {statistics.BaselineSlowPaths.GetValueOrDefault(op)} slow paths, {statistics.BaselineExits.GetValueOrDefault(op)} exits");
        Assert.True(statistics.BaselineExits.GetValueOrDefault("Return") <= 200, $"Return exits: {statistics.BaselineExits.GetValueOrDefault("Return")}");
    }

    [Fact]
    public void ASetterLeavesTheAssignedValueNotItsResult()
    {
        TierComparison.AssertSameInBothTiers("""
            (function () {
              "use strict";
              class C { set x(v) { this.seen = v; v = 42; arguments[0] = 43; return "ignored"; } get x() { return this.seen; } }
              const c = new C();
              const results = [];
              for (let i = 0; i < 50; i++) results.push(c.x = i * 3, c.x);
              let chained; chained = c.x = "s";
              console.log(results.join(","), chained, c.x);
            })();
            (function () {
              class D { set y(v) { arguments[0] = "mapped"; this.got = arguments.length + ":" + v; } }
              const d = new D();
              let r;
              for (let i = 0; i < 50; i++) r = (d.y = i);
              console.log(r, d.got);
            })();
            """, gcStress: true);
    }

    [Fact]
    public void ThrowingAccessorsUnwindToTheRightHandlerWithTheSameStack()
    {
        TierComparison.AssertSameInBothTiers("""
            (function () {
              class T {
                constructor() { this.n = 0; }
                get bad() { this.n++; if (this.n % 3 === 0) throw new Error("getter " + this.n); return this.n; }
                set bad(v) { if (v % 4 === 0) throw new TypeError("setter " + v); this.n = v; }
                get stack() { return new Error("here").stack; }
              }
              const t = new T();
              let caught = 0, sum = 0, lastStack = "";
              for (let i = 0; i < 60; i++) {
                try { sum += t.bad; } catch (e) { caught++; lastStack = e.stack; }
                try { t.bad = i; } catch (e) { caught += 100; }
                try { sum += (() => t.bad)(); } catch (e) { caught += 10000; }
              }
              console.log(caught, sum, t.n);
              console.log(lastStack);
              console.log(t.stack);
              function viaCall() { return t.stack; }
              console.log(viaCall());
            })();
            """, gcStress: true);
    }

    [Fact]
    public void RecursiveAccessorsHitTheSameLimits()
    {
        // A getter that reads itself nests calls until the interpreter's native nesting limit (or, with
        // a small depth limit, the frame depth limit): both tiers fail at the same depth.
        const string source = """
            (function () {
              class R {
                constructor() { this.n = 0; }
                get deep() { this.n++; return this.deep; }
                set deep(v) { this.n++; this.deep = v; }
                get viaFunction() { this.n++; return read(this); }
              }
              function read(o) { return o.viaFunction; }
              const r = new R();
              for (let k = 0; k < 3; k++) {
                for (const f of [() => r.deep, () => { r.deep = 1; }, () => read(r)]) {
                  r.n = 0;
                  try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message, r.n); }
                }
              }
              class Normal { get x() { return 1; } }
              const n = new Normal();
              let s = 0;
              for (let i = 0; i < 100; i++) s += n.x;
              console.log(s);
            })();
            """;
        TierComparison.AssertSameInBothTiers(source, gcStress: true);
        string Run(TieringMode mode)
        {
            var output = new StringWriter { NewLine = "\n" };
            var options = new JsEngineOptions { Output = output };
            options.Jit.Mode = mode;
            options.Limits.MaxCallDepth = 150;
            using var engine = new JsEngine(options);
            engine.Execute(source);
            return output.ToString();
        }
        Assert.Equal(Run(TieringMode.Interpreter), Run(TieringMode.Baseline));
    }

    [Fact]
    public void AccessorsSeeTheirReceiverArgumentsAndNoNewTarget()
    {
        TierComparison.AssertSameInBothTiers("""
            function Sloppy() {}
            Object.defineProperty(Sloppy.prototype, "who", {
              get: function () { return typeof this + ":" + (this instanceof Sloppy) + ":" + arguments.length + ":" + String(new.target); },
              set: function (v) { this.log = typeof this + ":" + arguments.length + ":" + arguments[0] + ":" + String(new.target); },
            });
            class Strict { get who() { "use strict"; return [this === s, arguments.length, new.target].join(); } }
            const o = new Sloppy(), s = new Strict();
            let out = [];
            for (let i = 0; i < 40; i++) { out.push(o.who, s.who); o.who = i; }
            console.log(out.slice(-2).join(" | "), o.log);
            """, gcStress: true);
    }

    [Fact]
    public void AccessorsRedefinedAfterTheCacheWarmedUp()
    {
        TierComparison.AssertSameInBothTiers("""
            (function () {
              class P { get v() { return 1; } set w(x) { this.last = x; } }
              const objects = [new P(), new P(), Object.create(P.prototype)];
              let total = 0, log = [];
              for (let i = 0; i < 400; i++) {
                const o = objects[i % 3];
                total += o.v;
                o.w = i;
                if (i === 100) Object.defineProperty(P.prototype, "v", { get() { return 10; }, configurable: true });
                if (i === 150) Object.defineProperty(P.prototype, "v", { value: 100, configurable: true });
                if (i === 200) Object.defineProperty(P.prototype, "v", { get: () => 1000, configurable: true });
                if (i === 250) Object.defineProperty(P.prototype, "w", { set: undefined, configurable: true });
                if (i === 300) { Object.defineProperty(objects[0], "v", { value: -1 }); Object.setPrototypeOf(objects[1], { get v() { return 7; } }); }
                if (i === 350) Object.defineProperty(P.prototype, "w", { set(x) { log.push(x); }, configurable: true });
                log.push(o.last);
              }
              console.log(total, log.length, log.slice(-8).join());
            })();
            (function () {
              // Native and bound getters, generators and async functions as accessors: not called from machine code.
              const target = { get x() { return this.k; }, k: 5 };
              const holder = {};
              Object.defineProperty(holder, "n", { get: Object.prototype.valueOf });
              Object.defineProperty(holder, "b", { get: function () { return this === target; }.bind(target) });
              Object.defineProperty(holder, "g", { get: function* () { yield 1; } });
              const child = Object.create(holder);
              let out = [];
              for (let i = 0; i < 30; i++) out = [child.n === child, child.b, typeof child.g.next];
              console.log(out.join());
            })();
            """, gcStress: true);
    }

    [Fact]
    public void SuperAndInheritedAccessorsAcrossClassChains()
    {
        TierComparison.AssertSameInBothTiers("""
            (function () {
              class A { constructor() { this.a = 1; } get val() { return this.a; } set val(v) { this.a = v; } }
              class B extends A { get val() { return super.val * 10; } set val(v) { super.val = v + 1; } }
              class C extends B { get more() { return this.val + 1; } }
              const c = new C();
              let s = 0;
              for (let i = 0; i < 500; i++) { c.val = i; s += c.val + c.more; }
              console.log(s, c.a);
            })();
            """, gcStress: true);
    }

    [Fact]
    public void LengthIsCachedForOrdinaryObjectsOnly()
    {
        // Every object starts from the same root shape, so an array, a string wrapper or a function can
        // have an ordinary object's shape: their exotic or own "length" must never come from an entry
        // made for an ordinary object (or from a prototype walk past an array or string wrapper).
        const string source = """
            (function () {
              class V { constructor(x) { this.x = x; } get length() { return this.x * 2; } }
              const objects = [[1, 2, 3], "abcd", new String("xyz"), new Uint8Array(5), function (a, b) {}, { length: 7 }, new V(4),
                Object.create([1, 2]), Object.create(new String("hello")), Object.create(function (a) {}), Object.create(new V(10)),
                Object.create(Object.create([9])), (function () { return arguments; })(1, 2, 3)];
              const out = [];
              function len(o) { return o.length; }
              for (let i = 0; i < 300; i++) out.push(len(objects[i % objects.length]));
              const vectors = [new V(1), new V(2)];
              let sum = 0;
              for (let i = 0; i < 5000; i++) sum += vectors[i & 1].length;
              const array = [1, 2]; array.x = 5; Object.setPrototypeOf(array, V.prototype);
              const plain = { x: 5 }; Object.setPrototypeOf(plain, V.prototype);
              for (let i = 0; i < 50; i++) out.push(len(plain), len(array));
              Object.getPrototypeOf(objects[7]).push(3);
              out.push(len(objects[7]), sum);
              console.log(out.join(","));
            })();
            """;
        var statistics = TierComparison.AssertSameInBothTiers(source, gcStress: true);
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed") <= 1000, $"GetNamed slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed")}");
    }

    [Fact]
    public void SuperPropertyLoadsStayInMachineCode()
    {
        const string source = """
            (function () {
              class A { m(x) { return x + 1; } get g() { return this.k; } static s() { return "S"; } }
              A.prototype.data = 5;
              A.prototype[3] = "three";
              class B extends A {
                constructor() { super(); this.k = 3; }
                m(x) { return super.m(x) * 2 + super.data + (super.missing === undefined ? 1 : 0) + super.g; }
                n(key) { return super[key]; }
                static s() { return "B" + super.s(); }
              }
              const b = new B();
              let s = 0;
              for (let i = 0; i < 3000; i++) { s += b.m(i); s += b.n(i % 2 ? "data" : "m") === 5 ? 1 : 0; }
              console.log(s, B.s(), typeof b.n(Symbol.iterator), b.n(3), b.n(-1), b.n(1.5), b.n({ toString() { return "data"; } }));
              const o = { __proto__: { x: 1, get y() { return this.z; } }, z: 9, f() { return super.x + super.y + String(super.nope); } };
              for (let i = 0; i < 100; i++) s += o.f().length;
              const orphan = { __proto__: null, f() { return super.x; } };
              console.log(s, o.f(), orphan.f());
              Object.setPrototypeOf(B.prototype, { m() { return 100; }, get data() { return -1; }, get g() { return 0; } });
              console.log(b.m(1));
            })();
            """;
        var statistics = TierComparison.AssertSameInBothTiers(source, gcStress: true);
        // 9,000 data-property loads through super used to step through the interpreter.
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("GetSuper") <= 3500, $"GetSuper slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("GetSuper")}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheStatementBudgetCountsAccessorCallsAsTheInterpreterDoes(bool gcStress)
    {
        // The interpreter's nested call takes one unit of the budget and its return none: the calls in
        // machine code must stop at the same point (and allocate the same, for GC stress).
        const string source = """
            var made = 0;
            (function () {
              class K { get g() { made++; return [made]; } set s(v) { made += v.length; } }
              const k = new K();
              for (;;) { k.s = k.g; }
            })();
            """;
        StatementBudget.AssertTiersStopAtTheSamePoint(source, gcStress);
    }

    static readonly string[] Bodies =
    [
        "return this.k",
        "return this.k + 1",
        "this.k++; return this.k",
        "if (this.k % 3 === 2) throw new Error('g' + this.k); return this.k",
        "return helper(this.k)",
        "return [this.k].length",
        "return arguments.length",
        "return new Error('s').stack.split('\\n').length",
        "return this.depth > 3 ? 0 : (this.depth++, this.self)",
    ];

    static readonly string[] SetterBodies =
    [
        "this.k = v",
        "this.k = v | 0; return 'r'",
        "if (v % 5 === 4) throw new RangeError('s' + v); this.k = v",
        "this.k = helper(v)",
        "arguments[0] = 1; this.k = v",
    ];

    /// <summary>Random getters and setters on a class chain, read and written from a loop with try/catch around, in both tiers.</summary>
    static Gen<string> AccessorProgram() =>
        from getter in Gen.Elements(Bodies)
        from setter in Gen.Elements(SetterBodies)
        from own in Gen.Elements("base", "derived")
        from n in Gen.Choose(1, 60)
        from redefineAt in Gen.Choose(0, 80)
        from strict in Gen.Elements("", "\"use strict\";")
        select $$"""
            (function () {
              {{strict}}
              function helper(x) { return typeof x === "number" ? x * 2 : String(x); }
              class Base { constructor() { this.k = 0; this.depth = 0; } {{(own == "base" ? $"get p() {{ {getter}; }} set p(v) {{ {setter}; }} get self() {{ return this.p; }}" : "")}} }
              class Derived extends Base { {{(own == "derived" ? $"get p() {{ {getter}; }} set p(v) {{ {setter}; }} get self() {{ return this.p; }}" : "")}} }
              const objects = [new Base(), new Derived(), new Derived()];
              const log = [];
              for (let i = 0; i < {{n}}; i++) {
                const o = objects[i % 3];
                o.depth = 0;
                try { log.push(o.p); } catch (e) { log.push(e.name + ":" + e.message); }
                try { log.push(o.p = i); } catch (e) { log.push(e.name + ":" + e.message); }
                if (i === {{redefineAt}}) Object.defineProperty(Base.prototype, "p", { get() { return "redefined"; }, set(v) { this.k = -v; }, configurable: true });
              }
              console.log(log.join("|"));
            })();
            """;

    [Fact]
    public void RandomAccessorProgramsPrintTheSameInBothTiers()
    {
        Prop.ForAll(AccessorProgram().ToArbitrary(), source =>
        {
            var interpreted = TierComparison.Run(source, TieringMode.Interpreter).Output;
            var compiled = TierComparison.Run(source, TieringMode.Baseline).Output;
            var stressed = TierComparison.Run(source, TieringMode.Baseline, gcStress: true).Output;
            return (interpreted == compiled && interpreted == stressed).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}\nstressed:\n{stressed}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }
}
