using FsCheck;
using FsCheck.Fluent;
using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Calls from native code (callbacks of built-ins, reviver and replacer functions, getters the runtime
/// calls, <c>Reflect.construct</c>) into functions with baseline code: the entry frame runs from its
/// start in machine code and its Return returns to the host in machine code, without a dispatch loop
/// and without an exit. Whatever the callback does (throw, exit to the interpreter half-way, run the
/// statement budget out, recurse through natives past the nesting limit, allocate under GC stress) must
/// look exactly as in the interpreter.
/// </summary>
public class BaselineHostCallTests
{
    [Fact]
    public void CallbacksOfBuiltinsReturnToTheirCallerWithoutExits()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              const xs = Array.from({ length: 300 }, (_, i) => (i * 37) % 101);
              const m = xs.map(x => x * 2 + 1);
              const f = xs.filter(function (x) { return x % 3 === 0; });
              const r = xs.reduce((s, x) => s + x, 0);
              const sorted = xs.slice().sort((a, b) => a - b);
              let each = 0;
              xs.forEach(x => { each += x & 1; });
              const found = xs.find(x => x > 90), some = xs.some(x => x === 100), every = xs.every(x => x >= 0);
              const parsed = JSON.parse('{"a":[1,2,{"b":3}],"c":"d"}', (k, v) => typeof v === "number" ? v * 10 : v);
              const text = JSON.stringify({ p: 1, q: [2, 3], r: { s: 4 } }, (k, v) => typeof v === "number" ? v + 0.5 : v);
              const withGetter = Object.defineProperty({}, "g", { get() { return this === undefined ? -1 : 42; }, enumerable: true });
              // Constructions from native code: a primitive result is replaced by the receiver, an object kept.
              function P(x) { this.x = x; return 7; }
              function O(x) { this.x = x; return { o: x }; }
              class Base { constructor(v) { this.v = v; } }
              class Derived extends Base { constructor(v) { super(v + 1); this.w = new.target === Derived; } }
              const built = [Reflect.construct(P, [1]).x, Reflect.construct(O, [2]).o, Reflect.construct(Derived, [3]).v, Reflect.construct(Derived, [3]).w];
              console.log(m.slice(0, 5).join(), f.length, r, sorted.slice(-3).join(), each, found, some, every);
              console.log(JSON.stringify(parsed), text, JSON.stringify(withGetter), built.join());
              // Sloppy callbacks see the global object for an undefined receiver, strict ones undefined.
              console.log([1].map(function () { return this === globalThis; })[0], [1].map(function () { "use strict"; return this; })[0]);
            })();
            """, gcStress: true);
        long returns = statistics.BaselineExits.GetValueOrDefault("Return");
        Assert.True(returns < 20, $"Return exits: {returns}");
    }

    [Fact]
    public void CallbacksThatThrowOrLeaveMachineCodeHalfWayBehaveAsInTheInterpreter()
    {
        AssertSameInBothTiers("""
            (function () {
              const log = [];
              function spreadTarget(...a) { return a.length; }
              function* gen(n) { yield n; yield n + 1; }
              // Spread calls of bytecode functions and generator resumption leave the code to the
              // interpreter in the callback's own frame; the callback then returns from the interpreter.
              const a = [1, 2, 3, 4].map(x => spreadTarget(...[x, x]) + [...gen(x)].length);
              const b = [1, 2, 3, 4, 5, 6].map(x => { try { if (x % 2) throw new Error("odd " + x); return x; } catch (e) { return e.message; } });
              function failing(at) { return [1, 2, 3, 4].map(x => { if (x === at) throw new RangeError("at " + x + " " + spreadTarget(...[x])); return x; }); }
              for (let i = 0; i < 6; i++) { try { log.push(failing(i).join()); } catch (e) { log.push(e.name + " " + e.message); } }
              // A callback that throws after a nested call in machine code, through several natives.
              function inner(x) { if (x > 2) null.f; return x; }
              try { [[1, 2], [3]].forEach(row => row.forEach(x => inner(x))); } catch (e) { log.push(e.constructor.name); }
              console.log(a.join(), b.join(), log.join(" | "));
              function stackOf() { try { [0].map(function named() { return [1].map(() => { throw new Error("deep"); }); }); } catch (e) { return e.stack; } }
              console.log(stackOf());
            })();
            """, gcStress: true);
    }

    [Fact]
    public void RecursionThroughCallbacksReachesTheNestingLimitWhereTheInterpreterDoes()
    {
        AssertSameInBothTiers("""
            (function () {
              let deepest = 0;
              function down(n) { deepest = Math.max(deepest, n); return [n].map(k => down(k + 1))[0]; }
              try { down(0); } catch (e) { console.log(e.name, e.message, deepest); }
              // Caught at every level: each level's result says where the limit was hit.
              function caught(n) { try { return [n].map(k => caught(k + 1))[0]; } catch (e) { return n + ":" + e.name; } }
              console.log(caught(0));
              const sorted = [5, 3, 9, 1].sort(function cmp(a, b) { return a - b; });
              console.log(sorted.join());
            })();
            """);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheStatementBudgetCountsCallbacksAsTheInterpreterDoes(bool gcStress)
    {
        // The interpreter's call from native code takes one unit of the budget (InvokeAt) and the entry
        // frame's return none: callbacks returning in machine code must stop at the same point.
        const string source = """
            var made = 0;
            (function () {
              const xs = [1, 2, 3, 4, 5, 6, 7, 8];
              for (;;) { made += xs.map(x => [x, made]).filter(p => p[0] & 1).reduce((s, p) => s + p.length, 0); }
            })();
            """;
        StatementBudget.AssertTiersStopAtTheSamePoint(source, gcStress);
    }

    static readonly string[] CallbackBodies =
    [
        "return x + i",
        "return x * 2 > 5",
        "return String(x) + typeof a",
        "if (x === 3) throw new Error('cb ' + i); return x",
        "return [x, i].length + helper(x)",
        "return helper(...[x])",
        "return a.length > 2 ? -x : x",
        "acc.push(x); return acc.length",
        "return { v: x }.v",
        "return typeof this",
    ];

    static readonly string[] Natives =
    [
        "xs.map(cb)",
        "xs.filter(cb)",
        "xs.forEach(cb)",
        "xs.some(cb)",
        "xs.every(cb)",
        "xs.find(cb)",
        "xs.findIndex(cb)",
        "xs.flatMap(cb)",
        "xs.reduce((s, x, i, a) => s + String(cb(x, i, a)), '')",
        "xs.slice().sort((p, q) => Number(cb(p, 0, xs)) - Number(cb(q, 1, xs)) || p - q)",
        "Array.from(xs, cb)",
        "JSON.parse(JSON.stringify(xs), (k, v) => typeof v === 'number' ? cb(v, 0, xs) : v)",
    ];

    /// <summary>Random callbacks (returning, throwing, allocating, exiting to the interpreter) of random built-ins, strict or sloppy.</summary>
    static Gen<string> CallbackProgram() =>
        from body in Gen.Elements(CallbackBodies)
        from native in Gen.Elements(Natives)
        from arrow in Gen.Elements(true, false)
        from strict in Gen.Elements("", "\"use strict\";")
        from n in Gen.Choose(1, 40)
        select $$"""
            (function () {
              {{strict}}
              const acc = [];
              function helper(v) { return typeof v === "number" ? v + 1 : 0; }
              const cb = {{(arrow ? $"(x, i, a) => {{ {body}; }}" : $"function (x, i, a) {{ {body}; }}")}};
              const out = [];
              for (let k = 0; k < {{n}}; k++) {
                const xs = [k % 5, 3, (k * 7) % 11, 1];
                try { out.push(JSON.stringify({{native}})); } catch (e) { out.push(e.name + ":" + e.message); }
              }
              console.log(out.join(" "), acc.length);
            })();
            """;

    [Fact]
    public void RandomCallbacksOfBuiltinsPrintWhatTheInterpreterPrints()
    {
        Prop.ForAll(CallbackProgram().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter).Output;
            var compiled = Run(source, TieringMode.Baseline).Output;
            var stressed = Run(source, TieringMode.Baseline, gcStress: true).Output;
            return (interpreted == compiled && interpreted == stressed).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}\nstress:\n{stressed}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }
}
