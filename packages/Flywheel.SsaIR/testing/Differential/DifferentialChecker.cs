using System.Text;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.SsaIR.Testing.Differential;

/// <summary>A divergence between a module and its transformed form.</summary>
/// <param name="Seed">The generator seed.</param>
/// <param name="Description">What differed.</param>
/// <param name="Filetest">A ready-to-commit <c>.ir</c> filetest reproducing it.</param>
public sealed record Divergence(int Seed, string Description, string Filetest);

/// <summary>Counts from a differential run.</summary>
public sealed class DifferentialStats
{
    /// <summary>Modules generated.</summary>
    public int Modules { get; set; }

    /// <summary>Executions compared.</summary>
    public int Runs { get; set; }

    /// <summary>Reference executions that ran out of fuel (not compared).</summary>
    public int OutOfFuel { get; set; }

    /// <summary>Compared executions by reference outcome kind.</summary>
    public Dictionary<OutcomeKind, int> ByOutcome { get; } = [];

    /// <summary>A one-line summary.</summary>
    public override string ToString() =>
        $"{Modules} modules, {Runs} runs ({string.Join(", ", ByOutcome.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key.ToString().ToLowerInvariant()}"))}), {OutOfFuel} out of fuel";
}

/// <summary>
/// Differential testing: generated modules must give the same outcome (value, trap, deopt and its
/// values) and the same host-call log when interpreted before and after a transformation (the
/// optimizer, later compiled code). A divergence comes back as a filetest whose run lines hold the
/// reference outcomes, so the failing case can be committed as a regression test.
/// </summary>
public static class DifferentialChecker
{
    /// <summary>Fuel of the reference run; the transformed run gets more, since e.g. hoisting may add steps on some paths.</summary>
    public const long ReferenceFuel = 20_000;

    /// <summary>Checks one generated module; null when all inputs agree.</summary>
    public static Divergence? CheckSeed(int seed, Func<Module, Module> transform, string testHeader, DifferentialStats? stats = null, GeneratorOptions? options = null)
    {
        var generator = new RandomFunctionGenerator(seed, options);
        var module = generator.GenerateModule();
        var main = module.Functions[^1];
        var inputs = Enumerable.Range(0, 4).Select(_ => generator.GenerateArguments(main)).ToList();
        if (stats is not null) stats.Modules++;
        Module transformed;
        try { transformed = transform(module.Clone()); }
        catch (Exception e) { return Report(seed, module, inputs, $"transform threw {e}", testHeader); }
        foreach (var input in inputs)
        {
            var reference = Execute(module, input, ReferenceFuel, out var referenceLog);
            if (reference.Kind == OutcomeKind.OutOfFuel) { if (stats is not null) stats.OutOfFuel++; continue; }
            if (stats is not null)
            {
                stats.Runs++;
                stats.ByOutcome[reference.Kind] = stats.ByOutcome.GetValueOrDefault(reference.Kind) + 1;
            }
            ExecutionOutcome actual;
            List<string> actualLog;
            try { actual = Execute(transformed, input, ReferenceFuel * 4 + 10_000, out actualLog); }
            catch (Exception e) { return Report(seed, module, inputs, $"transformed code crashed the interpreter: {e}", testHeader); }
            if (!actual.SameAs(reference))
            {
                return Report(seed, module, inputs, $"main({Args(main, input)}): reference {reference}, transformed {actual}\n--- transformed:\n{transformed}", testHeader);
            }
            if (!actualLog.SequenceEqual(referenceLog))
            {
                return Report(seed, module, inputs, $"main({Args(main, input)}): host calls differ:\n{FiletestRunner.Diff(string.Join('\n', referenceLog), string.Join('\n', actualLog))}\n--- transformed:\n{transformed}", testHeader);
            }
        }
        return null;
    }

    static ExecutionOutcome Execute(Module module, long[] input, long fuel, out List<string> log, string function = "main")
    {
        var interpreter = new Interpreter(module, new InterpreterOptions { Fuel = fuel, Host = StandardHost.Create(), RecordHostCalls = true });
        var outcome = interpreter.Run(function, input);
        log = interpreter.HostCallLog.ToList();
        return outcome;
    }

    static string Args(Function main, long[] input) =>
        string.Join(", ", input.Select((v, i) => RunLine.FormatValue(v, main.ParameterTypes[i])));

    static Divergence Report(int seed, Module module, List<long[]> inputs, string description, string testHeader) =>
        Report(seed, module, inputs, description, $"Differential divergence found by generator seed {seed}", testHeader + "\ntest run");

    /// <summary>
    /// A divergence as a ready-to-commit filetest: a comment with <paramref name="title"/> and the
    /// first lines of <paramref name="description"/>, then <paramref name="testLines"/>, the module,
    /// and a <c>; run:</c> line per input for its last function with the reference interpreter's
    /// outcome (inputs that run out of fuel are left out).
    /// </summary>
    /// <param name="seed">The generator seed, kept in the result.</param>
    /// <param name="module">The module that diverged.</param>
    /// <param name="inputs">The inputs tried on its last function.</param>
    /// <param name="description">What differed.</param>
    /// <param name="title">Who found it, for the first comment line (no trailing colon).</param>
    /// <param name="testLines">The <c>test</c> lines, e.g. <c>"test run"</c>.</param>
    public static Divergence Report(int seed, Module module, IReadOnlyList<long[]> inputs, string description, string title, string testLines)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(description);
        var main = module.Functions[^1];
        var text = new StringBuilder();
        text.Append("; ").Append(title).Append(":\n");
        foreach (var line in description.Split('\n').Take(6)) text.Append("; ").Append(line).Append('\n');
        text.Append(testLines).Append("\n\n").Append(module);
        foreach (var input in inputs)
        {
            var reference = Execute(module, input, ReferenceFuel, out _, main.Name);
            if (reference.Kind == OutcomeKind.OutOfFuel) continue;
            text.Append("; run: %").Append(main.Name).Append('(').Append(Args(main, input)).Append(") == ").Append(RunLine.Format(reference, main.ReturnType)).Append('\n');
        }
        return new Divergence(seed, description, text.ToString());
    }
}
