using Flywheel.CodeGen.Testing;
using Flywheel.MachineCode;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Differential;
using Flywheel.SsaIR.Testing.Generation;
using Xunit.Abstractions;

namespace Flywheel.CodeGen.Tests;

public sealed class DifferentialTests(ITestOutputHelper output) : IDisposable
{
    readonly NativeRuntime runtime = new();
    readonly ExecutableMemory heap = new();

    [Fact]
    public void GeneratedModulesBehaveTheSameCompiledAndInterpreted()
    {
        var checker = new NativeDifferential(runtime, heap);
        var stats = new DifferentialStats();
        for (int seed = 0; seed < 400; seed++)
        {
            var divergence = checker.CheckSeed(seed, stats);
            Assert.True(divergence is null, divergence?.Filetest);
        }
        output.WriteLine(stats.ToString());
        // The run must exercise every kind of ending, or it proves less than it seems to.
        Assert.True(stats.ByOutcome.GetValueOrDefault(OutcomeKind.Returned) > 200, stats.ToString());
        Assert.True(stats.ByOutcome.GetValueOrDefault(OutcomeKind.Deopted) > 20, stats.ToString());
        Assert.True(stats.ByOutcome.GetValueOrDefault(OutcomeKind.Trapped) > 20, stats.ToString());
    }

    [Fact]
    public void LargerFunctionsUnderRegisterPressure()
    {
        var checker = new NativeDifferential(runtime, heap);
        var options = new GeneratorOptions { InstructionBudget = 250, MaxNesting = 4, Helpers = 3 };
        for (int seed = 1000; seed < 1060; seed++)
        {
            var divergence = checker.CheckSeed(seed, null, options);
            Assert.True(divergence is null, divergence?.Filetest);
        }
    }

    public void Dispose()
    {
        heap.Dispose();
        runtime.Dispose();
    }
}
