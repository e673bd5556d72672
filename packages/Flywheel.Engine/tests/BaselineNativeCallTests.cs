using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Calls of native functions made from baseline machine code through the runtime stub: the native
/// runs on the interpreter's state as the interpreter would run it, may call back into JavaScript
/// (a nested activation of machine code, which must leave the outer one's state intact), may throw
/// (raised at the call), may allocate (a collection waits for the interpreter's safepoint) — and
/// such calls no longer leave machine code.
/// </summary>
public class BaselineNativeCallTests
{
    [Fact]
    public void NativeCallsInALoopStayInMachineCode()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              const a = [], s = "hello, world";
              let t = 0;
              for (let i = 0; i < 20000; i++) {
                a.push(i & 7);
                t += Math.max(i & 15, 3) + s.charCodeAt(i % s.length) + Math.floor(i / 3);
                if (a.length > 100) a.length = 0;
              }
              const m = new Map();
              for (let i = 0; i < 5000; i++) m.set(i & 255, (m.get(i & 255) || 0) + 1);
              console.log(t, a.length, m.size, m.get(7));
            })();
            """);
        // 20,000 iterations of four native calls and 5,000 of three: each used to exit; now the first
        // call at each site does (the interpreter records its target), and nothing else must.
        Assert.True(statistics.BaselineExits.GetValueOrDefault("Call") < 200, $"Call exits: {statistics.BaselineExits.GetValueOrDefault("Call")}");
    }

    [Fact]
    public void NativesCallingBackIntoMachineCodeLeaveTheCallersActivationIntact()
    {
        AssertSameInBothTiers("""
            (function () {
              function square(x) { return x * x; }
              function sumSquares(list) { return list.map(square).reduce((a, b) => a + b, 0); }
              // Recursion through a native: every level is a nested activation inside the caller's.
              function depth(n) { return n === 0 ? 0 : [n].map(k => depth(k - 1))[0] + 1; }
              function sorted(n) {
                const xs = [];
                for (let i = 0; i < n; i++) xs.push((i * 7919) % n);
                return xs.sort((x, y) => sumSquares([x]) - sumSquares([y])).slice(0, 5).join();
              }
              let t = 0;
              for (let i = 0; i < 300; i++) t += sumSquares([i, i + 1, i + 2]) + depth(i % 20);
              console.log(t, depth(200), sorted(500));
              const seen = [];
              [3, 1, 2].forEach(function (x, i, arr) { seen.push(x + i + arr.length + (this ? this.k : 0)); }, { k: 100 });
              console.log(seen.join());
            })();
            """, gcStress: true);
    }

    [Fact]
    public void ExceptionsFromNativesAndTheirCallbacksReachMachineCodeHandlers()
    {
        AssertSameInBothTiers("""
            (function () {
              const log = [];
              function parse(text) { try { return JSON.parse(text); } catch (e) { return e.name; } }
              function viaCallback(n) {
                try { [1, 2, 3].forEach(x => { if (x === n) throw new RangeError("at " + x); }); return "none"; }
                catch (e) { return e.message; }
                finally { log.push("finally " + n); }
              }
              function nullCall() { try { return "x".localeCompare.call(null); } catch (e) { return e.constructor.name; } }
              for (let i = 0; i < 50; i++) log.push(parse(i % 2 ? "[" + i + "]" : "{"), viaCallback(i % 4), nullCall());
              function stackOf() { try { [0].forEach(() => null.x); } catch (e) { return e.stack; } }
              console.log(log.length, log.slice(0, 12).join("|"));
              console.log(stackOf());
              // Uncaught: the message names the native's error.
              new Array(-1);
            })();
            """, gcStress: true);
    }

    [Fact]
    public void BoundFunctionsCallAndSpreadReachNativesAsInTheInterpreter()
    {
        AssertSameInBothTiers("""
            (function () {
              const max5 = Math.max.bind(null, 5);
              const own = Object.prototype.hasOwnProperty;
              const o = { a: 1 };
              let t = 0;
              for (let i = 0; i < 2000; i++) {
                const xs = [i & 3, 2, i % 11];
                t += max5(i & 7) + Math.min.call(null, i, 4) + Math.max(...xs) + (own.call(o, i & 1 ? "a" : "b") ? 1 : 0);
                t += String.fromCharCode.apply(null, [65 + (i & 3)]).charCodeAt(0);
              }
              const made = [];
              for (let i = 0; i < 50; i++) made.push(new Map([[i, i]]).get(i) + new Float64Array(i & 3).length + new Set([...xs(i)]).size);
              function xs(n) { return [n, n, n + 1]; }
              console.log(t, made.join());
              function* gen() { yield 1; yield 2; }
              const g = gen();
              const out = [];
              for (let i = 0; i < 3; i++) out.push(JSON.stringify(g.next()));
              console.log(out.join());
            })();
            """, gcStress: true);
    }

    [Fact]
    public void DeepRecursionThroughNativesIsARangeErrorAndTheEngineRecovers()
    {
        AssertSameInBothTiers("""
            (function () {
              function down(n) { return n === 0 ? 0 : [n].map(k => down(k - 1))[0] + 1; }
              try { down(1e6); } catch (e) { console.log(e instanceof RangeError, e.message); }
              console.log(down(100));
              try { down(1e6); } catch (e) { console.log(e instanceof RangeError); }
              function plain(n) { return n === 0 ? 0 : plain(n - 1) + 1; }
              console.log(plain(5000), down(50));
            })();
            """);
    }

    [Fact]
    public void ATimeLimitInsideANativeCallbackEndsTheScriptAndTheEngineStaysUsable()
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = TieringMode.Baseline;
        options.Limits.TimeLimit = TimeSpan.FromMilliseconds(300);
        using var engine = new JsEngine(options);
        Assert.Throws<JsTimeoutException>(() => engine.Execute("(function () { function spin() { [1].forEach(() => { for (;;) {} }); } for (let i = 0; i < 3; i++) Math.abs(i); spin(); })();"));
        Assert.Equal(12, engine.Evaluate("(function () { return [1, 2, 3].map(x => x * 2).reduce((a, b) => a + b, 0); })()").AsNumber());
    }
}
