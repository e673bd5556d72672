using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Verification;

namespace Flywheel.Optimizer.Tests;

/// <summary>Every <c>; run:</c> line of the IR package's filetests must also hold after each optimization level.</summary>
public sealed class EveryExecutorTests
{
    static string Directory => FiletestFiles.Directory(typeof(EveryExecutorTests).Assembly, "SsaIRFiletestsDirectory");

    public static TheoryData<string, OptLevel> Cases()
    {
        var data = new TheoryData<string, OptLevel>();
        foreach (var file in FiletestFiles.List(Directory))
        {
            if (!File.ReadAllText(Path.Combine(Directory, file)).Contains("; run:", StringComparison.Ordinal)) continue;
            foreach (var level in new[] { OptLevel.Fast, OptLevel.Full }) data.Add(file, level);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunLinesHoldOnOptimizedCode(string file, OptLevel level)
    {
        var test = Filetest.Parse(File.ReadAllText(Path.Combine(Directory, file)));
        var optimized = test.Module.Clone();
        new PassManager(PassManager.ForLevel(level).Passes) { VerifyAfterEachPass = true }.Run(optimized);
        Assert.Empty(Verifier.Verify(optimized));
        var runs = test.Functions.SelectMany(f => f.Runs).ToList();
        Assert.NotEmpty(runs);
        var failures = runs.Select(run => run.Check(optimized, level.ToString())).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
