using System.Text;
using Flywheel.SsaIR.Verification;

namespace Flywheel.SsaIR.Testing.Filetests;

/// <summary>Turns a module into its optimized form for <c>test optimize PASSES</c>; supplied by the optimizer's tests.</summary>
public delegate Module OptimizeHook(Module module, IReadOnlyList<string> passes);

/// <summary>
/// A <c>test</c> command supplied by the package whose tests run the filetests (Flywheel.CodeGen's
/// <c>test compile</c>, or a <c>test run</c> that also runs compiled code); it takes precedence over
/// a built-in command of the same name. It reports failures, and may set a function's output text
/// (by function name), which is then checked against that function's <c>; check:</c>, <c>; not:</c>
/// and <c>; expect:</c> directives — and blessed — like a built-in command's output.
/// </summary>
/// <param name="test">The parsed filetest.</param>
/// <param name="arguments">The words after the command's name on its <c>test</c> line.</param>
/// <param name="outputs">Output text by function name, for the expectation checks.</param>
/// <param name="failures">Where failures go, each a complete message.</param>
public delegate void FiletestCommand(Filetest test, IReadOnlyList<string> arguments, IDictionary<string, string> outputs, ICollection<string> failures);

/// <summary>The result of one filetest.</summary>
/// <param name="Passed">Whether every expectation held.</param>
/// <param name="Message">What failed (with diffs), or "ok".</param>
public sealed record FiletestResult(bool Passed, string Message);

/// <summary>
/// Runs filetests. Commands: <c>test verify</c> (functions verify, or report each <c>; error:</c>),
/// <c>test run</c> (every <c>; run:</c> holds on the interpreter), <c>test print</c> (printing the
/// parsed text gives the function back, and <c>; expect:</c> matches it), <c>test optimize PASSES</c>
/// (the optimized function verifies, matches <c>; check:</c>/<c>; not:</c>/<c>; expect:</c>, and every run
/// line holds before and after). With <c>FLYWHEEL_BLESS=1</c>, <c>; expect:</c> blocks are rewritten
/// with the actual output instead of failing.
/// </summary>
public static class FiletestRunner
{
    /// <summary>Whether bless mode is on.</summary>
    public static bool Blessing => Environment.GetEnvironmentVariable("FLYWHEEL_BLESS") == "1";

    /// <summary>Runs the filetest at <paramref name="path"/>.</summary>
    public static FiletestResult Run(string path, OptimizeHook? optimize = null) => Run(path, optimize, Blessing);

    /// <summary>Runs the filetest at <paramref name="path"/>, rewriting <c>; expect:</c> blocks when <paramref name="bless"/> is set.</summary>
    public static FiletestResult Run(string path, OptimizeHook? optimize, bool bless) => Run(path, optimize, bless, null);

    /// <summary>
    /// Runs the filetest at <paramref name="path"/> with extra <paramref name="commands"/> (see
    /// <see cref="FiletestCommand"/>), rewriting <c>; expect:</c> blocks when <paramref name="bless"/> is set.
    /// </summary>
    public static FiletestResult Run(string path, OptimizeHook? optimize, bool bless, IReadOnlyDictionary<string, FiletestCommand>? commands)
    {
        var test = Filetest.Parse(File.ReadAllText(path));
        var failures = new List<string>();
        var outputs = new Dictionary<string, string>();
        if (test.Commands.Count == 0) failures.Add("no 'test' line");
        foreach (var command in test.Commands)
        {
            if (commands is not null && commands.TryGetValue(command[0], out var extension))
            {
                extension(test, command.Skip(1).ToList(), outputs, failures);
                continue;
            }
            switch (command[0])
            {
                case "verify": RunVerify(test, failures); break;
                case "run": RunRuns(test, test.Module, "interpreter", failures); break;
                case "print":
                    foreach (var f in test.Functions) outputs[f.Parsed.Function.Name] = f.Parsed.Function.ToString();
                    CheckRoundTrip(test, failures);
                    break;
                case "optimize":
                    if (optimize is null) { failures.Add("'test optimize' needs the optimizer"); break; }
                    RunOptimize(test, command.Skip(1).ToList(), optimize, outputs, failures);
                    break;
                default: failures.Add($"unknown command 'test {command[0]}'"); break;
            }
        }
        CheckOutputs(test, outputs, failures, path, bless);
        return failures.Count == 0 ? new FiletestResult(true, "ok") : new FiletestResult(false, string.Join("\n\n", failures));
    }

