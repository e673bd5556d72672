using Flywheel.Profiling.Feedback;

namespace Flywheel.Profiling;

/// <summary>A cached (key, value) pair of an inline cache: (shape, handler) or (call target, calls).</summary>
/// <param name="Key">Shape id or call target id.</param>
/// <param name="Value">Handler word, or the number of calls to the target.</param>
public readonly record struct CacheEntryView(ulong Key, ulong Value);

// Read side: everything a tiering policy, a JIT or a report asks of a live vector.
public sealed unsafe partial class FeedbackVector
{
    /// <summary>The tier the profiler last decided for this function.</summary>
    public ExecutionTier Tier => Header.Tier;

    /// <summary>Invocations counted (including any seeded from a warm profile).</summary>
    public long Invocations => Header.Invocations;

    /// <summary>Back-edges counted over all loops of the function.</summary>
    public long BackEdges => Header.BackEdges;

    /// <summary>How many times the budget ran out: the clock that stability is measured in.</summary>
    public uint Ticks => Header.Ticks;

    /// <summary>Invocations left before the next tiering check.</summary>
    public int InvocationBudget => Header.InvocationBudget;

    /// <summary>Back-edges left before the next tiering check.</summary>
    public int BackEdgeBudget => Header.BackEdgeBudget;

    /// <summary>Deoptimizations reported for this function.</summary>
    public int Deoptimizations => Header.Deoptimizations;

    /// <summary>True once optimization was disabled (too many deopts, or a failed compile).</summary>
    public bool IsOptimizationDisabled => (Header.Flags & FeedbackLayout.OptimizationDisabledFlag) != 0;

    /// <summary>True once baseline compilation was disabled (a failed compile).</summary>
    public bool IsBaselineDisabled => (Header.Flags & FeedbackLayout.BaselineDisabledFlag) != 0;

    /// <summary>Ticks since any slot's feedback last changed.</summary>
    public uint StableTicks => Header.Ticks - Header.LastChangeTick;

    /// <summary>A slot's type feedback.</summary>
    /// <param name="slot">Slot index.</param>
    public TypeFeedback GetTypes(int slot) => TypeSlotAt(slot)->Types;

    /// <summary>Ticks since a slot's types or cache state last changed.</summary>
    /// <param name="slot">Slot index.</param>
    public uint GetStableTicks(int slot) => Header.Ticks - TypeSlotAt(slot)->ChangeTick;

    /// <summary>Back-edges counted for one loop header.</summary>
    /// <param name="loopSlot">A <see cref="FeedbackSlotKind.LoopHeader"/> slot.</param>
    public long GetLoopBackEdges(int loopSlot)
    {
        if (kinds[loopSlot] != FeedbackSlotKind.LoopHeader) ThrowWrongKind(loopSlot, "a loop header");
        return ((LoopSlot*)(basePointer + GetSlotOffset(loopSlot)))->BackEdges;
    }

    /// <summary>A cache site's state (<see cref="InlineCacheState.Uninitialized"/> for other kinds).</summary>
    /// <param name="slot">Slot index.</param>
    public InlineCacheState GetCacheState(int slot) =>
        kinds[slot].HasInlineCache() ? CacheAt(slot)->State : InlineCacheState.Uninitialized;

    /// <summary>Distinct shapes (or call targets) a cache site has seen, exact up to <see cref="MaxTrackedKeys"/>.</summary>
    /// <param name="slot">Slot index.</param>
    public int GetDistinctKeys(int slot) => kinds[slot].HasInlineCache() ? (int)CacheAt(slot)->Distinct : 0;

    /// <summary>The entries a cache site holds now, in the order they were added.</summary>
    /// <param name="slot">Slot index.</param>
    public CacheEntryView[] GetCacheEntries(int slot)
    {
        if (!kinds[slot].HasInlineCache()) return [];
        var cache = CacheAt(slot);
        var entries = (CacheEntry*)&cache->Entries;
        var result = new CacheEntryView[cache->Count];
        for (var i = 0; i < result.Length; i++) result[i] = new CacheEntryView(entries[i].Key, entries[i].Value);
        return result;
    }

    /// <summary>
    /// The count a report shows for a slot: back-edges for a loop header, calls recorded in the
    /// cache for a call site (calls made while megamorphic are not attributed), otherwise 0.
    /// </summary>
    /// <param name="slot">Slot index.</param>
    public long GetSlotCount(int slot)
    {
        if (kinds[slot] == FeedbackSlotKind.LoopHeader) return GetLoopBackEdges(slot);
        if (kinds[slot] != FeedbackSlotKind.Call) return 0;
        long total = 0;
        foreach (var entry in GetCacheEntries(slot)) total += (long)entry.Value;
        return total;
    }

    /// <summary>Reports that optimized code of this function deoptimized.</summary>
    /// <param name="resumeTier">The tier future calls run in (baseline if its code is kept, else the interpreter).</param>
    public void ReportDeoptimization(ExecutionTier resumeTier) => owner.OnDeoptimization(this, resumeTier);

    /// <summary>
    /// Reports that compiling the tier the profiler asked for failed (a JIT bailout); that tier is
    /// disabled for this function.
    /// </summary>
    /// <param name="failedTier">The tier that could not be compiled.</param>
    /// <param name="currentTier">The tier the function keeps running in.</param>
    public void ReportCompilationFailure(ExecutionTier failedTier, ExecutionTier currentTier) =>
        owner.OnCompilationFailure(this, failedTier, currentTier);

    /// <summary>
    /// Reports that the embedder discarded this function's code for its current tier (evicted from
    /// a bounded code space): it runs in <paramref name="currentTier"/> from now on and tiers up
    /// again when the policy finds it hot, at the next budget check.
    /// </summary>
    /// <param name="currentTier">The tier the function runs in now.</param>
    public void ReportCodeDiscarded(ExecutionTier currentTier) => owner.OnCodeDiscarded(this, currentTier);

    internal TypeSlot* TypeSlotAt(int slot) => (TypeSlot*)(basePointer + GetSlotOffset(slot));

    internal CacheSlot* CacheAt(int slot) => (CacheSlot*)(basePointer + GetSlotOffset(slot));

    internal LoopSlot* LoopAt(int slot) => (LoopSlot*)(basePointer + GetSlotOffset(slot));
}
