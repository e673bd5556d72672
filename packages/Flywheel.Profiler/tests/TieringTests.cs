using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class TieringTests
{
    private static readonly TieringOptions Quiet = TieringOptions.InterpreterOnly;

    [Fact]
    public void Threshold_zero_forces_baseline_on_the_first_invocation()
    {
        var profiler = new Profiler(Quiet with { BaselineInvocations = 0 });
        var vector = Register(profiler, "f");
        Assert.Equal(1, vector.InvocationBudget);
        Assert.Equal(1, vector.BackEdgeBudget);
        Assert.Equal(TieringAction.CompileBaseline, vector.RecordInvocation());
        Assert.Equal(ExecutionTier.Baseline, vector.Tier);
        var e = Assert.Single(profiler.TieringEvents);
        Assert.Equal(TieringReason.Forced, e.Reason);
        Assert.Equal(TieringAction.None, vector.RecordInvocation());
    }

    [Fact]
    public void Threshold_zero_forces_optimization_even_with_unstable_feedback()
    {
        var profiler = new Profiler(Quiet with { OptimizeInvocations = 0, RequiredStableTicks = 100 });
        var vector = Register(profiler, "f", FeedbackSlotKind.BinaryOperation);
        vector.RecordTypes(0, TypeFeedback.String);
        Assert.Equal(TieringAction.CompileOptimized, vector.RecordInvocation());
        Assert.Equal(ExecutionTier.Optimized, vector.Tier);
    }

    [Property(MaxTest = 100)]
    public bool Baseline_happens_exactly_at_the_nth_invocation(ushort n, byte budget)
    {
        var threshold = 1 + n % 3000;
        var profiler = new Profiler(Quiet with { BaselineInvocations = threshold, Budget = 1 + budget });
        var vector = Register(profiler, "f");
        for (var i = 1; i < threshold; i++)
            if (vector.RecordInvocation() != TieringAction.None) return false;
        return vector.RecordInvocation() == TieringAction.CompileBaseline
            && profiler.TieringEvents.Single().Invocations == threshold
            && profiler.TieringEvents.Single().Reason == TieringReason.HotFunction;
    }

    [Property(MaxTest = 100)]
    public bool Baseline_happens_exactly_at_the_nth_back_edge_with_calls_interleaved(ushort n, byte budget, byte callEvery)
    {
        var threshold = 1 + n % 3000;
        var every = 2 + callEvery % 10;
        var profiler = new Profiler(Quiet with { BaselineBackEdges = threshold, Budget = 1 + budget });
        var vector = Register(profiler, "f", FeedbackSlotKind.LoopHeader);
        for (var i = 1; i < threshold; i++)
        {
            if (vector.RecordBackEdge(0) != TieringAction.None) return false;
            if (i % every == 0 && vector.RecordInvocation() != TieringAction.None) return false;
        }
        return vector.RecordBackEdge(0) == TieringAction.CompileBaseline
            && profiler.TieringEvents.Single().BackEdges == threshold
            && profiler.TieringEvents.Single().Reason == TieringReason.HotLoops;
    }

    [Fact]
    public void Hot_loop_triggers_on_stack_replacement_at_its_header()
    {
        var profiler = new Profiler(Quiet with { OsrBackEdges = 50, RequiredStableTicks = 0 });
        var vector = profiler.RegisterFunction(FunctionInfo.Create("loop", "a.js", 3, 1),
            [new(FeedbackSlotKind.LoopHeader, 10), new(FeedbackSlotKind.LoopHeader, 30)]);
        for (var i = 0; i < 49; i++) Assert.Equal(TieringAction.None, vector.RecordBackEdge(0));
        for (var i = 0; i < 49; i++) Assert.Equal(TieringAction.None, vector.RecordBackEdge(1));
        Assert.Equal(TieringAction.OnStackReplacement, vector.RecordBackEdge(1));
        var e = Assert.Single(profiler.TieringEvents);
        Assert.Equal(30, e.LoopBytecodeOffset);
        Assert.Equal(TieringReason.HotLoop, e.Reason);
        Assert.Equal("tiering fn#0 a.js:3:1:loop interpreter->optimized reason=hotLoop invocations=0 backEdges=99 tick=2 loop=@30", e.ToString());
    }

    [Fact]
    public void Optimization_waits_for_stable_feedback()
    {
        var profiler = new Profiler(Quiet with { Budget = 10, OptimizeInvocations = 10, RequiredStableTicks = 3 });
        var vector = Register(profiler, "f", FeedbackSlotKind.BinaryOperation);
        TypeFeedback[] drift = [TypeFeedback.SmallInt, TypeFeedback.Double, TypeFeedback.String, TypeFeedback.Null];
        var calls = 0;
        foreach (var types in drift)
        {
            // Feedback changes within every tick: the function is hot but never stable.
            vector.RecordTypes(0, types);
            for (var i = 0; i < 10; i++, calls++) Assert.Equal(TieringAction.None, vector.RecordInvocation());
        }
        var action = TieringAction.None;
        while (action == TieringAction.None) { action = vector.RecordInvocation(); calls++; }
        Assert.Equal(TieringAction.CompileOptimized, action);
        Assert.Equal(40 + 20, calls);
        Assert.True(vector.StableTicks >= 3);
    }

    [Fact]
    public void Highest_eligible_tier_wins_and_tiers_only_go_up_without_deopts()
    {
        var profiler = new Profiler(new TieringOptions { Budget = 5, BaselineInvocations = 10, OptimizeInvocations = 30, RequiredStableTicks = 0 });
        var vector = Register(profiler, "f");
        var actions = new List<(int, TieringAction)>();
        for (var i = 1; i <= 100; i++)
        {
            var a = vector.RecordInvocation();
            if (a != TieringAction.None) actions.Add((i, a));
        }
        Assert.Equal([(10, TieringAction.CompileBaseline), (30, TieringAction.CompileOptimized)], actions);
        Assert.Equal(
        [
            "tiering fn#0 test.js:1:1:f interpreter->baseline reason=hotFunction invocations=10 backEdges=0 tick=2",
            "tiering fn#0 test.js:1:1:f baseline->optimized reason=hotFunction invocations=30 backEdges=0 tick=6",
        ], profiler.TieringEvents.Select(e => e.ToString()));
    }

    [Fact]
    public void Deoptimizations_tier_down_and_eventually_disable_optimization()
    {
        var profiler = new Profiler(Quiet with { Budget = 10, OptimizeInvocations = 3, RequiredStableTicks = 0, MaxDeoptimizations = 2 });
        var traced = new List<TieringEvent>();
        profiler.TieringDecided += traced.Add;
        var vector = Register(profiler, "f");
        int CallsUntilOptimized()
        {
            for (var i = 1; i <= 100; i++)
                if (vector.RecordInvocation() == TieringAction.CompileOptimized) return i;
            return -1;
        }
        Assert.Equal(3, CallsUntilOptimized());
        vector.ReportDeoptimization(ExecutionTier.Baseline);
        Assert.Equal(ExecutionTier.Baseline, vector.Tier);
        // The thresholds are long reached: re-optimization waits for the next check, one tick later.
        Assert.Equal(10, CallsUntilOptimized());
        vector.ReportDeoptimization(ExecutionTier.Interpreter);
        Assert.True(vector.IsOptimizationDisabled);
        Assert.Equal(-1, CallsUntilOptimized());
        Assert.Equal(ExecutionTier.Interpreter, vector.Tier);
        Assert.Equal(2, vector.Deoptimizations);
        Assert.Equal(profiler.TieringEvents, traced);
        Assert.Equal(TieringReason.Deoptimization, traced[^1].Reason);
    }

    [Fact]
    public void Compilation_failure_disables_that_tier_only()
    {
        var profiler = new Profiler(Quiet with { BaselineInvocations = 2, OptimizeInvocations = 5, RequiredStableTicks = 0 });
        var vector = Register(profiler, "f");
        vector.RecordInvocation();
        Assert.Equal(TieringAction.CompileBaseline, vector.RecordInvocation());
        vector.ReportCompilationFailure(ExecutionTier.Baseline, ExecutionTier.Interpreter);
        Assert.True(vector.IsBaselineDisabled);
        Assert.Equal(TieringAction.None, vector.RecordInvocation());
        Assert.Equal(TieringAction.None, vector.RecordInvocation());
        Assert.Equal(TieringAction.CompileOptimized, vector.RecordInvocation());
        Assert.Equal(TieringReason.CompilationFailure, profiler.TieringEvents[1].Reason);
    }

    [Theory]
    [InlineData(0, TieringAction.None, TieringAction.None)]
    [InlineData(1, TieringAction.CompileBaseline, TieringAction.CompileBaseline)]
    [InlineData(2, TieringAction.CompileOptimized, TieringAction.CompileOptimized)]
    public void Presets_force_one_tier_from_the_first_event(int preset, TieringAction onCall, TieringAction onBackEdge)
    {
        var options = new[] { TieringOptions.InterpreterOnly, TieringOptions.AlwaysBaseline, TieringOptions.AlwaysOptimize }[preset];
        var called = Register(new Profiler(options), "f", FeedbackSlotKind.LoopHeader);
        var looped = Register(new Profiler(options), "g", FeedbackSlotKind.LoopHeader);
        Assert.Equal(onCall, called.RecordInvocation());
        Assert.Equal(onBackEdge, looped.RecordBackEdge(0));
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(TieringAction.None, called.RecordInvocation());
            Assert.Equal(TieringAction.None, looped.RecordBackEdge(0));
        }
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Profiler(new TieringOptions { Budget = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Profiler(new TieringOptions { OsrBackEdges = -1 }));
    }
}
