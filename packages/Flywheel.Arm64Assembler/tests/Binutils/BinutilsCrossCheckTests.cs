using Flywheel.Arm64.Testing;

namespace Flywheel.Arm64.Tests.Binutils;

/// <summary>
/// Every instruction form with random operands, encoded by us and by GNU as, disassembled by us
/// and by objdump: bytes and text must agree.
/// </summary>
public sealed class BinutilsCrossCheckTests
{
    private static void RequireTools() => Assert.True(Testing.Binutils.Exists, Testing.Binutils.MissingMessage);

    [Fact]
    public void Every_form_with_random_operands_matches_binutils()
    {
        RequireTools();
        var samples = InstructionForms.Samples(new Random(20261124), perForm: 64);
        var divergences = CrossCheck.Run(samples);
        Assert.True(divergences.Count == 0,
            $"{divergences.Count} of {samples.Count} instructions diverge from binutils:\n" + string.Join("\n", divergences.Take(60)));
    }
}

/// <summary>The oracle itself: a wrong encoding or a wrong text must be reported.</summary>
public sealed class CrossCheckSelfTests
{
    [Fact]
    public void A_wrong_encoding_is_reported()
    {
        Assert.True(Testing.Binutils.Exists, Testing.Binutils.MissingMessage);
        var samples = new List<Sample>
        {
            new("add imm", "add x0, x1, #1", a => a.Add(Registers.X0, Registers.X1, 1)),
            new("add imm", "add x0, x1, #2", a => a.Add(Registers.X0, Registers.X1, 3)),
        };
        var divergences = CrossCheck.Run(samples);
        var divergence = Assert.Single(divergences);
        Assert.Equal("add x0, x1, #2", divergence.Sample.Source);
        Assert.Equal("add\tx0, x1, #0x3", divergence.TheirText);
    }

    [Fact]
    public void Form_table_is_large_and_names_are_unique()
    {
        var names = InstructionForms.All.Select(f => f.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(names.Count >= 250, $"only {names.Count} forms");
    }
}
