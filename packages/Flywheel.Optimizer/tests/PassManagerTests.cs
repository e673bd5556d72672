using Flywheel.SsaIR;
using Flywheel.SsaIR.Text;
using Flywheel.SsaIR.Verification;

namespace Flywheel.Optimizer.Tests;

public sealed class PassManagerTests
{
    const string Source = """
        function %f(i32) -> i32 {
        block0(v0: i32):
            v1 = iconst.i32 2
            v2 = iconst.i32 3
            v3 = iadd.i32 v1, v2
            v4 = imul.i32 v0, v3
            v5 = imul.i32 v0, v3
            v6 = iadd.i32 v4, v5
            return v6
        }
        """;

    [Fact]
    public void RecordsTimeAndChangesPerPass()
    {
        var f = IrParser.ParseFunction(Source);
        var manager = PassManager.FromNames(["const-fold", "gvn", "dce"]);
        int changes = manager.Run(f);
        Assert.Equal(["const-fold", "gvn", "dce"], manager.Records.Select(r => r.Pass));
        Assert.True(manager.Records[0].Changes >= 1); // 2 + 3 folded
        Assert.Equal(1, manager.Records[1].Changes); // the second imul
        Assert.Equal(changes, manager.Records.Sum(r => r.Changes));
        Assert.All(manager.Records, r => Assert.True(r.Elapsed >= TimeSpan.Zero));
        Assert.Equal(3, manager.Summary().Count);
    }

    [Fact]
    public void EveryLevelHasAPipelineOfRegisteredPasses()
    {
        var registry = PassRegistry.CreateDefault();
        Assert.Empty(Pipelines.For(OptLevel.None));
        foreach (var level in Enum.GetValues<OptLevel>())
        {
            foreach (var name in Pipelines.For(level)) Assert.Contains(name, registry.Names);
        }
        // Every built-in pass is used by the full pipeline.
        Assert.Empty(registry.Names.Except(Pipelines.For(OptLevel.Full)));
    }

    sealed class BreaksTheFunction : IPass
    {
        public string Name => "vandal";

        public int Run(PassContext context)
        {
            var f = context.Function;
            f.RemoveInst(f[f.Entry].Instructions[^1]); // drop the terminator
            return 1;
        }
    }

    sealed class CountsInstructions : IPass
    {
        public int Seen { get; private set; }

        public string Name => "count";

        public int Run(PassContext context)
        {
            Seen = context.Function.LiveInstructionCount();
            return 0;
        }
    }

    [Fact]
    public void PluginPassesRegisterAndRunInPipelines()
    {
        var counter = new CountsInstructions();
        var registry = PassRegistry.CreateDefault().Register("count", () => counter);
        var manager = PassManager.FromNames([.. Pipelines.For(OptLevel.Fast), "count"], registry);
        var f = IrParser.ParseFunction(Source);
        manager.Run(f);
        Assert.Equal(f.LiveInstructionCount(), counter.Seen);
        Assert.True(counter.Seen < 7);
    }

    [Fact]
    public void VerifyingAfterEachPassNamesTheCulprit()
    {
        var manager = new PassManager([new BreaksTheFunction()]) { VerifyAfterEachPass = true };
        var error = Assert.Throws<VerifierException>(() => manager.Run(IrParser.ParseFunction(Source)));
        Assert.Contains("after pass 'vandal'", error.Message);
        Assert.Contains("does not end with a terminator", error.Message);
    }

    [Fact]
    public void UnknownPassNamesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => PassManager.FromNames(["no-such-pass"]));
        Assert.Contains("known:", error.Message);
    }
}
