using Flywheel.Profiling.Sampling;
using Flywheel.Profiling.Tiering;

namespace Flywheel.Profiling;

/// <summary>
/// The profiler of one engine instance: registers functions (handing out their
/// <see cref="FeedbackVector"/>s), runs the tiering policy when a function's budget runs out,
/// records tiering events and cache transitions, collects call-stack samples, and turns all of it
/// into a <see cref="Profile"/> snapshot for saving, analysis and reports.
/// </summary>
/// <remarks>
/// Single-threaded like the interpreter that drives it: register, record and sample from the
/// engine thread. A background compiler may read vectors (see <see cref="FeedbackVector"/>).
/// </remarks>
public sealed class Profiler
{
    private readonly List<FeedbackVector> functions = [];
    // Ids of released functions that no sample or tiering event names: RegisterFunction reuses them.
    private readonly Stack<int> freeIds = new();
    // Ids a sample or tiering event names: never reused, so the profile keeps meaning what it recorded.
    private readonly HashSet<int> mentioned = [];
    private readonly List<TieringEvent> tieringEvents = [];
    private readonly SampleRecorder samples = new();
    private Dictionary<string, FunctionProfile>? warmProfile;

    /// <summary>Creates a profiler with the given tiering thresholds (defaults if null).</summary>
    /// <param name="options">Tiering thresholds.</param>
    public Profiler(TieringOptions? options = null)
    {
        Options = options ?? new TieringOptions();
        Options.Validate();
    }

    /// <summary>The tiering thresholds.</summary>
    public TieringOptions Options { get; }

    /// <summary>
    /// Every registered function's vector, indexed by <see cref="FunctionId.Value"/>. A released
    /// function's entry is a header-only copy (<see cref="FeedbackVector.IsReleased"/>) until its
    /// id is reused.
    /// </summary>
    public IReadOnlyList<FeedbackVector> Functions => functions;

    /// <summary>Registered functions not released.</summary>
    public int LiveFunctionCount { get; private set; }

    /// <summary>Functions released so far (<see cref="ReleaseFunction"/>).</summary>
    public long ReleasedFunctionCount { get; private set; }

    /// <summary>Every tiering decision so far, in order.</summary>
    public IReadOnlyList<TieringEvent> TieringEvents => tieringEvents;

    /// <summary>Raised on every tiering decision (e.g. to print <see cref="TieringEvent.ToString"/> for <c>--trace-tiering</c>).</summary>
    public event Action<TieringEvent>? TieringDecided;

    /// <summary>Raised on every inline-cache state change (e.g. for <c>--trace-ic</c>).</summary>
    public event Action<CacheTransition>? CacheTransitioned;

    /// <summary>Number of samples recorded.</summary>
    public int SampleCount => samples.Count;

