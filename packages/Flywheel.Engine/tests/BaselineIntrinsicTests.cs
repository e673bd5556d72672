using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Built-ins baseline code computes inline at call sites (Math.sqrt, floor, ceil, abs, min, max, imul,
/// String.prototype.charCodeAt and Array.prototype.push): the results are the .NET implementation's to the bit, the calls made
/// inline never reach the native call stub (<see cref="EngineStatistics.BaselineNativeCalls"/>), and
/// whatever the inline path does not take (other callees under the same name, replaced built-ins,
/// arguments that convert, ropes, calls near the interrupt budget) behaves as in the interpreter.
/// </summary>
public class BaselineIntrinsicTests
{
    static readonly double[] EdgeValues =
    [
        0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, double.NaN,
        double.PositiveInfinity, double.NegativeInfinity, int.MaxValue, int.MinValue, 2147483648.0, -2147483649.5,
        Math.Pow(2, 52) + 0.5, Math.Pow(2, 53), -Math.Pow(2, 60), 1e300, double.MaxValue, double.Epsilon, -double.Epsilon,
        1e-310, 0.1, -0.1, 2, 4, 1e-300,
    ];

    static readonly Gen<double> Doubles = Gen.OneOf(
        Gen.Elements(EdgeValues),
        Gen.Choose(-1000, 1000).Select(i => (double)i),
        Gen.Choose(-100000, 100000).Select(i => i / 16.0),
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select BitConverter.Int64BitsToDouble((long)hi << 32 | (uint)lo));

    static string Literal(double x) =>
        double.IsNaN(x) ? "NaN" : double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity"
        : x == 0 && double.IsNegative(x) ? "-0" : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Math.max and Math.min of two numbers as ECMA-262 defines them (NaN wins, +0 is greater than -0).</summary>
    static double SpecMax(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x == y && x == 0 ? (double.IsNegative(x) && double.IsNegative(y) ? -0.0 : 0.0) : Math.Max(x, y);

    static double SpecMin(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x == y && x == 0 ? (double.IsNegative(x) || double.IsNegative(y) ? -0.0 : 0.0) : Math.Min(x, y);

    [Fact]
    public void MathBuiltinsAreExactInlineAndNeverCallTheStub()
    {
        var cases = Gen.ArrayOf(from x in Doubles from y in Doubles select (x, y), 120);
        Prop.ForAll(cases.ToArbitrary(), pairs =>
        {
            var rows = string.Join(",\n", pairs.Select(p => "[" + string.Join(", ", new[]
            {
                p.x, p.y, Math.Sqrt(p.x), Math.Floor(p.x), Math.Ceiling(p.x), Math.Abs(p.x), SpecMin(p.x, p.y), SpecMax(p.x, p.y),
            }.Select(Literal)) + "]"));
            // No other native is called (no String, Object.is or push): every call the stub makes is a miss.
            var source = $$"""
                Math.PI;  // Math is a lazy global: created before the functions below are compiled
                const same = (a, b) => a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
                const show = r => r === 0 && 1 / r < 0 ? "-0" : "" + r;
                let wrong = "";
                function check(x, y, sqrt, floor, ceil, abs, min, max) {
                  const got = [Math.sqrt(x), Math.floor(x), Math.ceil(x), Math.abs(x), Math.min(x, y), Math.max(x, y)];
                  const want = [sqrt, floor, ceil, abs, min, max];
                  for (let i = 0; i < 6; i++) if (!same(got[i], want[i])) wrong += `${i} of ${show(x)}, ${show(y)}: ${show(got[i])}, not ${show(want[i])}\n`;
                }
                const rows = [{{rows}}];
                for (let i = 0; i < rows.length; i++) { const r = rows[i]; check(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]); }
                console.log(wrong === "" ? "exact" : wrong);
                """;
            var statistics = AssertSameInBothTiers(source);
            string compiled = Run(source, TieringMode.Baseline).Output;
            // Through the stub: each site's first call, which records the call target the inline path
            // checks for (6), and console.log at the end (if the script's own code runs in machine code).
            return (compiled == "exact\n" && statistics.BaselineNativeCalls <= 7)
                .Label($"{compiled}\nnative calls through the stub: {statistics.BaselineNativeCalls}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    [Fact]
    public void CharCodeAtIsInlineForFlatStringsAndInRangeOrNot()
    {
        var statistics = AssertSameInBothTiers("""
            const text = "h\u00e9llo, w\u00f6rld \u{1F600}!";
            const flattened = "a rope of thirteen" + " or more units";
            flattened.length; flattened.charCodeAt(0);   // the first call flattens it (a native call)
            function codes(s) { let h = 0; for (let i = -2; i < s.length + 2; i++) h = (h * 31 + (s.charCodeAt(i) | 0)) | 0; return h; }
            function show(s) { let out = ""; for (let i = -1; i <= s.length; i++) out += "," + s.charCodeAt(i); return out; }
            console.log(codes(text), codes(flattened), codes(""), show(text), show("ab"));
            """, gcStress: true);
        // Through the stub: each site's first call, which records the call target (2), and at the top level
        // (if that is machine code) the flattening charCodeAt and console.log; the other 60 are inline.
        Assert.True(statistics.BaselineNativeCalls <= 4, $"native calls through the stub: {statistics.BaselineNativeCalls}");
    }

    [Fact]
    public void CallsTheInlinePathDoesNotTakeBehaveAsInTheInterpreter()
    {
        var statistics = AssertSameInBothTiers("""
            Math.PI;
            const out = [];
            let conversions = 0;
            const o = { valueOf() { conversions++; return 2.5; } };
            const calls = {
              sqrt: x => x * 10,          // a different callee under the same name
            };
            function f(m, x, y) { return [m.sqrt(x), m.floor(x), m.ceil(x), m.abs(x), m.min(x, y), m.max(x, y)].map(String).join(" "); }
            function g(s, i) { return s.charCodeAt(i); }
            for (let round = 0; round < 3; round++) {
              out.push(f(Math, 4, 9), f(Math, "16", 2), f(Math, o, o), f(Math, null, undefined), f(Math, [7], -1));
              out.push(f({ sqrt: Math.cos, floor: Math.sqrt, ceil: Math.max, abs: Math.min, min: Math.ceil, max: Math.floor }, 0.5, 3));
              out.push(calls.sqrt(3));
              out.push(g("abc", 1), g("abc", 1.5), g("abc", "2"), g(new String("xyz"), 0), g("rope that is long enough" + "!", 3), g("abc", -0));
              try { g(null, 0); } catch (e) { out.push(e.constructor.name); }
              try { f(Math, Symbol(), 1); } catch (e) { out.push(e.constructor.name); }
            }
            Math.sqrt = x => -x;
            out.push(f(Math, 9, 1));
            String.prototype.charCodeAt = function () { return "replaced"; };
            out.push(g("abc", 0));
            console.log(out.join("|"), conversions);
            """, gcStress: true);
        Assert.True(statistics.BaselineNativeCalls > 0);
    }

    [Fact]
    public void PushAndImulAreInlineOnTheirFastPathsOnly()
    {
        var statistics = AssertSameInBothTiers("""
            Math.PI;
            function fill(n) { const a = []; let s = 0, h = 7; for (let i = 0; i < n; i++) { s += a.push(h); h = Math.imul(h, 48271) ^ i; } return s + "/" + a.length + "/" + a[n - 1] + "/" + h; }
            function push(arr, v) { try { return arr.push(v); } catch (e) { return e.constructor.name; } }
            function imul(x, y) { return Math.imul(x, y); }
            const frozen = Object.freeze([1, 2]), fixed = Object.preventExtensions([1]), sealed = Object.seal([3]);
            const sparse = []; sparse[100] = 1;
            const arrayLike = { length: 2, push: Array.prototype.push };
            let out = fill(3000);
            for (let round = 0; round < 2; round++)
              out += "|" + [push(frozen, 1), push(fixed, 2), push(sealed, 3), push(sparse, 4), push(arrayLike, 5), push([], 6), push([1, 2, 3], 7),
                imul(3, 4), imul(-5, 123456789), imul(0x7fffffff, 0x7fffffff), imul(1.5, 3), imul("7", 3), imul(2 ** 32 + 5, 3), imul(null, 1)].join();
            console.log(out, sparse.length, arrayLike.length, frozen.length);
            """, gcStress: true);
        // fill makes 6,000 calls; through the stub go the first of each site, the pushes that grow the
        // elements (about 20) and the edge cases (a few dozen).
        Assert.True(statistics.BaselineNativeCalls < 100, $"native calls through the stub: {statistics.BaselineNativeCalls}");
    }

    [Fact]
    public void InlineCallsTakeTheirUnitOfTheStatementBudget()
    {
        // A statement budget stops the script at the same point whether Math.sqrt is called or computed inline.
        static string RunLimited(string source, TieringMode mode)
        {
            var output = new StringWriter { NewLine = "\n" };
            var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
            options.Jit.Mode = mode;
            options.Limits.MaxStatements = 50_000;
            using var engine = new JsEngine(options);
            try { engine.Execute(source, "test.js"); }
            catch (JsStatementLimitException) { output.Write("<limit>\n"); }
            engine.Execute("console.log(globalThis.progress)", "progress.js");
            return output.ToString();
        }
        const string source = """
            Math.PI;
            globalThis.progress = 0;
            function spin() { let s = 0; for (let i = 0; i < 1e6; i++) { s += Math.sqrt(i) + Math.floor(i / 3) + "ab".charCodeAt(i & 1); globalThis.progress = i; } return s; }
            spin();
            """;
        Assert.Equal(RunLimited(source, TieringMode.Interpreter), RunLimited(source, TieringMode.Baseline));
    }
}