    static void RunVerify(Filetest test, List<string> failures)
    {
        foreach (var f in test.Functions)
        {
            var errors = Verifier.Verify(f.Parsed.Function, test.Module);
            if (f.Errors.Count == 0 && errors.Count > 0)
            {
                failures.Add($"%{f.Parsed.Function.Name} should verify:\n  {string.Join("\n  ", errors)}");
            }
            foreach (var expected in f.Errors.Where(e => !errors.Any(actual => actual.Contains(e, StringComparison.Ordinal))))
            {
                failures.Add($"%{f.Parsed.Function.Name}: expected a verifier error containing '{expected}', got:\n  {string.Join("\n  ", errors)}");
            }
        }
    }

    static void RunRuns(Filetest test, Module module, string executor, List<string> failures)
    {
        foreach (var f in test.Functions)
        {
            foreach (var run in f.Runs)
            {
                if (run.Check(module, executor) is { } failure) failures.Add(failure);
            }
        }
    }

    static void CheckRoundTrip(Filetest test, List<string> failures)
    {
        foreach (var f in test.Functions)
        {
            string printed = f.Parsed.Function.ToString();
            string reprinted = Text.IrParser.ParseFunction(printed).ToString();
            if (printed != reprinted) failures.Add($"%{f.Parsed.Function.Name} does not round-trip:\n{Diff(printed, reprinted)}");
        }
    }

    static void RunOptimize(Filetest test, List<string> passes, OptimizeHook optimize, Dictionary<string, string> outputs, List<string> failures)
    {
        foreach (var f in test.Functions)
        {
            var errors = Verifier.Verify(f.Parsed.Function, test.Module);
            if (errors.Count > 0) failures.Add($"%{f.Parsed.Function.Name} input does not verify:\n  {string.Join("\n  ", errors)}");
        }
        if (failures.Count > 0) return;
        RunRuns(test, test.Module, "interpreter", failures);
        Module optimized;
        try { optimized = optimize(test.Module.Clone(), passes); }
        catch (Exception e) { failures.Add($"optimizing failed: {e}"); return; }
        foreach (var function in optimized.Functions)
        {
            var errors = Verifier.Verify(function, optimized);
            if (errors.Count > 0) failures.Add($"optimized %{function.Name} does not verify:\n  {string.Join("\n  ", errors)}\n{function}");
            outputs[function.Name] = function.ToString();
        }
        RunRuns(test, optimized, "optimized", failures);
    }

    static void CheckOutputs(Filetest test, Dictionary<string, string> outputs, List<string> failures, string path, bool bless)
    {
        var blessed = new List<(int Line, int Length, string[] Replacement)>();
        foreach (var f in test.Functions)
        {
            if (!outputs.TryGetValue(f.Parsed.Function.Name, out var output))
            {
                if (f.Checks.Count > 0 || f.Nots.Count > 0 || f.Expect is not null) failures.Add($"%{f.Parsed.Function.Name}: check directives need 'test optimize' or 'test print'");
                continue;
            }
            int from = 0;
            foreach (var check in f.Checks)
            {
                int at = output.IndexOf(check, from, StringComparison.Ordinal);
                if (at < 0) { failures.Add($"%{f.Parsed.Function.Name}: check '{check}' not found (in order) in:\n{output}"); break; }
                from = at + check.Length;
            }
            foreach (var not in f.Nots.Where(n => output.Contains(n, StringComparison.Ordinal)))
            {
                failures.Add($"%{f.Parsed.Function.Name}: '{not}' must not appear in:\n{output}");
            }
            if (f.Expect is null) continue;
            string expected = string.Join('\n', f.Expect).TrimEnd();
            string actual = output.TrimEnd();
            if (expected == actual) continue;
            if (bless)
            {
                var replacement = new[] { "; expect:" }.Concat(actual.Split('\n').Select(l => l.Length == 0 ? ";" : "; " + l)).ToArray();
                blessed.Add((f.ExpectSpan.Line, f.ExpectSpan.Length, replacement));
            }
            else
            {
                failures.Add($"%{f.Parsed.Function.Name}: output differs from '; expect:' (rerun with FLYWHEEL_BLESS=1 to accept):\n{Diff(expected, actual)}");
            }
        }
        if (blessed.Count > 0) Bless(test, path, blessed);
    }

    static void Bless(Filetest test, string path, List<(int Line, int Length, string[] Replacement)> blessed)
    {
        var lines = test.Lines.ToList();
        foreach (var (line, length, replacement) in blessed.OrderByDescending(b => b.Line))
        {
            lines.RemoveRange(line, length);
            lines.InsertRange(line, replacement);
        }
        File.WriteAllText(path, string.Join('\n', lines));
    }

    /// <summary>A line diff: <c>-</c> expected only, <c>+</c> actual only, aligned by longest common subsequence.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var text = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { text.Append("  ").AppendLine(a[x]); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { text.Append("+ ").AppendLine(b[y]); y++; }
            else { text.Append("- ").AppendLine(a[x]); x++; }
        }
        return text.ToString();
    }
}
