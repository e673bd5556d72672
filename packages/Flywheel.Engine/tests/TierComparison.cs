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
}
