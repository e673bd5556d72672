namespace Flywheel.Engine.Tests;

/// <summary>
/// Scripts that loop until the statement limit stops them, counting their progress in a global
/// <c>made</c>: machine code must honour the budget at exactly the statement the interpreter does.
/// </summary>
internal static class StatementBudget
{
    /// <summary>Runs <paramref name="source"/> under a 50,000-statement limit in the interpreter and in baseline code and asserts both stopped with the same <c>made</c>.</summary>
    public static void AssertTiersStopAtTheSamePoint(string source, bool gcStress) =>
        Assert.Equal(Made(source, TieringMode.Interpreter, gcStress), Made(source, TieringMode.Baseline, gcStress));

    static string Made(string source, TieringMode mode, bool gcStress)
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = mode;
        options.Debug.GcStress = gcStress;
        options.Limits.MaxStatements = 50_000;
        using var engine = new JsEngine(options);
        Assert.Throws<JsStatementLimitException>(() => engine.Execute(source));
        return engine.Evaluate("made").AsNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
