using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Flywheel.Engine.Runtime;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The baseline tier's inline arithmetic (unary minus, <c>~</c>, <c>%</c>) against an exact reference
/// written from the specification, over edge values and random doubles: the remainder is computed with
/// big integers as Number::remainder defines it (n − d × q, q the quotient truncated toward zero, the
/// sign of n), which shows that .NET's double <c>%</c> (the interpreter's), C's <c>fmod</c> and the
/// machine code's x87 <c>fprem</c> are all that operation. Each program also runs in the interpreter
/// and must print the same, and the statistics show the numbers never left machine code.
/// </summary>
public class BaselineArithmeticTests
{
    static readonly double[] EdgeValues =
    [
        0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2, -2, 3, -3, 7, -7, 360, -360, 359.75, double.NaN,
        double.PositiveInfinity, double.NegativeInfinity, int.MaxValue, int.MinValue, 2147483648.0, -2147483649.0,
        4294967295.0, 4294967296.0, Math.Pow(2, 40), -Math.Pow(2, 53), Math.Pow(2, 53) + 2, Math.Pow(2, 63), -Math.Pow(2, 63),
        Math.Pow(2, 64), 1e300, -1e300, double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308,
        1e-300, 0.1, -0.1, Math.PI, -Math.E,
    ];

    /// <summary>Edge values, small integers and decimals, and arbitrary bit patterns (any exponent, subnormals included).</summary>
    static readonly Gen<double> Doubles = Gen.OneOf(
        Gen.Elements(EdgeValues),
        Gen.Choose(-50, 50).Select(i => (double)i),
        Gen.Choose(-100000, 100000).Select(i => i / 64.0),
        Gen.Choose(-1000000, 1000000).Select(i => i / 1000.0),
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select BitConverter.Int64BitsToDouble((long)hi << 32 | (uint)lo));

    /// <summary>Number::remainder (ECMA-262 6.1.6.1.6), exact: finite operands as integers times a common power of two.</summary>
    static double SpecRemainder(double n, double d)
    {
        if (double.IsNaN(n) || double.IsNaN(d) || double.IsInfinity(n)) return double.NaN;
        if (double.IsInfinity(d)) return n;
        if (d == 0) return double.NaN;
        if (n == 0) return n;
        var (nm, ne) = Decompose(Math.Abs(n));
        var (dm, de) = Decompose(Math.Abs(d));
        int k = Math.Min(ne, de);
        BigInteger r = (nm << (ne - k)) % (dm << (de - k));
        // r × 2^k is below |d| and a multiple of the smaller operand's unit: a double, so both steps are exact.
        return Math.CopySign(Math.ScaleB((double)r, k), n);
    }

