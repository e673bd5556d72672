using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The baseline tier's double paths: <c>+ - * /</c> and the relational compares on every mix of int32
/// and double operands (unboxing doubles with the tag register, boxing results as
/// <see cref="Runtime.JsValue.FromNumber"/> does: integral results but -0 as int32, NaN canonical), and
/// compares fused with the conditional jump after them (the jump's own code out of line for entries at
/// it and for the compare's slow path). Results are checked against .NET's IEEE arithmetic, against the
/// interpreter, and the statistics show numbers never left machine code.
/// </summary>
public class BaselineDoubleArithmeticTests
{
    static readonly double[] EdgeValues =
    [
        0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2, -2, 3, 4, 50, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1, 2147483648.0, -2147483649.0, 4294967296.0,
        Math.Pow(2, 53), -Math.Pow(2, 63), 1e300, -1e300, double.MaxValue, double.Epsilon, -double.Epsilon, 0.1, -0.1, Math.PI,
        // Near the boxing offset's edges: the largest exponents and NaN payload neighbours.
        BitConverter.Int64BitsToDouble(0x7FEF_FFFF_FFFF_FFFF), BitConverter.Int64BitsToDouble(unchecked((long)0xFFEF_FFFF_FFFF_FFFFUL)),
    ];

    /// <summary>Edge values, small integers (int32s, and doubles that are int32s after an operation), fractions, arbitrary bit patterns.</summary>
    static readonly Gen<double> Doubles = Gen.OneOf(
        Gen.Elements(EdgeValues),
        Gen.Choose(-50, 50).Select(i => (double)i),
        Gen.Choose(-100000, 100000).Select(i => i / 64.0),
        Gen.Choose(-1000000, 1000000).Select(i => i / 1000.0),
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select BitConverter.Int64BitsToDouble((long)hi << 32 | (uint)lo));

    static string Literal(double x) =>
        double.IsNaN(x) ? "NaN" : double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity"
        : x == 0 && double.IsNegative(x) ? "-0" : x.ToString("R", CultureInfo.InvariantCulture);

    static string Bool(bool b) => b ? "true" : "false";

    const string Functions = """
        function add(x, y) { return x + y; }
        function sub(x, y) { return x - y; }
        function mul(x, y) { return x * y; }
        function div(x, y) { return x / y; }
        // Compares as values (no jump after them) and fused with the jump of an if, of && and || (which
        // keep the boolean as their value), and of a loop condition.
        function lt(x, y) { return x < y; }
        function le(x, y) { return x <= y; }
        function gt(x, y) { return x > y; }
        function ge(x, y) { return x >= y; }
        function ifLt(x, y) { if (x < y) return 1; return 0; }
        function ifLe(x, y) { if (x <= y) return 1; return 0; }
        function ifGt(x, y) { if (x > y) return 1; return 0; }
        function ifGe(x, y) { if (x >= y) return 1; return 0; }
        function notLt(x, y) { if (!(x < y)) return 1; return 0; }
        function andLe(x, y) { return x <= y && "and"; }
        function orGe(x, y) { return x >= y || "or"; }
        function loopGt(x, y) { let n = 0; while (x > y && n < 2) n++; return n; }
        const show = r => Object.is(r, -0) ? "-0" : String(r);
        """;

