namespace Flywheel.Profiling;

/// <summary>
/// Type feedback: the set of value categories an operation has seen, as bit flags.
/// </summary>
/// <remarks>
/// The lattice is the powerset of the categories ordered by inclusion: bottom is
/// <see cref="None"/>, top is <see cref="Any"/>, and join is bitwise OR. Recording only ever ORs
/// new bits in, so feedback only moves up — one <c>or</c> instruction in machine code, and no
/// ordering of categories to get wrong. The classic chain None → SmallInt → Number →
/// NumberOrOther → Any is a path through this lattice:
/// <see cref="SmallInt"/> ⊂ <see cref="Number"/> ⊂ <c>Number | String</c> ⊂ <see cref="Any"/>.
/// Categories are language-neutral; an embedder maps its values onto them (e.g. a JavaScript
/// engine puts undefined and null in <see cref="Null"/>, symbols and bigints in <see cref="Other"/>).
/// Stored as a <c>uint</c> at offset 0 of every slot.
/// </remarks>
[Flags]
public enum TypeFeedback : uint
{
    /// <summary>Nothing seen yet (bottom).</summary>
    None = 0,
    /// <summary>Integers that fit the engine's small-integer representation (e.g. int32).</summary>
    SmallInt = 1 << 0,
    /// <summary>Other numbers (floating point, or integers outside the small range).</summary>
    Double = 1 << 1,
    /// <summary>Strings.</summary>
    String = 1 << 2,
    /// <summary>Booleans.</summary>
    Boolean = 1 << 3,
    /// <summary>Absent values: null, undefined, nil.</summary>
    Null = 1 << 4,
    /// <summary>Heap objects (including arrays and functions).</summary>
    Object = 1 << 5,
    /// <summary>Anything else the embedder distinguishes (symbols, big integers, ...).</summary>
    Other = 1 << 6,
    /// <summary>Any number: <see cref="SmallInt"/> or <see cref="Double"/>.</summary>
    Number = SmallInt | Double,
    /// <summary>Everything (top).</summary>
    Any = SmallInt | Double | String | Boolean | Null | Object | Other,
}

/// <summary>Lattice operations and queries on <see cref="TypeFeedback"/>.</summary>
public static class TypeFeedbackExtensions
{
    /// <summary>The least upper bound of two feedback values (bitwise OR).</summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other.</param>
    public static TypeFeedback Join(this TypeFeedback a, TypeFeedback b) => a | b;

    /// <summary>True when <paramref name="a"/> is below or equal to <paramref name="b"/> in the lattice.</summary>
    /// <param name="a">The lower candidate.</param>
    /// <param name="b">The upper candidate.</param>
    public static bool IsAtMost(this TypeFeedback a, TypeFeedback b) => (a & ~b) == 0;

    /// <summary>True when every value seen was a small integer (and at least one was seen).</summary>
    /// <param name="feedback">The feedback.</param>
    public static bool IsSmallIntOnly(this TypeFeedback feedback) => feedback == TypeFeedback.SmallInt;

    /// <summary>True when every value seen was a number (and at least one was seen).</summary>
    /// <param name="feedback">The feedback.</param>
    public static bool IsNumberOnly(this TypeFeedback feedback) =>
        feedback != TypeFeedback.None && feedback.IsAtMost(TypeFeedback.Number);

    /// <summary>The number of distinct categories seen; above one the operation is type-polymorphic.</summary>
    /// <param name="feedback">The feedback.</param>
    public static int CategoryCount(this TypeFeedback feedback) =>
        System.Numerics.BitOperations.PopCount((uint)(feedback & TypeFeedback.Any));

    /// <summary>Short text for reports and traces: <c>none</c>, <c>smallInt</c>, <c>number|string</c>, <c>any</c>.</summary>
    /// <param name="feedback">The feedback.</param>
    public static string Describe(this TypeFeedback feedback)
    {
        feedback &= TypeFeedback.Any;
        if (feedback == TypeFeedback.None) return "none";
        if (feedback == TypeFeedback.Any) return "any";
        var parts = new List<string>(4);
        if ((feedback & TypeFeedback.Number) == TypeFeedback.Number) parts.Add("number");
        else if ((feedback & TypeFeedback.SmallInt) != 0) parts.Add("smallInt");
        else if ((feedback & TypeFeedback.Double) != 0) parts.Add("double");
        foreach (var (flag, name) in Names)
            if ((feedback & flag) != 0) parts.Add(name);
        return string.Join('|', parts);
    }

    /// <summary>The single categories (not the unions) in bit order, with their names.</summary>
    internal static readonly (TypeFeedback Flag, string Name)[] Names =
    [
        (TypeFeedback.String, "string"),
        (TypeFeedback.Boolean, "boolean"),
        (TypeFeedback.Null, "null"),
        (TypeFeedback.Object, "object"),
        (TypeFeedback.Other, "other"),
    ];

    /// <summary>Every single category with its name, in bit order; the serialized vocabulary.</summary>
    internal static readonly (TypeFeedback Flag, string Name)[] AllCategories =
    [
        (TypeFeedback.SmallInt, "smallInt"),
        (TypeFeedback.Double, "double"),
        .. Names,
    ];
}
