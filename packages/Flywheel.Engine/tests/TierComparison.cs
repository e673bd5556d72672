using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Runs a script in a given tier and compares tiers: what the baseline tests share. Output is what the
/// script printed, with an uncaught exception appended as one line.
/// </summary>
static class TierComparison
{
    public static (string Output, EngineStatistics Statistics) Run(string source, TieringMode mode, bool gcStress = false)
    {
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Jit.Mode = mode;
        options.Debug.GcStress = gcStress;
        options.Limits.TimeLimit = TimeSpan.FromSeconds(60);
        using var engine = new JsEngine(options);
        try { engine.Execute(source, "test.js"); }
        catch (JavaScriptException e) { output.Write($"<uncaught {e.Name}: {e.ErrorMessage}>\n"); }
        return (output.ToString(), engine.GetStatistics());
    }

    /// <summary>Asserts the baseline tier (and, with <paramref name="gcStress"/>, under GC stress) prints what the interpreter prints; returns the baseline run's statistics.</summary>
    public static EngineStatistics AssertSameInBothTiers(string source, bool gcStress = false)
    {
        var interpreted = Run(source, TieringMode.Interpreter).Output;
        var (output, statistics) = Run(source, TieringMode.Baseline);
        Assert.Equal(interpreted, output);
        if (gcStress) Assert.Equal(interpreted, Run(source, TieringMode.Baseline, gcStress: true).Output);
        return statistics;
    }

    /// <summary>
    /// Property: one to four of <paramref name="operations"/> (expressions in x and y), each the body
    /// <paramref name="functionBody"/> with OP replaced by the expression, in its own function after
    /// <paramref name="preamble"/>, run over random pairs of <paramref name="values"/> twice (the second
    /// round in filled inline caches and machine code), print the same in the interpreter and in baseline code.
    /// </summary>
    public static void AssertOperationsAgreeOnRandomValues(string[] operations, string[] values, string functionBody, string preamble)
    {
        var generator =
            from opCount in Gen.Choose(1, 4)
            from ops in Gen.ArrayOf(Gen.Elements(operations), opCount)
            from xCount in Gen.Choose(1, 6)
            from xs in Gen.ArrayOf(Gen.Elements(values), xCount)
            from yCount in Gen.Choose(1, 6)
            from ys in Gen.ArrayOf(Gen.Elements(values), yCount)
            select new OperationCase(ops, xs, ys);
        Prop.ForAll(generator.ToArbitrary(), c =>
        {
            var body = string.Join("\n", c.Operations.Select((op, i) =>
                $"function f{i}(x, y) {{ {functionBody.Replace("OP", op, StringComparison.Ordinal)} }}"));
            var calls = string.Join(" ", c.Operations.Select((_, i) => $"out.push(f{i}(x, y));"));
            var source = $$"""
                {{preamble}}
                {{body}}
                const xs = [{{string.Join(", ", c.Xs)}}], ys = [{{string.Join(", ", c.Ys)}}];
                for (let round = 0; round < 2; round++) {
                  const out = [];
                  for (const x of xs) for (const y of ys) { {{calls}} }
                  console.log(out.join("|"));
                }
                """;
            string interpreted = Run(source, TieringMode.Interpreter).Output, compiled = Run(source, TieringMode.Baseline).Output;
            return (interpreted == compiled).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    sealed record OperationCase(string[] Operations, string[] Xs, string[] Ys);
}
