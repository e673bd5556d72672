using Flywheel.SsaIR.Testing.Differential;
using Xunit.Abstractions;

namespace Flywheel.Optimizer.Tests;

/// <summary>
/// Random modules must behave identically interpreted and optimized-then-interpreted. A failure
/// prints a ready-to-commit filetest; save it under filetests/regress/ named after what broke.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    const int Seeds = 150;

    public static TheoryData<string> PassNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in PassRegistry.CreateDefault().Names) data.Add(name);
        return data;
    }

    [Fact]
    public void FullPipelinePreservesBehavior() => CheckSeeds(["O2"], 0, Seeds * 2);

    [Fact]
    public void FastPipelinePreservesBehavior() => CheckSeeds(["O1"], 10_000, Seeds);

    [Theory]
    [MemberData(nameof(PassNames))]
    public void EachPassAlonePreservesBehavior(string pass) => CheckSeeds([pass], 20_000, Seeds);

    void CheckSeeds(string[] passes, int firstSeed, int count)
    {
        var stats = new DifferentialStats();
        string header = "test optimize " + string.Join(' ', passes);
        for (int seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var divergence = DifferentialChecker.CheckSeed(seed, m => OptimizerHook.Optimize(m, passes), header, stats);
            if (divergence is not null)
            {
                output.WriteLine(divergence.Filetest);
                Assert.Fail($"seed {seed}: {divergence.Description}\n\nReady-to-commit filetest:\n{divergence.Filetest}");
            }
        }
        output.WriteLine(stats.ToString());
        // The generator must exercise the interesting outcomes, or this test proves little.
        Assert.True(stats.Runs >= count * 3, stats.ToString());
    }
}
