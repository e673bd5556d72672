using System.Globalization;

namespace Flywheel.SsaIR.Interpretation;

/// <summary>How an execution ended.</summary>
public enum OutcomeKind : byte
{
    /// <summary>The function returned (with a value when it has a return type).</summary>
    Returned,
    /// <summary>An instruction trapped.</summary>
    Trapped,
    /// <summary>A guard, checked operation or call left through its frame state.</summary>
    Deopted,
    /// <summary>The step budget ran out (the program may loop forever).</summary>
    OutOfFuel,
}

/// <summary>The end of one execution: returned value, trap, deopt with its captured values, or exhausted fuel.</summary>
public sealed record ExecutionOutcome
{
    /// <summary>How it ended.</summary>
    public required OutcomeKind Kind { get; init; }

    /// <summary>The returned value's canonical bits, when one was returned.</summary>
    public long? Value { get; init; }

    /// <summary>The trap code, when trapped.</summary>
    public TrapCode Trap { get; init; }

    /// <summary>The resume point of the frame state, when deopted.</summary>
    public int ResumePoint { get; init; }

    /// <summary>The captured frame-state values (canonical bits), when deopted.</summary>
    public IReadOnlyList<long> DeoptValues { get; init; } = [];

    /// <summary>The types of <see cref="DeoptValues"/>: pointers compare as identities, not addresses.</summary>
    public IReadOnlyList<IrType> DeoptTypes { get; init; } = [];

    /// <summary>Instructions executed (not part of equality: optimization changes it).</summary>
    public long Steps { get; init; }

    /// <summary>Whether two outcomes are observably the same (step counts aside).</summary>
    public bool SameAs(ExecutionOutcome other) =>
        Kind == other.Kind && Value == other.Value && Trap == other.Trap && ResumePoint == other.ResumePoint
        && DeoptText() == other.DeoptText();

    // Which address an allocation gets is not part of a program's meaning (removing an unused
    // allocation shifts the ones after it), so captured pointers print and compare as "ptr".
    string DeoptText() => string.Join(", ", DeoptValues.Select((v, i) =>
        i < DeoptTypes.Count && DeoptTypes[i] == IrType.Ptr ? "ptr" : v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Run-line form: <c>3</c>, <c>trap divide_by_zero</c>, <c>deopt 7(1, 2)</c>, <c>out of fuel</c>, <c>void</c>.</summary>
    public override string ToString() => Kind switch
    {
        OutcomeKind.Returned => Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "void",
        OutcomeKind.Trapped => "trap " + Trap.Name(),
        OutcomeKind.Deopted => $"deopt {ResumePoint}({DeoptText()})",
        _ => "out of fuel",
    };
}
