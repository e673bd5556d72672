namespace Flywheel.SsaIR.Tests;

public sealed class OpcodeTableTests
{
    [Fact]
    public void TableHasOneRowPerOpcodeInEnumOrder()
    {
        var opcodes = Enum.GetValues<Opcode>();
        Assert.Equal(opcodes.Length, OpcodeInfo.All.Count);
        for (int i = 0; i < opcodes.Length; i++) Assert.Equal(opcodes[i], OpcodeInfo.All[i].Opcode);
    }

    [Fact]
    public void MnemonicsAreUniqueAndParseBack()
    {
        Assert.Equal(OpcodeInfo.All.Count, OpcodeInfo.All.Select(i => i.Name).Distinct().Count());
        foreach (var info in OpcodeInfo.All)
        {
            Assert.True(OpcodeInfo.TryParse(info.Name, out var parsed));
            Assert.Equal(info.Opcode, parsed);
        }
    }

    [Fact]
    public void NamesFollowEffects()
    {
        foreach (var info in OpcodeInfo.All)
        {
            if (info.Name.StartsWith("checked_", StringComparison.Ordinal)) Assert.True(info.Effects.HasFlag(Effects.MayDeopt), info.Name);
            if (info.Format is InstFormat.Jump or InstFormat.Brif or InstFormat.Switch or InstFormat.Return or InstFormat.Trap)
            {
                Assert.True(info.Effects.HasFlag(Effects.Terminator), info.Name);
            }
            else
            {
                Assert.False(info.Effects.HasFlag(Effects.Terminator), info.Name);
            }
        }
        Assert.True(Opcode.Iadd.Effects().IsPure());
        Assert.False(Opcode.Sdiv.Effects().IsRemovableWhenUnused());
        Assert.True(Opcode.Load.Effects().HasFlag(Effects.ReadsMemory));
        Assert.True(Opcode.Alloc.Effects().IsRemovableWhenUnused());
        Assert.True(Opcode.CallHost.Effects().MayClobberMemory());
    }
}

public sealed class OpcodeCoverageTests
{
    /// <summary>Every opcode appears in some run filetest, so every executor is checked on it.</summary>
    [Fact]
    public void EveryOpcodeHasARunFiletest()
    {
        string directory = Flywheel.SsaIR.Testing.Filetests.FiletestFiles.Directory(typeof(OpcodeCoverageTests).Assembly);
        var used = new HashSet<Opcode>();
        foreach (var file in Directory.GetFiles(Path.Combine(directory, "run"), "*.ir"))
        {
            var test = Flywheel.SsaIR.Testing.Filetests.Filetest.Parse(File.ReadAllText(file));
            foreach (var f in test.Functions.Where(f => f.Runs.Count > 0).Select(f => f.Parsed.Function))
            {
                foreach (var id in f.AllInstructions()) used.Add(f[id].Opcode);
            }
        }
        Assert.Empty(Enum.GetValues<Opcode>().Except(used));
    }
}
