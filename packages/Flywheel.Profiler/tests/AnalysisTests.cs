using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class AnalysisTests
{
    /// <summary>Positions as an embedder would give them: here, line = 10 + offset / 4, column = 7.</summary>
    private sealed class FakeResolver : ISourceResolver
    {
        public bool TryResolve(FunctionInfo function, int bytecodeOffset, out SourceLocation location)
        {
            location = new SourceLocation(function.Url, 10 + bytecodeOffset / 4, 7);
            return function.Name != "unresolved";
        }
    }

    private static (Profiler, FeedbackVector Foo, FeedbackVector Bar) Program()
    {
        var profiler = new Profiler(TieringOptions.InterpreterOnly);
        var foo = profiler.RegisterFunction(FunctionInfo.Create("foo", "foo.js", 1, 1), Slots(
            FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.LoopHeader, FeedbackSlotKind.PropertyLoad,
            FeedbackSlotKind.Call, FeedbackSlotKind.ElementLoad));
        var bar = profiler.RegisterFunction(FunctionInfo.Create("bar", "bar.js", 5, 3), Slots(FeedbackSlotKind.LoopHeader, FeedbackSlotKind.Call));
        return (profiler, foo, bar);
    }

    [Fact]
    public void Megamorphic_and_polymorphic_sites_are_reported_in_words()
    {
        var (profiler, foo, bar) = Program();
        for (ulong shape = 1; shape <= 9; shape++) foo.RecordShape(2, shape, 0);
        foo.RecordShape(4, 1, 0);
        foo.RecordShape(4, 2, 0);
        for (ulong target = 1; target <= 6; target++) foo.RecordCall(3, target);
        bar.RecordCall(1, 42);
        foo.RecordTypes(0, TypeFeedback.SmallInt | TypeFeedback.String);
        var messages = ProfileAnalysis.Analyze(profiler.CreateSnapshot(), new FakeResolver()).Findings.Select(f => f.Message).ToArray();
        Assert.Equal(
        [
            "property load at foo.js:12:7 is megamorphic: 9 shapes",
            "call site at foo.js:13:7 is megamorphic: 6 targets",
            "element load at foo.js:14:7 is polymorphic: 2 shapes",
            "binary operation at foo.js:10:7 sees mixed types: smallInt|string",
        ], messages);
    }

    [Fact]
    public void Without_a_resolver_sites_are_named_by_key_and_offset()
    {
        var (profiler, foo, _) = Program();
        for (ulong shape = 1; shape <= 5; shape++) foo.RecordShape(2, shape, 0);
        var finding = Assert.Single(ProfileAnalysis.Analyze(profiler.CreateSnapshot()).Findings);
        Assert.Equal("property load at foo.js:1:1:foo@8 is megamorphic: 5 shapes", finding.Message);
        Assert.Equal(FindingKind.MegamorphicSite, finding.Kind);
        Assert.Null(finding.Location);
    }

    [Fact]
    public void Hottest_functions_rank_by_samples_then_work_and_loops_by_back_edges()
    {
        var (profiler, foo, bar) = Program();
        for (var i = 0; i < 50; i++) foo.RecordInvocation();
        for (var i = 0; i < 5; i++) bar.RecordInvocation();
        for (var i = 0; i < 30; i++) bar.RecordBackEdge(0);
        for (var i = 0; i < 70; i++) foo.RecordBackEdge(1);
        var analysis = ProfileAnalysis.Analyze(profiler.CreateSnapshot(), new FakeResolver());
        Assert.Equal(["foo", "bar"], analysis.HottestFunctions.Select(h => h.Info.Name));
        Assert.Equal([70L, 30L], analysis.HottestLoops.Select(l => l.BackEdges));
        Assert.Equal(new SourceLocation("foo.js", 11, 7), analysis.HottestLoops[0].Location);

        profiler.RecordSample([foo.Id, bar.Id], 1);
        profiler.RecordSample([foo.Id, bar.Id, bar.Id], 2);
        profiler.RecordSample([foo.Id], 3);
        analysis = ProfileAnalysis.Analyze(profiler.CreateSnapshot());
        Assert.Equal(["bar", "foo"], analysis.HottestFunctions.Select(h => h.Info.Name));
        Assert.Equal(2, analysis.HottestFunctions[0].SelfSamples);
        Assert.Equal(2, analysis.HottestFunctions[0].TotalSamples); // the recursive frame counts once
        Assert.Equal(3, analysis.HottestFunctions[1].TotalSamples);
    }

    [Fact]
    public void Deopts_and_unstable_feedback_are_reported()
    {
        var profiler = new Profiler(TieringOptions.InterpreterOnly with { Budget = 1, OptimizeInvocations = 0, MaxDeoptimizations = 1 });
        var f = Register(profiler, "f", FeedbackSlotKind.Comparison);
        var g = Register(profiler, "g", FeedbackSlotKind.Comparison);
        f.RecordInvocation();
        f.ReportDeoptimization(ExecutionTier.Interpreter);
        for (var i = 0; i < 5; i++) g.RecordInvocation();
        g.RecordTypes(0, TypeFeedback.Boolean);
        var messages = ProfileAnalysis.Analyze(profiler.CreateSnapshot()).Findings.Select(x => x.Message).ToArray();
        Assert.Equal(
        [
            "function f (test.js:1:1:f) will not be optimized again after 1 deoptimization",
            "comparison at test.js:1:1:g@0 is still changing after 5 ticks (boolean, uninitialized)",
        ], messages);
    }
}
