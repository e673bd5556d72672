using FsCheck;
using FsCheck.Fluent;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Baseline code's slow paths: an instruction the code cannot finish inline is run by the interpreter
/// on the code's behalf (Interp.StepStub) and the code carries on, so such instructions no longer
/// exit; and the inline paths added for the commonest of them (ToBoolean of any value, strict
/// equality of cells, <c>&gt;&gt;&gt;</c> results past int32, remainders of integral doubles,
/// string lengths) agree with the interpreter on every kind of value.
/// </summary>
public class BaselineSlowPathTests
{
    [Fact]
    public void SlowPathsRunInTheInterpreterWithoutLeavingMachineCode()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              let s = "", parts = [], o = { toString() { return "o"; } };
              for (let i = 0; i < 3000; i++) {
                s += i % 10;                       // string concatenation
                const x = { k: i, [`p${i & 3}`]: i };  // object literals, computed keys, templates
                parts.push(typeof x.k, x.k + "" + o, `${i}`.length > 3 ? "long" : "short");
                if (s.length > 50) s = s.slice(25);
              }
              console.log(s.length, parts.length, parts.slice(-6).join());
            })();
            """, gcStress: true);
        long exits = statistics.BaselineExits.Where(e => e.Key is not ("Return" or "Call" or "Construct" or "JumpLoop")).Sum(e => e.Value);
        // Each of the 3,000 iterations ran a dozen instructions the code leaves to the interpreter; they
        // used to exit, one by one. What may still exit: the function's first entries, script-level code.
        Assert.True(exits < 100, $"exits: {string.Join(", ", statistics.BaselineExits)}");
    }

    [Fact]
    public void ExceptionsAndJumpsFromSteppedInstructionsMatchTheInterpreter()
    {
        AssertSameInBothTiers("""
            (function () {
              const log = [];
              function read(o) { try { return o.p.q; } catch (e) { return e.constructor.name; } }
              function within(k, o) { try { return k in o; } catch (e) { return e.message; } }
              const values = [null, undefined, 1, "s", { p: null }, { p: { q: 7 } }];
              for (let i = 0; i < 60; i++) {
                const v = values[i % values.length];
                log.push(read(v), within("p", v));
                for (const k in (i & 1 ? { a: 1, b: 2 } : [9])) log.push(k);
              }
              console.log(log.join());
              const g = function* () { yield 1; yield 2; };
              let n = 0;
              for (let r = 0; r < 50; r++) for (const v of g()) n += v;
              console.log(n);
            })();
            """, gcStress: true);
    }

    [Fact]
    public void ForOfOverArraysStepsInlineAndAgreesWithTheInterpreterAtEveryEdge()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              const out = [];
              const a = [1, 2, 3, 4, 5];
              for (const x of a) { out.push(x); if (x === 2) a.push(6); if (x === 4) a.length = 5; }
              const holes = [1, , 3]; Array.prototype[1] = "proto"; for (const x of holes) out.push(x); delete Array.prototype[1];
              for (const x of new Int32Array([7, 8])) out.push(x);
              for (const [k, v] of ["a", "b"].entries()) out.push(k + v);
              for (const k of ["a", "b"].keys()) out.push(k);
              const sparse = []; sparse[5] = 1; for (const x of sparse) out.push(x);
              let n = 0; for (const x of a) { if (x > 3) break; n += x; } out.push(n);
              const it = [10, 20][Symbol.iterator](); for (const x of it) out.push(x); for (const x of it) out.push("again" + x);
              for (const s of "héllo") out.push(s);
              const big = []; for (let i = 0; i < 3000; i++) big.push(i * 1.5);
              let t = 0; for (const v of big) t += v; out.push(t);
              console.log(out.join());
            })();
            """, gcStress: true);
        // 3,000 steps over `big` run inline; the edge cases above take the slow path a few dozen times.
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("IteratorStep") < 100, $"IteratorStep slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("IteratorStep")}");
    }

    static readonly string[] Values =
    [
        "0", "-0", "1", "-1", "0.5", "-1.5", "NaN", "Infinity", "2147483647", "-2147483648", "4294967295", "2 ** 40",
        "2 ** 53 + 2", "1e300", "\"\"", "\"a\"", "\"ab\"", "\"b\"", "{}", "[]", "null", "undefined", "true", "false",
        "Symbol.iterator", "sym",
    ];

    static readonly string[] Operations =
    [
        "x ? 1 : 0", "!x", "x === y", "x !== y", "x % y", "y % x", "x >>> y", "x >>> 0", "(x >>> 0) % 1000",
        "typeof x === 'string' ? x.length : 0", "x && y", "x || y", "x + y", "x - y", "x * y", "x | 0", "x | y",
        "x ^ y", "x & y", "x << y", "x >> y", "(x * 16807) | 0",
    ];

    [Fact]
    public void InlinePathsAgreeWithTheInterpreterOnRandomValues()
    {
        // Each operation in its own function, run over every pair twice (the second time in machine code).
        AssertOperationsAgreeOnRandomValues(Operations, Values,
            """try { const r = OP; return typeof r === "symbol" ? "sym" : Object.is(r, -0) ? "-0" : String(r); } catch (e) { return e.constructor.name; }""",
            """const sym = Symbol("s");""");
    }

}
