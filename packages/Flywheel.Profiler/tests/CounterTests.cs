using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class CounterTests
{
    // Each byte is one event: which of 3 functions, and invocation vs. back-edge to one of 2 loops.
    [Property(MaxTest = 200)]
    public bool Counters_are_exact_in_a_single_threaded_run(byte[] events, bool tiering)
    {
        var options = tiering
            ? new TieringOptions { Budget = 7, BaselineInvocations = 5, OptimizeInvocations = 20, OptimizeBackEdges = 30, OsrBackEdges = 9, RequiredStableTicks = 0 }
            : TieringOptions.InterpreterOnly;
        var profiler = new Profiler(options);
        var vectors = Enumerable.Range(0, 3)
            .Select(i => Register(profiler, "f" + i, FeedbackSlotKind.LoopHeader, FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.LoopHeader))
            .ToArray();
        var invocations = new long[3];
        var loops = new long[3, 2];
        foreach (var e in events)
        {
            var f = e % 3;
            switch (e / 3 % 3)
            {
                case 0: vectors[f].RecordInvocation(); invocations[f]++; break;
                case 1: vectors[f].RecordBackEdge(0); loops[f, 0]++; break;
                default: vectors[f].RecordBackEdge(2); loops[f, 1]++; break;
            }
            if (vectors[f].InvocationBudget < 1 || vectors[f].BackEdgeBudget < 1) return false;
        }
        for (var f = 0; f < 3; f++)
        {
            if (vectors[f].Invocations != invocations[f]) return false;
            if (vectors[f].GetLoopBackEdges(0) != loops[f, 0] || vectors[f].GetLoopBackEdges(2) != loops[f, 1]) return false;
            if (vectors[f].BackEdges != loops[f, 0] + loops[f, 1]) return false;
        }
        return tiering || profiler.TieringEvents.Count == 0;
    }

    [Fact]
    public void Ticks_count_budget_expirations()
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly with { Budget = 10 }), "f", FeedbackSlotKind.LoopHeader);
        for (var i = 0; i < 95; i++) vector.RecordInvocation();
        Assert.Equal(9u, vector.Ticks);
        Assert.Equal(5, vector.InvocationBudget);
        for (var i = 0; i < 10; i++) vector.RecordBackEdge(0);
        Assert.Equal(10u, vector.Ticks);
        Assert.Equal(10, vector.BackEdgeBudget);
        Assert.Equal(10, vector.InvocationBudget); // every check refills both countdowns from the counts
    }

    [Fact]
    public void Functions_get_dense_ids_in_registration_order()
    {
        var profiler = new Profiler();
        var a = Register(profiler, "a");
        var b = Register(profiler, "b");
        Assert.Equal(new FunctionId(0), a.Id);
        Assert.Equal(new FunctionId(1), b.Id);
        Assert.Same(b, profiler.GetFunction(b.Id));
        Assert.Equal("fn#1", b.Id.ToString());
        Assert.Equal("test.js:1:1:b", b.Info.Key);
    }
}
