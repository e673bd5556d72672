namespace Flywheel.Profiling;

/// <summary>
/// Seeds a new vector from a saved function profile. Counters, ticks, stability and deopt
/// history carry over; the tier does not (no code exists yet), but with the counters restored the
/// policy reaches the same tier at the function's first check. Slot feedback carries over only if
/// the slot layout is unchanged (same kinds at the same bytecode offsets) — otherwise the source
/// changed and old feedback would describe other operations.
/// </summary>
internal static unsafe class WarmStart
{
    public static void Seed(FeedbackVector vector, FunctionProfile saved)
    {
        ref var header = ref vector.Header;
        header.Invocations = saved.Invocations;
        header.BackEdges = saved.BackEdges;
        header.Ticks = saved.Ticks;
        header.LastChangeTick = saved.Ticks - Math.Min(saved.StableTicks, saved.Ticks);
        header.Deoptimizations = (ushort)Math.Clamp(saved.Deoptimizations, 0, ushort.MaxValue);
        if (saved.OptimizationDisabled) header.Flags |= FeedbackLayout.OptimizationDisabledFlag;
        if (saved.BaselineDisabled) header.Flags |= FeedbackLayout.BaselineDisabledFlag;
        if (!SameLayout(vector, saved)) return;
        for (var s = 0; s < vector.SlotCount; s++)
        {
            var slot = saved.Slots[s];
            var common = vector.TypeSlotAt(s);
            common->Types = slot.Types & TypeFeedback.Any;
            common->ChangeTick = saved.Ticks - Math.Min(slot.StableTicks, saved.Ticks);
            if (slot.Kind == FeedbackSlotKind.LoopHeader) vector.LoopAt(s)->BackEdges = slot.Count;
            if (slot.Kind.HasInlineCache() && slot.CacheState == InlineCacheState.Megamorphic)
            {
                var cache = vector.CacheAt(s);
                cache->State = InlineCacheState.Megamorphic;
                cache->Distinct = (uint)Math.Clamp(slot.DistinctKeys, 0, FeedbackVector.MaxTrackedKeys);
            }
        }
    }

    private static bool SameLayout(FeedbackVector vector, FunctionProfile saved)
    {
        if (saved.Slots.Count != vector.SlotCount) return false;
        for (var s = 0; s < vector.SlotCount; s++)
            if (saved.Slots[s].Kind != vector.GetSlotKind(s) || saved.Slots[s].BytecodeOffset != vector.GetBytecodeOffset(s))
                return false;
        return true;
    }
}
