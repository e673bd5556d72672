using Flywheel.Profiling.Sampling;

namespace Flywheel.Profiling;

/// <summary>Reads live vectors into the immutable <see cref="Profile"/> model.</summary>
internal static class Snapshot
{
    public static Profile Create(Profiler profiler, SampleRecorder samples)
    {
        var functions = new FunctionProfile[profiler.Functions.Count];
        for (var i = 0; i < functions.Length; i++) functions[i] = Of(profiler.Functions[i]);
        return new Profile { Functions = functions, CallTree = samples.Nodes(), Samples = samples.Samples() };
    }

    private static FunctionProfile Of(FeedbackVector vector)
    {
        var slots = new SlotProfile[vector.SlotCount];
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = new SlotProfile
            {
                Kind = vector.GetSlotKind(s),
                BytecodeOffset = vector.GetBytecodeOffset(s),
                Types = vector.GetTypes(s),
                StableTicks = vector.GetStableTicks(s),
                CacheState = vector.GetCacheState(s),
                DistinctKeys = vector.GetDistinctKeys(s),
                Count = vector.GetSlotCount(s),
            };
        }
        return new FunctionProfile
        {
            Function = vector.Info,
            Tier = vector.Tier,
            Invocations = vector.Invocations,
            BackEdges = vector.BackEdges,
            Ticks = vector.Ticks,
            StableTicks = vector.StableTicks,
            Deoptimizations = vector.Deoptimizations,
            BaselineDisabled = vector.IsBaselineDisabled,
            OptimizationDisabled = vector.IsOptimizationDisabled,
            Slots = slots,
        };
    }
}
