using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class ReleaseTests
{
    // Each byte is one operation: register a function, release the n-th live one, or sample the
    // n-th live one (which pins its id). Checks the id bookkeeping against a model.
    [Property(MaxTest = 300)]
    public bool Released_ids_are_reused_unless_a_sample_or_tiering_event_names_them(byte[] operations)
    {
        var profiler = new Profiler(new TieringOptions { Budget = 1, BaselineInvocations = 2, OptimizeInvocations = 1000, RequiredStableTicks = 0 });
        var live = new List<FeedbackVector>();
        var pinned = new HashSet<int>();
        long time = 0;
        int mostAlive = 0;
        foreach (var op in operations)
        {
            switch (op % 4)
            {
                case 0:
                case 1:
                    var v = Register(profiler, "f" + op, FeedbackSlotKind.BinaryOperation);
                    if (pinned.Contains(v.Id.Value) || live.Any(l => l.Id == v.Id)) return false; // reused an id still named or live
                    live.Add(v);
                    mostAlive = Math.Max(mostAlive, live.Count);
                    break;
                case 2 when live.Count > 0:
                    var gone = live[op / 4 % live.Count];
                    live.Remove(gone);
                    profiler.ReleaseFunction(gone.Id);
                    if (!profiler.Functions[gone.Id.Value].IsReleased || profiler.Functions[gone.Id.Value].Info != gone.Info) return false;
                    break;
                case 3 when live.Count > 0:
                    var hot = live[op / 4 % live.Count];
                    if (op % 8 == 3) profiler.RecordSample([hot.Id], time++);
                    else { hot.RecordInvocation(); hot.RecordInvocation(); } // reaches the baseline threshold: a tiering event
                    if (op % 8 == 3 || profiler.TieringEvents.Any(e => e.Function == hot.Id)) pinned.Add(hot.Id.Value);
                    break;
            }
            if (profiler.LiveFunctionCount != live.Count) return false;
            foreach (var l in live) if (!ReferenceEquals(profiler.Functions[l.Id.Value], l)) return false;
            // The table never grows past the most functions alive at once plus the pinned ids.
            if (profiler.Functions.Count > mostAlive + pinned.Count) return false;
        }
        return profiler.CreateSnapshot().Functions.Count == profiler.Functions.Count;
    }

    [Fact]
    public void A_released_function_keeps_its_name_tier_and_counters_in_snapshots()
    {
        var profiler = new Profiler(new TieringOptions { Budget = 1, BaselineInvocations = 3, OptimizeInvocations = 1000 });
        var v = Register(profiler, "gone", FeedbackSlotKind.LoopHeader, FeedbackSlotKind.Call);
        for (var i = 0; i < 5; i++) v.RecordInvocation();
        v.RecordBackEdge(0);
        profiler.ReleaseFunction(v.Id);
        var f = profiler.CreateSnapshot().Functions[v.Id.Value];
        Assert.Equal("gone", f.Function.Name);
        Assert.Equal(ExecutionTier.Baseline, f.Tier);
        Assert.Equal(5, f.Invocations);
        Assert.Equal(1, f.BackEdges);
        Assert.Empty(f.Slots);
        Assert.Throws<InvalidOperationException>(() => profiler.ReleaseFunction(v.Id));
        // A tiering event names it: the id stays retired.
        Assert.NotEqual(v.Id, Register(profiler, "next").Id);
    }

    [Fact]
    public void Discarded_code_tiers_down_and_the_policy_tiers_up_again_once_hot()
    {
        var profiler = new Profiler(new TieringOptions { Budget = 10, BaselineInvocations = 5, OptimizeInvocations = 1_000_000, OptimizeBackEdges = 1_000_000 });
        var v = Register(profiler, "f");
        var actions = new List<TieringAction>();
        for (var i = 0; i < 5; i++) actions.Add(v.RecordInvocation());
        Assert.Equal([TieringAction.None, TieringAction.None, TieringAction.None, TieringAction.None, TieringAction.CompileBaseline], actions);
        v.ReportCodeDiscarded(ExecutionTier.Interpreter);
        Assert.Equal(ExecutionTier.Interpreter, v.Tier);
        Assert.Equal(TieringReason.CodeDiscarded, profiler.TieringEvents[^1].Reason);
        Assert.False(v.IsBaselineDisabled);
        // Past the threshold already: the next check is one full budget away, and it tiers up again.
        actions.Clear();
        for (var i = 0; i < 10; i++) actions.Add(v.RecordInvocation());
        Assert.Equal(TieringAction.CompileBaseline, actions[^1]);
        Assert.All(actions[..^1], a => Assert.Equal(TieringAction.None, a));
        Assert.Equal(ExecutionTier.Baseline, v.Tier);
    }
}
