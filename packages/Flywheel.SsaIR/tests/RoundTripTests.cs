using FsCheck;
using FsCheck.Fluent;
using Flywheel.SsaIR.Testing.Generation;
using Flywheel.SsaIR.Text;
using Flywheel.SsaIR.Verification;

namespace Flywheel.SsaIR.Tests;

public sealed class RoundTripTests
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool RandomModulesRoundTripThroughPrinterAndParser(int seed)
    {
        var module = new RandomFunctionGenerator(seed).GenerateModule();
        string printed = module.ToString();
        var parsed = IrParser.ParseModule(printed);
        return parsed.ToString() == printed && Verifier.Verify(parsed).Count == 0;
    }

    [Fact]
    public void GeneratorIsDeterministicPerSeed()
    {
        Assert.Equal(new RandomFunctionGenerator(42).GenerateModule().ToString(), new RandomFunctionGenerator(42).GenerateModule().ToString());
        Assert.NotEqual(new RandomFunctionGenerator(42).GenerateModule().ToString(), new RandomFunctionGenerator(43).GenerateModule().ToString());
    }

    [Fact]
    public void GeneratedModulesUseEveryControlShape()
    {
        var text = string.Join("\n", Enumerable.Range(0, 200).Select(s => new RandomFunctionGenerator(s).GenerateModule().ToString()));
        foreach (var mnemonic in new[] { "brif", "switch", "jump", "guard", "checked_", "call_host", "call_indirect", "call.", "load.", "store", "alloc", "sdiv", "fcmp", "select" })
        {
            Assert.Contains(mnemonic, text);
        }
    }

    [Fact]
    public void FloatConstantsSurviveExactly()
    {
        foreach (double d in new[] { 0.1, -0.0, double.NaN, double.PositiveInfinity, 1e-310, BitConverter.Int64BitsToDouble(0x7ff0000000000123) })
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            var f = IrParser.ParseFunction($"function %f() -> f64 {{\nblock0:\n    v0 = fconst.f64 {IrPrinter.FormatFloat(IrType.F64, bits)}\n    return v0\n}}\n");
            Assert.Equal(bits, f[f[f.Entry].Instructions[0]].Imm);
        }
    }
}

public sealed class DifferentialCheckerTests
{
    /// <summary>A transformation that breaks meaning must be caught, and its repro must be a filetest that holds on the original.</summary>
    [Fact]
    public void ABrokenTransformIsReportedAsAReplayableFiletest()
    {
        Flywheel.SsaIR.Testing.Differential.Divergence? found = null;
        for (int seed = 0; seed < 50 && found is null; seed++)
        {
            found = Flywheel.SsaIR.Testing.Differential.DifferentialChecker.CheckSeed(seed, module =>
            {
                foreach (var f in module.Functions)
                {
                    foreach (var id in f.AllInstructions())
                    {
                        if (f[id].Opcode == Opcode.Iadd && f[id].Type.IsInt()) f[id].Opcode = Opcode.Isub;
                    }
                }
                return module;
            }, "test verify");
        }
        Assert.NotNull(found);
        Assert.Contains("; run: %main(", found.Filetest);
        string path = Path.Combine(Path.GetTempPath(), $"repro-{Guid.NewGuid():N}.ir");
        File.WriteAllText(path, found.Filetest);
        try
        {
            var replay = Flywheel.SsaIR.Testing.Filetests.FiletestRunner.Run(path, null, bless: false);
            Assert.True(replay.Passed, replay.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheIdentityTransformNeverDiverges()
    {
        var stats = new Flywheel.SsaIR.Testing.Differential.DifferentialStats();
        for (int seed = 0; seed < 100; seed++)
        {
            Assert.Null(Flywheel.SsaIR.Testing.Differential.DifferentialChecker.CheckSeed(seed, m => m, "test run", stats));
        }
        Assert.True(stats.ByOutcome.GetValueOrDefault(Interpretation.OutcomeKind.Deopted) > 0, stats.ToString());
        Assert.True(stats.ByOutcome.GetValueOrDefault(Interpretation.OutcomeKind.Trapped) > 0, stats.ToString());
    }
}
