using FsCheck;
using FsCheck.Fluent;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The baseline tier's inline <c>===</c> and <c>==</c>: strings compared by their characters (flat
/// strings and flattened ropes; ropes never flattened are the interpreter's), numbers of either
/// encoding, null against undefined, objects and symbols by identity; everything else (conversions)
/// stays with the interpreter. Both tiers must print the same, and the statistics show which pairs
/// the machine code decided itself.
/// </summary>
public class BaselineEqualityTests
{
    /// <summary>
    /// Values as expressions: strings that are distinct cells with equal or nearly equal characters
    /// (copies made by join, differing in the first, a middle or the last unit, of lengths around the
    /// four-unit stride), ropes flattened and not, and one of every other kind.
    /// </summary>
    static readonly string[] Values =
    [
        "\"\"", "copy(\"\")", "\"a\"", "copy(\"a\")", "\"b\"", "\"abc\"", "copy(\"abc\")", "\"abcd\"", "copy(\"abcd\")", "\"abce\"",
        "\"xbcd\"", "\"abcde\"", "copy(\"abcde\")", "\"abcdefgh\"", "copy(\"abcdefgh\")", "\"abcdefgi\"", "\"abcdXfgh\"",
        "\"h\\u00e9llo w\\u00f6rld \\u{1F600}\"", "copy(\"h\\u00e9llo w\\u00f6rld \\u{1F600}\")", "rope", "flatRope", "ropeText",
        "\"0\"", "\"1\"", "\"1e3\"", "\"NaN\"", "\" 1 \"", "0", "-0", "1", "1000", "0.5", "NaN", "Infinity", "2147483648",
        "null", "undefined", "true", "false", "o1", "o2", "[]", "[1]", "sym", "Symbol.iterator",
    ];

    static readonly string[] Operations = ["x === y", "x !== y", "x == y", "x != y"];

    const string Prelude = """
        const copy = s => [...s].join("");
        const sym = Symbol("s"), o1 = { valueOf() { return 1; } }, o2 = { toString() { return "abc"; } };
        // Concatenations of 13 units or more are ropes; charCodeAt flattens one in place.
        const ropeText = "the rope's own text", rope = "the rope'" + "s own text", flatRope = "the rope's o" + "wn text";
        flatRope.charCodeAt(0);
        """;

    [Fact]
    public void EqualityAgreesWithTheInterpreterOnRandomPairs()
    {
        var generator =
            from op in Gen.Elements(Operations)
            from xs in Gen.ArrayOf(Gen.Elements(Values), 8)
            from ys in Gen.ArrayOf(Gen.Elements(Values), 8)
            select (op, xs, ys);
        Prop.ForAll(generator.ToArbitrary(), c =>
        {
            var source = $$"""
                {{Prelude}}
                function f(x, y) { return {{c.op}}; }
                const xs = [{{string.Join(", ", c.xs)}}], ys = [{{string.Join(", ", c.ys)}}];
                const out = [];
                for (let round = 0; round < 2; round++) for (const x of xs) for (const y of ys) out.push(f(x, y) ? 1 : 0);
                console.log(out.join(""));
                """;
            string interpreted = Run(source, TieringMode.Interpreter).Output, compiled = Run(source, TieringMode.Baseline).Output;
            return (interpreted == compiled).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void StringsOfEveryLengthCompareInlineUnlessARopeIsNotFlat()
    {
        // For each length 0..20 and each position: a copy (equal), a copy differing there (unequal),
        // strings with hashes computed (used as keys) and without. Only the unflattened rope takes the slow path.
        var statistics = AssertSameInBothTiers("""
            const copy = s => [...s].join("");
            const alphabet = "abcdefghijklmnopqrstuvwxyz\u00e9\u4e2d";
            const keyed = {};
            function strict(x, y) { return x === y; }
            function loose(x, y) { return x == y; }
            const out = [];
            for (let length = 0; length <= 20; length++) {
              const s = alphabet.slice(0, length), same = copy(s);
              if (length % 2) keyed[same] = length;   // a property key has its hash computed
              out.push(strict(s, same), loose(same, s));
              for (let at = 0; at < length; at++) {
                const other = copy(s.slice(0, at) + "\u4e2e" + s.slice(at + 1));
                out.push(strict(s, other), loose(other, s), strict(copy(other), other));
              }
            }
            const long = "0123456789abcdef", rope = long + long;
            out.push(strict(rope, copy(rope)), loose(copy(rope), rope));
            console.log(out.map(b => b ? 1 : 0).join(""));
            """, gcStress: true);
        Assert.Equal(1, statistics.BaselineSlowPaths.GetValueOrDefault("TestStrictEqual"));
        Assert.Equal(1, statistics.BaselineSlowPaths.GetValueOrDefault("TestEqual"));
    }

    [Fact]
    public void NumbersNullishAndIdentityCompareInline()
    {
        // == of a number and an object, or of a boolean and anything else, converts: those pairs are not made.
        var statistics = AssertSameInBothTiers("""
            const numbers = [0, -0, 1, -1, 0.5, 1.5 - 1, NaN, Infinity, 2 ** 31, 2 ** 31 - 1 + 1, null, undefined];
            const objects = [{}, [], null, undefined], symbols = [Symbol.iterator, Symbol("t"), Symbol.iterator, undefined];
            const everything = [...numbers, ...objects, ...symbols, "s", true, false];
            function strict(x, y) { return x === y; }
            function loose(x, y) { return x == y; }
            const out = [];
            for (const x of everything) for (const y of everything) out.push(strict(x, y));
            for (const group of [numbers, objects, symbols]) for (const x of group) for (const y of group) out.push(loose(x, y));
            console.log(out.map(b => b ? 1 : 0).join(""));
            """);
        Assert.Equal(0, statistics.BaselineSlowPaths.GetValueOrDefault("TestStrictEqual"));
        Assert.Equal(0, statistics.BaselineSlowPaths.GetValueOrDefault("TestEqual"));
    }
}