    /// <summary>A positive finite double as mantissa × 2^exponent.</summary>
    static (BigInteger Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)(bits >> 52) & 0x7FF;
        long fraction = bits & ((1L << 52) - 1);
        return biased == 0 ? (fraction, -1074) : (fraction | 1L << 52, biased - 1075);
    }

    /// <summary>ToInt32 (ECMA-262 7.1.6), exact.</summary>
    static int SpecToInt32(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return 0;
        var integer = new BigInteger(Math.Truncate(x));
        return (int)(uint)(integer & uint.MaxValue);
    }

    static string Literal(double x) =>
        double.IsNaN(x) ? "NaN" : double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity"
        : x == 0 && double.IsNegative(x) ? "-0" : x.ToString("R", CultureInfo.InvariantCulture);

    static bool SameDouble(double x, double y) => double.IsNaN(x) ? double.IsNaN(y) : BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);

    [Fact]
    public void DotNetDoubleRemainderIsTheSpecRemainder()
    {
        var pairs = from n in Doubles from d in Doubles select (n, d);
        Prop.ForAll(pairs.ToArbitrary(), p =>
            SameDouble(Operators.Mod(p.n, p.d), SpecRemainder(p.n, p.d)).Label($"{Literal(p.n)} % {Literal(p.d)}: .NET {Literal(Operators.Mod(p.n, p.d))}, spec {Literal(SpecRemainder(p.n, p.d))}"))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20000));
    }

    [Fact]
    public void RemainderNegationAndBitNotAreExactInMachineCode()
    {
        var cases = Gen.ArrayOf(from n in Doubles from d in Doubles select (n, d), 150);
        Prop.ForAll(cases.ToArbitrary(), pairs =>
        {
            var rows = string.Join(",\n", pairs.Select(p =>
                $"[{Literal(p.n)}, {Literal(p.d)}, {Literal(SpecRemainder(p.n, p.d))}, {Literal(-p.n)}, {SpecToInt32(p.n) ^ -1}]"));
            var source = $$"""
                function mod(x, y) { return x % y; }
                function negate(x) { return -x; }
                function bitNot(x) { return ~x; }
                const show = r => Object.is(r, -0) ? "-0" : String(r);
                const rows = [{{rows}}];
                const wrong = [];
                for (const [x, y, remainder, negation, complement] of rows) {
                  if (!Object.is(mod(x, y), remainder)) wrong.push(`${show(x)} % ${show(y)} = ${show(mod(x, y))}, not ${show(remainder)}`);
                  if (!Object.is(negate(x), negation)) wrong.push(`-${show(x)} = ${show(negate(x))}, not ${show(negation)}`);
                  if (bitNot(x) !== complement) wrong.push(`~${show(x)} = ${bitNot(x)}, not ${complement}`);
                }
                console.log(wrong.length === 0 ? "exact" : wrong.join("\n"));
                """;
            var statistics = AssertSameInBothTiers(source);
            string compiled = Run(source, TieringMode.Baseline).Output;
            // ~ of NaN, infinities and |x| ≥ 2^63 is the interpreter's (cvttsd2si cannot); the rest stays inline.
            long bitNotSlow = pairs.Count(p => !(Math.Abs(p.n) < Math.Pow(2, 63)));
            return (compiled == "exact\n"
                    && statistics.BaselineSlowPaths.GetValueOrDefault("Mod") == 0
                    && statistics.BaselineSlowPaths.GetValueOrDefault("Negate") == 0
                    && statistics.BaselineSlowPaths.GetValueOrDefault("BitNot") == bitNotSlow)
                .Label($"{compiled}\nslow paths: {string.Join(", ", statistics.BaselineSlowPaths)} (expected {bitNotSlow} BitNot)");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void IntegerRemaindersAndNegationsKeepTheirEdgeCases()
    {
        // -0 from a zero remainder of a negative dividend and from -0, NaN from a zero divisor, no fault
        // from int.MinValue % -1, 2^31 from -int.MinValue, and the int32 fast paths still int32s.
        var statistics = AssertSameInBothTiers("""
            const show = r => Object.is(r, -0) ? "-0" : String(r);
            const ints = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 2147483647, -2147483648, 65536, -65536];
            const out = [];
            for (let round = 0; round < 2; round++)
              for (const x of ints) {
                out.push(show(-x), show(~x), show(-(-x)));
                for (const y of ints) out.push(show(x % y));
              }
            console.log(out.join(" "));
            """, gcStress: true);
        Assert.Equal(0, statistics.BaselineSlowPaths.GetValueOrDefault("Mod"));
        Assert.Equal(0, statistics.BaselineSlowPaths.GetValueOrDefault("Negate"));
        Assert.Equal(0, statistics.BaselineSlowPaths.GetValueOrDefault("BitNot"));
    }

    [Fact]
    public void NonNumbersStillTakeTheInterpretersPath()
    {
        // Strings, objects with valueOf, symbols: the slow path runs each conversion (and its side effects) once.
        AssertSameInBothTiers("""
            let calls = 0;
            const o = { valueOf() { calls++; return 7; } };
            const vals = ["12", "-0", "x", "", null, undefined, true, false, o, [5], {}];
            const out = [];
            for (let round = 0; round < 2; round++)
              for (const x of vals) {
                out.push(String(-x), String(~x), String(x % 5), String(13 % x));
              }
            try { -Symbol(); } catch (e) { out.push(e.constructor.name); }
            try { ~Symbol(); } catch (e) { out.push(e.constructor.name); }
            try { Symbol() % 2; } catch (e) { out.push(e.constructor.name); }
            console.log(out.join(" "), calls);
            """, gcStress: true);
    }
}
