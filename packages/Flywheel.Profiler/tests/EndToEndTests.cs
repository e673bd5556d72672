using System.Text.Json;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// The README's integration, played by a toy interpreter through the public API only: a
/// <c>sum(points)</c> loop reading <c>p.x</c> from objects of two shapes, called from <c>main</c>.
/// </summary>
public sealed class EndToEndTests
{
    private const int LoopSlot = 0, AddSlot = 1, LoadSlot = 2;
    private const ulong ShapeXY = 0x10, ShapeYX = 0x20;

    private sealed record Point(ulong Shape, double[] Slots);

    private sealed class Resolver : ISourceResolver
    {
        public bool TryResolve(FunctionInfo function, int bytecodeOffset, out SourceLocation location)
        {
            location = new SourceLocation(function.Url, function.Line + 1 + bytecodeOffset / 10, 5);
            return true;
        }
    }

    private sealed class ToyEngine
    {
        public readonly Profiler Profiler;
        public readonly FeedbackVector Main, Sum;
        public readonly List<string> Trace = [];
        public readonly Dictionary<string, ExecutionTier> Installed = [];
        private long clock;

        public ToyEngine(Profile? warm)
        {
            Profiler = new Profiler(new TieringOptions { Budget = 100, BaselineInvocations = 10, OptimizeInvocations = 40, OsrBackEdges = TieringOptions.Never });
            Profiler.TieringDecided += e => Trace.Add(e.ToString());
            Profiler.CacheTransitioned += t => Trace.Add(t.ToString());
            if (warm != null) Profiler.LoadWarmProfile(warm);
            Main = Profiler.RegisterFunction(FunctionInfo.Create("main", "points.js", 1, 1), []);
            Sum = Profiler.RegisterFunction(FunctionInfo.Create("sum", "points.js", 5, 1),
                [new(FeedbackSlotKind.LoopHeader, 0), new(FeedbackSlotKind.BinaryOperation, 10), new(FeedbackSlotKind.PropertyLoad, 20)]);
        }

        private void Enter(FeedbackVector f)
        {
            var action = f.RecordInvocation();
            if (action == TieringAction.CompileBaseline) Installed[f.Info.Name] = ExecutionTier.Baseline;
            if (action == TieringAction.CompileOptimized) Installed[f.Info.Name] = ExecutionTier.Optimized;
        }

        private double RunSum(Point[] points)
        {
            Enter(Sum);
            double total = 0;
            foreach (var p in points)
            {
                if (!Sum.TryGetCachedHandler(LoadSlot, p.Shape, out var slotIndex))
                {
                    slotIndex = p.Shape == ShapeXY ? 0UL : 1UL; // the "slow lookup" of property x
                    Sum.RecordShape(LoadSlot, p.Shape, slotIndex);
                }
                var x = p.Slots[slotIndex];
                Sum.RecordTypes(AddSlot, x == Math.Floor(x) ? TypeFeedback.SmallInt : TypeFeedback.Double);
                total += x;
                Profiler.RecordSample([Main.Id, Sum.Id], clock += 10);
                Sum.RecordBackEdge(LoopSlot);
            }
            return total;
        }

        public double RunMain(int calls)
        {
            Enter(Main);
            var points = Enumerable.Range(0, 8)
                .Select(i => i % 2 == 0 ? new Point(ShapeXY, [i, 0]) : new Point(ShapeYX, [0, i + 0.5]))
                .ToArray();
            double result = 0;
            for (var i = 0; i < calls; i++) result += RunSum(points);
            Profiler.RecordSample([Main.Id], clock += 10);
            return result;
        }
    }

    [Fact]
    public void A_toy_interpreter_gets_traces_tiering_reports_and_a_warm_start()
    {
        var engine = new ToyEngine(warm: null);
        Assert.Equal(50 * (0 + 1.5 + 2 + 3.5 + 4 + 5.5 + 6 + 7.5), engine.RunMain(50));
        Assert.Equal(
        [
            "ic fn#1 points.js:5:1:sum slot=2 @20 propertyLoad uninitialized->monomorphic key=0x10 distinct=1",
            "ic fn#1 points.js:5:1:sum slot=2 @20 propertyLoad monomorphic->polymorphic key=0x20 distinct=2",
            "tiering fn#1 points.js:5:1:sum interpreter->baseline reason=hotFunction invocations=10 backEdges=72 tick=1",
            "tiering fn#1 points.js:5:1:sum baseline->optimized reason=hotFunction invocations=40 backEdges=312 tick=4",
        ], engine.Trace);
        Assert.Equal(ExecutionTier.Optimized, engine.Installed["sum"]);
        Assert.Equal(400, engine.Sum.GetLoopBackEdges(LoopSlot));
        Assert.Equal(TypeFeedback.Number, engine.Sum.GetTypes(AddSlot));

        var profile = engine.Profiler.CreateSnapshot();
        var analysis = ProfileAnalysis.Analyze(profile, new Resolver());
        Assert.Equal("sum", analysis.HottestFunctions[0].Info.Name);
        Assert.Contains("property load at points.js:8:5 is polymorphic: 2 shapes", analysis.Findings.Select(f => f.Message));
        Assert.Contains("binary operation at points.js:7:5 sees mixed types: number", analysis.Findings.Select(f => f.Message));
        Assert.Contains("sum", HtmlReport.Render(profile, new Resolver()));
        using (var cpu = JsonDocument.Parse(CpuProfileExporter.ToJson(profile)))
            Assert.Equal(401, cpu.RootElement.GetProperty("samples").GetArrayLength());

        // The next run starts from the saved profile and reaches the same tier on its first call.
        var warm = new ToyEngine(Profile.Parse(profile.ToJson()));
        warm.RunMain(1);
        Assert.Equal(ExecutionTier.Optimized, warm.Installed["sum"]);
        Assert.Contains(warm.Trace, line => line.StartsWith("tiering fn#1 points.js:5:1:sum interpreter->optimized reason=hotFunction invocations=51", StringComparison.Ordinal));
    }
}
