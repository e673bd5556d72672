namespace Flywheel.Deopt;

/// <summary>
/// Why optimized code gave up and handed control back to a lower tier. Reasons speak of
/// speculation in general, not of one language: embedders map their checks onto them.
/// </summary>
public enum DeoptReason : byte
{
    /// <summary>A value did not have the type the code was specialized for.</summary>
    WrongType,
    /// <summary>An object did not have the expected shape (hidden class).</summary>
    WrongShape,
    /// <summary>An integer operation overflowed its speculated width.</summary>
    Overflow,
    /// <summary>An index was outside the bounds the code assumed.</summary>
    OutOfBounds,
    /// <summary>An element read found a hole the code assumed absent.</summary>
    Hole,
    /// <summary>An integer division by zero, or a remainder with no integer result.</summary>
    DivisionByZero,
    /// <summary>A result was negative zero where an integer was speculated.</summary>
    MinusZero,
    /// <summary>A conversion lost precision (a double that is not an integer, say).</summary>
    LostPrecision,
    /// <summary>A call went to a different target than the one inlined or specialized for.</summary>
    WrongCallTarget,
    /// <summary>The code reached an operation for which the profile had no feedback.</summary>
    InsufficientFeedback,
    /// <summary>Code the compiler assumed unreachable was reached.</summary>
    Unreachable,
    /// <summary>An assumption the code depends on was invalidated while it was on the stack (lazy deopt).</summary>
    DependencyInvalidated,
    /// <summary>An embedder-defined reason.</summary>
    Other,
}

/// <summary>Messages for <see cref="DeoptReason"/>s, for traces and reports.</summary>
public static class DeoptReasons
{
    /// <summary>All reasons, in enum order.</summary>
    public static IReadOnlyList<DeoptReason> All { get; } = Enum.GetValues<DeoptReason>();

    /// <summary>A short sentence saying what went wrong.</summary>
    public static string Describe(DeoptReason reason) => reason switch
    {
        DeoptReason.WrongType => "value had an unexpected type",
        DeoptReason.WrongShape => "object had an unexpected shape",
        DeoptReason.Overflow => "integer overflow",
        DeoptReason.OutOfBounds => "index out of bounds",
        DeoptReason.Hole => "read a hole",
        DeoptReason.DivisionByZero => "division by zero or non-integer remainder",
        DeoptReason.MinusZero => "result was -0",
        DeoptReason.LostPrecision => "conversion lost precision",
        DeoptReason.WrongCallTarget => "call target changed",
        DeoptReason.InsufficientFeedback => "no type feedback for this operation",
        DeoptReason.Unreachable => "reached code assumed unreachable",
        DeoptReason.DependencyInvalidated => "an assumption was invalidated",
        DeoptReason.Other => "embedder-defined reason",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
