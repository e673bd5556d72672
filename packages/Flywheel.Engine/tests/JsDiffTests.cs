using Flywheel.JsGen;

namespace Flywheel.Engine.Tests;

/// <summary>
/// A short seeded run of the differential fuzzer (fuzz/Flywheel.Fuzz.JsDiff): generated programs
/// print the same under the interpreter as under node, the same with and without GC stress, and the
/// same under the baseline JIT (every function compiled on its first call) as in the interpreter.
/// A failure shows the shrunk program with both outputs, ready to become a corpus test.
/// </summary>
public class JsDiffTests
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void GeneratorIsDeterministic()
    {
        for (int seed = 0; seed < 20; seed++)
            Assert.Equal(ProgramGenerator.Generate(seed).ToString(), ProgramGenerator.Generate(seed).ToString());
        // Every template of the generator is reached in a few thousand programs: none may be malformed.
        for (int seed = 0; seed < 3000; seed++) ProgramGenerator.Generate(seed);
        Assert.NotEqual(ProgramGenerator.Generate(1).ToString(), ProgramGenerator.Generate(2).ToString());
    }

    [Fact]
    public void GeneratedProgramsPrintTheSameAsNode()
    {
        if (!NodeRunner.Available) return; // node is the oracle only where installed
        var diff = Differential.NodeVersusInterpreter(Limit);
        var programs = Enumerable.Range(0, 300).Select(seed => ProgramGenerator.Generate(seed)).ToList();
        var found = diff.Compare(programs);
        if (found.Count > 0)
        {
            var small = diff.Shrink(found[0], TimeSpan.FromSeconds(20));
            Assert.Fail($"{found.Count} of {programs.Count} generated programs diverge from node; the first, shrunk:\n{small}");
        }
        Assert.True(diff.Compared == programs.Count);
    }

    [Fact]
    public void GeneratedProgramsAreValidAndMostlyRunToTheEnd()
    {
        if (!NodeRunner.Available) return;
        var texts = Enumerable.Range(1000, 100).Select(seed => ProgramGenerator.Generate(seed).ToString()).ToList();
        var results = NodeRunner.Run(texts, Limit);
        Assert.DoesNotContain(results, r => r.Output.Contains("<uncaught SyntaxError>", StringComparison.Ordinal) || r.Output.Contains("<uncaught ReferenceError>", StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.Status == RunStatus.Timeout);
        // The final "trace" line is printed unless something escaped every handler.
        Assert.True(results.Count(r => r.Output.Contains("trace ", StringComparison.Ordinal) || r.Output.EndsWith("trace\n", StringComparison.Ordinal)) >= 60);
    }

    [Fact]
    public void GeneratedProgramsPrintTheSameUnderGcStress()
    {
        var diff = new Differential(
            programs => programs.Select(p => Differential.RunFlywheel(p, Limit)).ToList(),
            p => Differential.RunFlywheel(p, Limit, gcStress: true));
        var found = diff.Compare(Enumerable.Range(2000, 25).Select(seed => ProgramGenerator.Generate(seed)).ToList());
        Assert.True(found.Count == 0, found.Count == 0 ? "" : $"GC stress changes the output of {found.Count} programs; the first:\n{diff.Shrink(found[0], TimeSpan.FromSeconds(20))}");
    }

    [Fact]
    public void GeneratedProgramsPrintTheSameUnderTheBaselineTier()
    {
        // The interpreter is the reference: any difference is a bug of the baseline tier (or of a
        // tier-dependent path in the runtime), whatever node prints.
        var diff = Differential.InterpreterVersusBaseline(Limit);
        var programs = Enumerable.Range(5000, 300).Select(seed => ProgramGenerator.Generate(seed)).ToList();
        var found = diff.Compare(programs);
        Assert.True(found.Count == 0, found.Count == 0 ? "" : $"{found.Count} of {programs.Count} generated programs print differently under the baseline tier; the first, shrunk:\n{diff.Shrink(found[0], TimeSpan.FromSeconds(20))}");
        Assert.Equal(programs.Count, diff.Compared);
    }

    [Fact]
    public void GeneratedProgramsPrintTheSameUnderTheBaselineTierWithGcStress()
    {
        var diff = Differential.InterpreterVersusBaseline(Limit, gcStress: true);
        var found = diff.Compare(Enumerable.Range(6000, 20).Select(seed => ProgramGenerator.Generate(seed)).ToList());
        Assert.True(found.Count == 0, found.Count == 0 ? "" : $"the baseline tier under GC stress changes the output of {found.Count} programs; the first, shrunk:\n{diff.Shrink(found[0], TimeSpan.FromSeconds(20))}");
    }
}
