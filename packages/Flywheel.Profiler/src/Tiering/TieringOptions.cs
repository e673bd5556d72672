namespace Flywheel.Profiling;

/// <summary>
/// Thresholds of the tiering policy. A function is hot for a tier when its invocations reach the
/// tier's invocation threshold or its back-edges reach the tier's back-edge threshold. A
/// threshold of 0 forces the tier at the first check (skipping the stability requirement);
/// <see cref="Never"/> disables it.
/// </summary>
public sealed record TieringOptions
{
    /// <summary>A threshold that is never reached.</summary>
    public const long Never = long.MaxValue;

    /// <summary>
    /// Invocations, or back-edges, between tiering checks (each counter has its own countdown), and
    /// so the length of one tick. A countdown is shortened automatically so that a check happens
    /// exactly when a threshold is reached. Default 1000.
    /// </summary>
    public int Budget { get; init; } = 1000;

    /// <summary>Invocations that make a function hot for baseline code. Default 100.</summary>
    public long BaselineInvocations { get; init; } = 100;

    /// <summary>Back-edges that make a function hot for baseline code. Default 1000.</summary>
    public long BaselineBackEdges { get; init; } = 1000;

    /// <summary>Invocations that make a function hot for optimized code. Default 2000.</summary>
    public long OptimizeInvocations { get; init; } = 2000;

    /// <summary>Back-edges that make a function hot for optimized code. Default 20000.</summary>
    public long OptimizeBackEdges { get; init; } = 20000;

    /// <summary>
    /// Back-edges of one loop that trigger on-stack replacement at its header. Default 10000.
    /// Exact while one loop runs; when several loops of a function take turns, the check for a
    /// loop may come up to one budget late (the countdown follows the loop that last checked).
    /// </summary>
    public long OsrBackEdges { get; init; } = 10000;

    /// <summary>
    /// Ticks the function's feedback must have been unchanged before it is optimized (unless
    /// forced). Default 1.
    /// </summary>
    public uint RequiredStableTicks { get; init; } = 1;

    /// <summary>Deoptimizations after which a function is never optimized again. Default 5.</summary>
    public int MaxDeoptimizations { get; init; } = 5;

    /// <summary>Stay in the interpreter: no tiering decisions at all (counters and feedback still record).</summary>
    public static TieringOptions InterpreterOnly { get; } = new()
    {
        BaselineInvocations = Never, BaselineBackEdges = Never,
        OptimizeInvocations = Never, OptimizeBackEdges = Never, OsrBackEdges = Never,
    };

    /// <summary>Baseline code from the first call (or loop), never optimized: <c>--tier=baseline</c>.</summary>
    public static TieringOptions AlwaysBaseline { get; } = InterpreterOnly with { BaselineInvocations = 0 };

    /// <summary>Optimized code from the first call (or loop), whatever the feedback: <c>--tier=opt</c>.</summary>
    public static TieringOptions AlwaysOptimize { get; } = InterpreterOnly with { OptimizeInvocations = 0 };

    internal void Validate()
    {
        if (Budget < 1) throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "The budget must be at least 1.");
        if (BaselineInvocations < 0 || BaselineBackEdges < 0 || OptimizeInvocations < 0 || OptimizeBackEdges < 0 || OsrBackEdges < 0)
            throw new ArgumentOutOfRangeException(nameof(TieringOptions), "Thresholds must not be negative.");
        if (MaxDeoptimizations < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxDeoptimizations), MaxDeoptimizations, "Must not be negative.");
    }
}
