namespace Flywheel.Profiling;

/// <summary>
/// A snapshot of a whole profile: every function's counters and per-slot feedback, the sampled
/// call tree and the samples. Made by <see cref="Profiler.CreateSnapshot"/> or <see cref="Load(Stream)"/>;
/// saved as JSON with <see cref="Save(Stream)"/> (save → load → save is byte-identical).
/// </summary>
public sealed partial class Profile
{
    /// <summary>The JSON format version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Functions in registration order; <see cref="CallTreeNode.Function"/> indexes this list.</summary>
    public required IReadOnlyList<FunctionProfile> Functions { get; init; }

    /// <summary>The call tree folded from samples; node 0 is the root (function -1).</summary>
    public required IReadOnlyList<CallTreeNode> CallTree { get; init; }

    /// <summary>The samples, in time order, each naming the call-tree node of its stack.</summary>
    public required IReadOnlyList<ProfileSample> Samples { get; init; }
}

/// <summary>One function's counters and feedback in a <see cref="Profile"/>.</summary>
public sealed class FunctionProfile
{
    /// <summary>Key, name and position.</summary>
    public required FunctionInfo Function { get; init; }
    /// <summary>Tier at snapshot time.</summary>
    public ExecutionTier Tier { get; init; }
    /// <summary>Invocations.</summary>
    public long Invocations { get; init; }
    /// <summary>Back-edges over all loops.</summary>
    public long BackEdges { get; init; }
    /// <summary>Budget expirations (the stability clock).</summary>
    public uint Ticks { get; init; }
    /// <summary>Ticks since any feedback of the function last changed.</summary>
    public uint StableTicks { get; init; }
    /// <summary>Deoptimizations.</summary>
    public int Deoptimizations { get; init; }
    /// <summary>Baseline compilation disabled.</summary>
    public bool BaselineDisabled { get; init; }
    /// <summary>Optimization disabled.</summary>
    public bool OptimizationDisabled { get; init; }
    /// <summary>Feedback slots in slot-index order.</summary>
    public required IReadOnlyList<SlotProfile> Slots { get; init; }
}

/// <summary>One feedback slot in a <see cref="FunctionProfile"/>.</summary>
public sealed class SlotProfile
{
    /// <summary>What the slot records.</summary>
    public FeedbackSlotKind Kind { get; init; }
    /// <summary>Bytecode offset of the owning operation.</summary>
    public int BytecodeOffset { get; init; }
    /// <summary>Type feedback.</summary>
    public TypeFeedback Types { get; init; }
    /// <summary>Ticks since this slot last changed.</summary>
    public uint StableTicks { get; init; }
    /// <summary>Cache state (uninitialized for slots without a cache).</summary>
    public InlineCacheState CacheState { get; init; }
    /// <summary>Distinct shapes or call targets seen.</summary>
    public int DistinctKeys { get; init; }
    /// <summary>Back-edges for a loop header, attributed calls for a call site, else 0.</summary>
    public long Count { get; init; }
}

/// <summary>A node of the sampled call tree.</summary>
/// <param name="Parent">Parent node index, -1 for the root.</param>
/// <param name="Function">Index into <see cref="Profile.Functions"/>, -1 for the root.</param>
/// <param name="SelfSamples">Samples whose innermost frame is this node.</param>
public readonly record struct CallTreeNode(int Parent, int Function, long SelfSamples);

/// <summary>One sample: the call-tree node of its stack and when it was taken.</summary>
/// <param name="Node">Index into <see cref="Profile.CallTree"/>.</param>
/// <param name="TimestampMicroseconds">Time in microseconds.</param>
public readonly record struct ProfileSample(int Node, long TimestampMicroseconds);