    /// <summary>
    /// Registers a function compiled to bytecode and allocates its feedback vector. If a warm
    /// profile was loaded and names the same <see cref="FunctionInfo.Key"/>, counters and feedback
    /// are seeded from it so the function reaches its saved tier at its first check.
    /// </summary>
    /// <param name="info">Name, position and stable key.</param>
    /// <param name="slots">One entry per feedback slot, in slot-index order.</param>
    public FeedbackVector RegisterFunction(FunctionInfo info, ReadOnlySpan<FeedbackSlotInfo> slots)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Key is null || info.Name is null || info.Url is null)
            throw new ArgumentException("Key, Name and Url must not be null (use empty strings).", nameof(info));
        var reuse = freeIds.Count > 0;
        var vector = new FeedbackVector(this, new FunctionId(reuse ? freeIds.Peek() : functions.Count), info, slots);
        if (warmProfile != null && warmProfile.TryGetValue(info.Key, out var saved)) WarmStart.Seed(vector, saved);
        TieringPolicy.Initialize(vector, Options);
        if (reuse) functions[freeIds.Pop()] = vector;
        else functions.Add(vector);
        LiveFunctionCount++;
        return vector;
    }

    /// <summary>
    /// Releases a function the embedder has freed (its code can never run again): its vector is
    /// replaced by a header-only copy (name, tier and counters stay in snapshots), so the slots'
    /// memory can be reclaimed once the embedder drops its own reference. The id is handed to a
    /// later <see cref="RegisterFunction"/> unless a recorded sample or tiering event names it.
    /// </summary>
    /// <param name="id">A registered function that was not released yet.</param>
    public void ReleaseFunction(FunctionId id)
    {
        if ((uint)id.Value >= (uint)functions.Count) throw new ArgumentOutOfRangeException(nameof(id), $"{id} is not registered.");
        var vector = functions[id.Value];
        if (vector.IsReleased) throw new InvalidOperationException($"{id} was released already.");
        functions[id.Value] = vector.Release();
        LiveFunctionCount--;
        ReleasedFunctionCount++;
        if (!mentioned.Contains(id.Value)) freeIds.Push(id.Value);
    }

    /// <summary>The vector of a registered function.</summary>
    /// <param name="id">The function's id.</param>
    public FeedbackVector GetFunction(FunctionId id) => functions[id.Value];

    /// <summary>
    /// Remembers a saved profile; functions registered from now on whose key it names start
    /// with its counters and feedback (shapes and call targets are per run and are not restored,
    /// megamorphic states are).
    /// </summary>
    /// <param name="profile">A profile, typically from <see cref="Profile.Load(Stream)"/>.</param>
    public void LoadWarmProfile(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        warmProfile = [];
        foreach (var function in profile.Functions) warmProfile.TryAdd(function.Function.Key, function);
    }

    /// <summary>
    /// Records one sample taken at a safepoint: the call stack, outermost frame first, and the
    /// time in microseconds (any epoch; never decreasing).
    /// </summary>
    /// <param name="stack">Function ids from the outermost caller to the running function.</param>
    /// <param name="timestampMicroseconds">When the sample was taken.</param>
    public void RecordSample(ReadOnlySpan<FunctionId> stack, long timestampMicroseconds)
    {
        foreach (var id in stack)
        {
            if ((uint)id.Value >= (uint)functions.Count) throw new ArgumentOutOfRangeException(nameof(stack), $"{id} is not registered.");
            mentioned.Add(id.Value);
        }
        samples.Record(stack, timestampMicroseconds);
    }

    /// <summary>A snapshot of everything recorded so far.</summary>
    public Profile CreateSnapshot() => Snapshot.Create(this, samples);

    internal TieringAction OnBudgetExhausted(FeedbackVector vector, int loopSlot)
    {
        ref var header = ref vector.Header;
        header.Ticks++;
        var decision = TieringPolicy.Decide(vector, loopSlot, Options);
        if (decision.Action != TieringAction.None)
        {
            var loopOffset = decision.Action == TieringAction.OnStackReplacement ? vector.GetBytecodeOffset(loopSlot) : -1;
            ChangeTier(vector, decision.To, decision.Reason, loopOffset);
        }
        TieringPolicy.Refill(vector, Options, loopSlot);
        return decision.Action;
    }

    internal void OnDeoptimization(FeedbackVector vector, ExecutionTier resumeTier)
    {
        ref var header = ref vector.Header;
        if (header.Deoptimizations < ushort.MaxValue) header.Deoptimizations++;
        if (header.Deoptimizations >= Options.MaxDeoptimizations) header.Flags |= FeedbackLayout.OptimizationDisabledFlag;
        // The deopt means some assumption broke: demand a fresh stable period before reoptimizing.
        header.LastChangeTick = header.Ticks;
        ChangeTier(vector, resumeTier, TieringReason.Deoptimization, -1);
        TieringPolicy.Refill(vector, Options, -1);
    }

    internal void OnCompilationFailure(FeedbackVector vector, ExecutionTier failedTier, ExecutionTier currentTier)
    {
        ref var header = ref vector.Header;
        header.Flags |= failedTier switch
        {
            ExecutionTier.Baseline => FeedbackLayout.BaselineDisabledFlag,
            ExecutionTier.Optimized => FeedbackLayout.OptimizationDisabledFlag,
            _ => throw new ArgumentOutOfRangeException(nameof(failedTier), failedTier, "The interpreter cannot fail to compile."),
        };
        ChangeTier(vector, currentTier, TieringReason.CompilationFailure, -1);
        TieringPolicy.Refill(vector, Options, -1);
    }

    internal void OnCodeDiscarded(FeedbackVector vector, ExecutionTier currentTier)
    {
        ChangeTier(vector, currentTier, TieringReason.CodeDiscarded, -1);
        TieringPolicy.Refill(vector, Options, -1);
    }

    internal void OnCacheTransition(FeedbackVector vector, int slot, InlineCacheState from, InlineCacheState to, ulong key)
    {
        CacheTransitioned?.Invoke(new CacheTransition(vector.Id, vector.Info.Key, slot, vector.GetBytecodeOffset(slot),
            vector.GetSlotKind(slot), from, to, key, vector.GetDistinctKeys(slot)));
    }

    private void ChangeTier(FeedbackVector vector, ExecutionTier to, TieringReason reason, int loopOffset)
    {
        ref var header = ref vector.Header;
        var tieringEvent = new TieringEvent(vector.Id, vector.Info.Key, header.Tier, to, reason,
            header.Invocations, header.BackEdges, header.Ticks, loopOffset);
        header.Tier = to;
        tieringEvents.Add(tieringEvent);
        mentioned.Add(vector.Id.Value);
        TieringDecided?.Invoke(tieringEvent);
    }
}
