using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// The budgets are an optimization of a simple rule: "after every event, move to the highest tier
/// whose threshold is reached". A reference model applies that rule literally, event by event;
/// the real profiler, which only checks when a countdown runs out, must act on exactly the same
/// events, for random thresholds (0 included), budgets and mixes of invocations and back-edges.
/// </summary>
public sealed class TieringModelTests
{
    [Property(MaxTest = 300)]
    public bool Budgeted_checks_act_on_exactly_the_events_the_literal_rule_acts_on(
        byte[] events, byte budget, byte baseInv, byte baseEdges, byte optInv, byte optEdges)
    {
        static long Threshold(byte b) => b % 16 == 15 ? TieringOptions.Never : b % 60;
        var options = new TieringOptions
        {
            Budget = 1 + budget % 40,
            BaselineInvocations = Threshold(baseInv), BaselineBackEdges = Threshold(baseEdges),
            OptimizeInvocations = Threshold(optInv), OptimizeBackEdges = Threshold(optEdges),
            OsrBackEdges = TieringOptions.Never, RequiredStableTicks = 0,
        };
        var vector = Register(new Profiler(options), "f", FeedbackSlotKind.LoopHeader, FeedbackSlotKind.LoopHeader);
        long invocations = 0, backEdges = 0;
        var tier = ExecutionTier.Interpreter;
        foreach (var e in events)
        {
            TieringAction actual;
            if (e % 3 == 0) { invocations++; actual = vector.RecordInvocation(); }
            else { backEdges++; actual = vector.RecordBackEdge(e % 3 - 1); }

            var expected = TieringAction.None;
            if (tier < ExecutionTier.Optimized && (invocations >= options.OptimizeInvocations || backEdges >= options.OptimizeBackEdges))
            {
                expected = TieringAction.CompileOptimized;
                tier = ExecutionTier.Optimized;
            }
            else if (tier < ExecutionTier.Baseline && (invocations >= options.BaselineInvocations || backEdges >= options.BaselineBackEdges))
            {
                expected = TieringAction.CompileBaseline;
                tier = ExecutionTier.Baseline;
            }
            if (actual != expected || vector.Tier != tier) return false;
        }
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Tiers_only_go_up_without_deopts_and_every_event_is_justified(byte[] ops)
    {
        var profiler = RandomRuns.Run(ops.Where(b => b / 4 % 8 != 6).ToArray());
        foreach (var group in profiler.TieringEvents.GroupBy(e => e.Function))
        {
            var events = group.ToArray();
            if (events.Any(e => e.To <= e.From)) return false;
            if (events.Zip(events.Skip(1)).Any(p => p.First.To != p.Second.From)) return false;
            var o = profiler.Options;
            foreach (var e in events)
            {
                var justified = e.Reason switch
                {
                    TieringReason.HotFunction => e.Invocations >= (e.To == ExecutionTier.Baseline ? o.BaselineInvocations : o.OptimizeInvocations),
                    TieringReason.HotLoops => e.BackEdges >= (e.To == ExecutionTier.Baseline ? o.BaselineBackEdges : o.OptimizeBackEdges),
                    TieringReason.HotLoop => e.LoopBytecodeOffset >= 0 && e.BackEdges >= o.OsrBackEdges,
                    _ => false,
                };
                if (!justified) return false;
            }
        }
        return true;
    }
}
