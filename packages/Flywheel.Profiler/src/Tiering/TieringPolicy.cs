using Flywheel.Profiling.Feedback;

namespace Flywheel.Profiling.Tiering;

/// <summary>
/// The decision procedure run when a function's budget runs out. Pure over the header and the
/// options, so it is easy to reason about: the highest tier whose conditions hold wins.
/// </summary>
internal static class TieringPolicy
{
    internal readonly record struct Decision(TieringAction Action, ExecutionTier To, TieringReason Reason);

    public static Decision Decide(FeedbackVector vector, int loopSlot, TieringOptions options)
    {
        ref var header = ref vector.Header;
        if (CanOptimize(ref header))
        {
            var stable = header.Ticks - header.LastChangeTick >= options.RequiredStableTicks;
            if (loopSlot >= 0)
            {
                var loopCount = vector.GetLoopBackEdges(loopSlot);
                if (options.OsrBackEdges == 0 || (stable && loopCount >= options.OsrBackEdges))
                    return new(TieringAction.OnStackReplacement, ExecutionTier.Optimized,
                        options.OsrBackEdges == 0 ? TieringReason.Forced : TieringReason.HotLoop);
            }
            if (options.OptimizeInvocations == 0 || options.OptimizeBackEdges == 0)
                return new(TieringAction.CompileOptimized, ExecutionTier.Optimized, TieringReason.Forced);
            if (stable && header.Invocations >= options.OptimizeInvocations)
                return new(TieringAction.CompileOptimized, ExecutionTier.Optimized, TieringReason.HotFunction);
            if (stable && header.BackEdges >= options.OptimizeBackEdges)
                return new(TieringAction.CompileOptimized, ExecutionTier.Optimized, TieringReason.HotLoops);
        }
        if (CanBaseline(ref header))
        {
            if (options.BaselineInvocations == 0 || options.BaselineBackEdges == 0)
                return new(TieringAction.CompileBaseline, ExecutionTier.Baseline, TieringReason.Forced);
            if (header.Invocations >= options.BaselineInvocations)
                return new(TieringAction.CompileBaseline, ExecutionTier.Baseline, TieringReason.HotFunction);
            if (header.BackEdges >= options.BaselineBackEdges)
                return new(TieringAction.CompileBaseline, ExecutionTier.Baseline, TieringReason.HotLoops);
        }
        return new(TieringAction.None, header.Tier, default);
    }

    /// <summary>
    /// Refills both countdowns after a check: each a full <see cref="TieringOptions.Budget"/>,
    /// shortened so the check lands exactly on the event that reaches the nearest threshold still
    /// ahead for its own counter. Thresholds already reached but blocked (by stability) do not
    /// shorten it: they are re-checked once per full budget, i.e. per tick. Separate countdowns
    /// keep this exact without checking on every event: a function one call short of its
    /// invocation threshold that then runs a long loop would otherwise check on every back-edge.
    /// OSR distance is taken from the loop that triggered the check (from the furthest-along loop
    /// after an invocation check), so a loop that stopped just short of the threshold costs at
    /// most one extra check when another loop runs.
    /// </summary>
    public static void Refill(FeedbackVector vector, TieringOptions options, int loopSlot)
    {
        ref var header = ref vector.Header;
        long invocations = options.Budget, backEdges = options.Budget;
        if (CanBaseline(ref header))
        {
            Near(ref invocations, options.BaselineInvocations, header.Invocations);
            Near(ref backEdges, options.BaselineBackEdges, header.BackEdges);
        }
        if (CanOptimize(ref header))
        {
            Near(ref invocations, options.OptimizeInvocations, header.Invocations);
            Near(ref backEdges, options.OptimizeBackEdges, header.BackEdges);
            if (loopSlot >= 0) Near(ref backEdges, options.OsrBackEdges, vector.GetLoopBackEdges(loopSlot));
            else if (vector.LoopSlots.Length > 0) Near(ref backEdges, options.OsrBackEdges, FurthestLoop(vector));
        }
        header.InvocationBudget = (int)Math.Max(1, invocations);
        header.BackEdgeBudget = (int)Math.Max(1, backEdges);
    }

    /// <summary>
    /// The budgets of a freshly registered function: 1 when a threshold is already reached (a
    /// forced tier, or counts seeded from a warm profile) so the first event decides.
    /// </summary>
    public static void Initialize(FeedbackVector vector, TieringOptions options)
    {
        ref var header = ref vector.Header;
        var reached = false;
        if (CanBaseline(ref header))
            reached |= header.Invocations >= options.BaselineInvocations || header.BackEdges >= options.BaselineBackEdges;
        if (CanOptimize(ref header))
        {
            reached |= header.Invocations >= options.OptimizeInvocations || header.BackEdges >= options.OptimizeBackEdges;
            reached |= vector.LoopSlots.Length > 0 && FurthestLoop(vector) >= options.OsrBackEdges;
        }
        if (reached) header.InvocationBudget = header.BackEdgeBudget = 1;
        else Refill(vector, options, -1);
    }

    private static long FurthestLoop(FeedbackVector vector)
    {
        long furthest = 0;
        foreach (var loop in vector.LoopSlots) furthest = Math.Max(furthest, vector.GetLoopBackEdges(loop));
        return furthest;
    }

    private static bool CanOptimize(ref FunctionHeader header) =>
        header.Tier < ExecutionTier.Optimized && (header.Flags & FeedbackLayout.OptimizationDisabledFlag) == 0;

    private static bool CanBaseline(ref FunctionHeader header) =>
        header.Tier < ExecutionTier.Baseline && (header.Flags & FeedbackLayout.BaselineDisabledFlag) == 0;

    private static void Near(ref long remaining, long threshold, long count)
    {
        if (count < threshold) remaining = Math.Min(remaining, threshold - count);
    }
}