    [Fact]
    public void DoubleArithmeticAndComparesAreExactInMachineCode()
    {
        var cases = Gen.ArrayOf(from x in Doubles from y in Doubles select (x, y), 120);
        Prop.ForAll(cases.ToArbitrary(), pairs =>
        {
            var rows = string.Join(",\n", pairs.Select(p =>
                $"[{Literal(p.x)}, {Literal(p.y)}, {Literal(p.x + p.y)}, {Literal(p.x - p.y)}, {Literal(p.x * p.y)}, {Literal(p.x / p.y)}, " +
                $"{Bool(p.x < p.y)}, {Bool(p.x <= p.y)}, {Bool(p.x > p.y)}, {Bool(p.x >= p.y)}]"));
            var source = $$"""
                {{Functions}}
                const rows = [{{rows}}];
                const wrong = [];
                for (const [x, y, sum, difference, product, quotient, less, lessOrEqual, greater, greaterOrEqual] of rows) {
                  const check = (what, got, expected) => { if (!Object.is(got, expected)) wrong.push(`${show(x)} ${what} ${show(y)} = ${show(got)}, not ${show(expected)}`); };
                  check("+", add(x, y), sum); check("-", sub(x, y), difference); check("*", mul(x, y), product); check("/", div(x, y), quotient);
                  // Integral results are int32s again: === against an int32 literal compares words first.
                  if (Number.isInteger(sum) && Math.abs(sum) < 2 ** 31 && !Object.is(sum, -0)) check("+ (=== its int32)", add(x, y) === (sum | 0), true);
                  check("<", lt(x, y), less); check("<=", le(x, y), lessOrEqual); check(">", gt(x, y), greater); check(">=", ge(x, y), greaterOrEqual);
                  check("if <", ifLt(x, y), less ? 1 : 0); check("if <=", ifLe(x, y), lessOrEqual ? 1 : 0);
                  check("if >", ifGt(x, y), greater ? 1 : 0); check("if >=", ifGe(x, y), greaterOrEqual ? 1 : 0);
                  check("if !<", notLt(x, y), less ? 0 : 1);
                  check("<= &&", andLe(x, y), lessOrEqual && "and"); check(">= ||", orGe(x, y), greaterOrEqual || "or");
                  check("while >", loopGt(x, y), greater ? 2 : 0);
                }
                console.log(wrong.length === 0 ? "exact" : wrong.join("\n"));
                """;
            var statistics = AssertSameInBothTiers(source);
            string compiled = Run(source, TieringMode.Baseline).Output;
            long numericSlowPaths = statistics.BaselineSlowPaths
                .Where(e => e.Key is "Add" or "Sub" or "Mul" or "Div" or "TestLessThan" or "TestLessThanOrEqual" or "TestGreaterThan" or "TestGreaterThanOrEqual")
                .Sum(e => e.Value);
            return (compiled == "exact\n" && numericSlowPaths == 0)
                .Label($"{compiled}\nslow paths: {string.Join(", ", statistics.BaselineSlowPaths)}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    [Fact]
    public void FusedComparesOfNonNumbersTakeTheInterpretersPathAndItsJump()
    {
        // Strings, objects with valueOf (side effects counted), undefined and null: the compare steps in
        // the interpreter and the code continues at the jump's own (out-of-line) code. Under GC stress a
        // collection made due by a stepped compare exits at the jump, and the interpreter enters the code
        // there again.
        AssertSameInBothTiers($$"""
            {{Functions}}
            let calls = 0;
            const counted = v => ({ valueOf() { calls++; return v; } });
            const values = ["10", "9", "a", "", "-0", null, undefined, true, false, [2], {}, counted(1.5), counted(-0), counted(NaN), 1.5, 2, -0, NaN, Infinity];
            const out = [];
            for (let round = 0; round < 3; round++)
              for (const x of values)
                for (const y of values)
                  out.push([lt(x, y), ifLe(x, y), ifGt(x, y), ifGe(x, y), notLt(x, y), andLe(x, y), orGe(x, y), loopGt(x, y), show(add(x, y)), show(mul(x, y))].join(""));
            try { ifLt(Symbol(), 1); } catch (e) { out.push(e.constructor.name); }
            try { ifLt(1n, Symbol()); } catch (e) { out.push(e.constructor.name); }
            out.push(ifLt(1n, 2), ifGe(2n, 1.5), ifLt("1", 2n));
            console.log(out.join(" "), calls);
            """, gcStress: true);
    }

    [Fact]
    public void KeyedLoadsAndStoresOverEveryReceiverAndKeyKindMatchTheInterpreter()
    {
        // Receivers that are not cells, plain objects, holey and frozen arrays, and typed arrays of every
        // kind; keys that are int32s in and out of range, negative, doubles (integral and not), strings.
        // A miss of the dense-array path goes on to the typed-array path only for a cell and an int32 key.
        AssertSameInBothTiers("""
            const kinds = [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray];
            const receivers = [[1.5, 2, "x", , 4], Object.freeze([7, 8, 9]), { 0: "a", 1: "b", length: 2 }, "str", 5, 2.5, null, undefined, true,
              ...kinds.map(K => new K([0.5, -1.5, 300, -70000, 2 ** 31, -0, NaN]))];
            const keys = [0, 1, 2, 3, 4, 6, 7, 100, -1, 1.5, 2 ** 31, -0, NaN, "1", "length"];
            const values = [9, -2.75, 1e10, -0, NaN, "5", undefined, 256, -129];
            function load(o, k) { return o[k]; }
            function store(o, k, v) { o[k] = v; return o[k]; }
            const show = r => Object.is(r, -0) ? "-0" : typeof r === "string" ? JSON.stringify(r) : String(r);
            const out = [];
            for (let round = 0; round < 2; round++)
              for (const o of receivers)
                for (const k of keys) {
                  let line = show(load(o, k));
                  for (const v of values) { try { line += " " + show(store(o, k, v)); } catch (e) { line += " " + e.constructor.name; } }
                  out.push(line);
                }
            console.log(out.join("\n"));
            """, gcStress: true);
    }
}
