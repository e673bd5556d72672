using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.Optimizer.Analysis;

/// <summary>A closed interval of signed values of one integer type.</summary>
/// <param name="Min">Smallest possible value.</param>
/// <param name="Max">Largest possible value.</param>
public readonly record struct IntRange(long Min, long Max)
{
    /// <summary>Every value of <paramref name="type"/>.</summary>
    public static IntRange Full(IrType type) => new(Semantics.MinSigned(type), Semantics.MaxSigned(type));

    /// <summary>Exactly <paramref name="value"/>.</summary>
    public static IntRange Of(long value) => new(value, value);

    /// <summary>Whether the range holds one value.</summary>
    public bool IsSingle => Min == Max;

    /// <summary>Whether every value is at least zero.</summary>
    public bool IsNonNegative => Min >= 0;

    /// <summary>The smallest range holding both.</summary>
    public IntRange Union(IntRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));

    /// <summary>The common values, or null when none.</summary>
    public IntRange? Intersect(IntRange other)
    {
        long min = Math.Max(Min, other.Min), max = Math.Min(Max, other.Max);
        return min <= max ? new IntRange(min, max) : null;
    }

    /// <summary>The exact interval of an operation on the corners, if it fits <paramref name="type"/>; null when it may wrap.</summary>
    public static IntRange? Exact(IrType type, Int128 a, Int128 b, Int128 c, Int128 d)
    {
        Int128 min = Int128.Min(Int128.Min(a, b), Int128.Min(c, d));
        Int128 max = Int128.Max(Int128.Max(a, b), Int128.Max(c, d));
        var full = Full(type);
        return min >= full.Min && max <= full.Max ? new IntRange((long)min, (long)max) : null;
    }

    /// <summary>Text like <c>[0, 4]</c>.</summary>
    public override string ToString() => $"[{Min}, {Max}]";
}
