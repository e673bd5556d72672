using System.Globalization;

namespace Flywheel.Profiling;

/// <summary>
/// One tiering decision. <see cref="ToString"/> is the fixed one-line trace format:
/// <c>tiering fn#3 a.js:1:1:f interpreter->baseline reason=hotFunction invocations=100 backEdges=0 tick=1</c>,
/// followed by <c> loop=@12</c> (the loop header's bytecode offset) for on-stack replacement.
/// </summary>
/// <param name="Function">The function.</param>
/// <param name="FunctionKey">Its stable key.</param>
/// <param name="From">Tier before.</param>
/// <param name="To">Tier after.</param>
/// <param name="Reason">Why.</param>
/// <param name="Invocations">Invocation count at the decision.</param>
/// <param name="BackEdges">Back-edge count at the decision.</param>
/// <param name="Tick">The function's tick at the decision.</param>
/// <param name="LoopBytecodeOffset">The loop header for <see cref="TieringReason.HotLoop"/>, otherwise -1.</param>
public readonly record struct TieringEvent(
    FunctionId Function,
    string FunctionKey,
    ExecutionTier From,
    ExecutionTier To,
    TieringReason Reason,
    long Invocations,
    long BackEdges,
    uint Tick,
    int LoopBytecodeOffset)
{
    /// <summary>The trace line (no newline).</summary>
    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"tiering {Function} {FunctionKey} {Names.Of(From)}->{Names.Of(To)} reason={Names.Of(Reason)} invocations={Invocations} backEdges={BackEdges} tick={Tick}");
        return LoopBytecodeOffset >= 0 ? line + " loop=@" + LoopBytecodeOffset.ToString(CultureInfo.InvariantCulture) : line;
    }
}

/// <summary>
/// One inline-cache state change. <see cref="ToString"/> is the fixed one-line trace format:
/// <c>ic fn#3 a.js:1:1:f slot=2 @14 propertyLoad monomorphic->polymorphic key=0x1f distinct=2</c>.
/// </summary>
/// <param name="Function">The function.</param>
/// <param name="FunctionKey">Its stable key.</param>
/// <param name="Slot">The slot index.</param>
/// <param name="BytecodeOffset">The slot's bytecode offset.</param>
/// <param name="Kind">The slot's kind.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Key">The shape or target that caused the change.</param>
/// <param name="DistinctKeys">Distinct keys seen after the change.</param>
public readonly record struct CacheTransition(
    FunctionId Function,
    string FunctionKey,
    int Slot,
    int BytecodeOffset,
    FeedbackSlotKind Kind,
    InlineCacheState From,
    InlineCacheState To,
    ulong Key,
    int DistinctKeys)
{
    /// <summary>The trace line (no newline).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ic {Function} {FunctionKey} slot={Slot} @{BytecodeOffset} {Names.Of(Kind)} {Names.Of(From)}->{Names.Of(To)} key=0x{Key:x} distinct={DistinctKeys}");
}
