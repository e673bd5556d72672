using System.Text;
using Flywheel.CodeGen.Testing;
using Flywheel.MachineCode;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Verification;

namespace Flywheel.CodeGen.Tests;

/// <summary>
/// Runs SsaIR filetests against compiled x64 code. <c>test run</c>: every <c>; run:</c> line holds
/// on the interpreter (through SsaIR's own runner) and compiled code gives the interpreter's
/// outcome. <c>test compile</c>: each function's listing (compiled against fixed, fake runtime
/// addresses so it is deterministic) matches its <c>; expect:</c> block exactly; with
/// <c>FLYWHEEL_BLESS=1</c> the blocks are rewritten instead, otherwise a diff is reported.
/// </summary>
public static class CodeGenFiletestRunner
{
    public static FiletestResult Run(string path, NativeRuntime runtime, ExecutableMemory heap, bool bless)
    {
        var test = Filetest.Parse(File.ReadAllText(path));
        var failures = new List<string>();
        foreach (var f in test.Functions)
        {
            var errors = Verifier.Verify(f.Parsed.Function, test.Module);
            if (errors.Count > 0) failures.Add($"%{f.Parsed.Function.Name} does not verify:\n  {string.Join("\n  ", errors)}");
        }
        if (failures.Count > 0) return new FiletestResult(false, string.Join("\n\n", failures));
        foreach (var command in test.Commands)
        {
            switch (command[0])
            {
                case "run": RunLines(test, runtime, heap, failures); break;
                case "compile": CompareListings(test, path, failures, bless); break;
                case "verify" or "print": break; // every input is verified above; printing is SsaIR's concern
                default: failures.Add($"unknown command 'test {command[0]}'"); break;
            }
        }
        return failures.Count == 0 ? new FiletestResult(true, "ok") : new FiletestResult(false, string.Join("\n\n", failures));
    }

    static void RunLines(Filetest test, NativeRuntime runtime, ExecutableMemory heap, List<string> failures)
    {
        using var installed = CodeGenerator.Compile(test.Module, runtime.Options).Install(heap);
        foreach (var f in test.Functions)
        {
            foreach (var run in f.Runs)
            {
                if (run.Check(test.Module, "interpreter") is { } failure) { failures.Add(failure); continue; }
                var function = test.Module.Functions.First(g => g.Name == run.Function);
                var args = run.Arguments.Select((a, i) => RunLine.ParseValue(a, function.ParameterTypes[i])).ToArray();
                var expected = new Interpreter(test.Module, new InterpreterOptions { Host = StandardHost.Create() }).Run(run.Function, args);
                if (expected.Kind == OutcomeKind.OutOfFuel) continue; // native code has no fuel
                var actual = runtime.Run(installed, run.Function, args);
                if (!actual.SameAs(expected))
                {
                    failures.Add($"run (x64): %{run.Function}({string.Join(", ", run.Arguments)}) gave {RunLine.Format(actual, function.ReturnType)}, expected {run.Expected}");
                }
            }
        }
    }

    /// <summary>Fixed runtime addresses for listings: never called, only printed.</summary>
    static CodeGenOptions ListingOptions => new()
    {
        Runtime = new RuntimeEntryPoints
        {
            DeoptEntry = unchecked((nint)0x7000_0000_1000L),
            TrapEntry = unchecked((nint)0x7000_0000_2000L),
            AllocateEntry = unchecked((nint)0x7000_0000_3000L),
            PendingExitAddress = unchecked((nint)0x7000_0000_4000L),
            StackLimitAddress = unchecked((nint)0x7000_0000_4008L),
            ResolveHostFunction = name => unchecked((nint)(name switch { "mix" => 0x7000_0001_0000L, "id" => 0x7000_0001_0010L, "sink" => 0x7000_0001_0020L, "load64" => 0x7000_0001_0030L, _ => 0L })),
        },
    };

    /// <summary>The listing lines of each function: from its annotation to the next function's or the entry stubs'.</summary>
    public static Dictionary<string, string> FunctionListings(CompiledModule compiled)
    {
        var result = new Dictionary<string, string>();
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in compiled.Listing.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("; function %", StringComparison.Ordinal) || trimmed.StartsWith("; entry stub", StringComparison.Ordinal))
            {
                if (current is not null) result[current] = text.ToString().TrimEnd();
                text.Clear();
                current = trimmed.StartsWith("; function %", StringComparison.Ordinal) ? trimmed["; function %".Length..] : null;
                continue;
            }
            if (current is not null) text.Append(line.TrimEnd()).Append('\n');
        }
        if (current is not null) result[current] = text.ToString().TrimEnd();
        return result;
    }

    static void CompareListings(Filetest test, string path, List<string> failures, bool bless)
    {
        var listings = FunctionListings(CodeGenerator.Compile(test.Module, ListingOptions));
        var blessed = new List<(int Line, int Length, string[] Replacement)>();
        foreach (var f in test.Functions)
        {
            var name = f.Parsed.Function.Name;
            string actual = listings[name];
            string expected = f.Expect is null ? "" : string.Join('\n', f.Expect).TrimEnd();
            if (expected == actual) continue;
            if (bless && f.Expect is not null)
            {
                blessed.Add((f.ExpectSpan.Line, f.ExpectSpan.Length, ["; expect:", .. actual.Split('\n').Select(l => l.Length == 0 ? ";" : "; " + l)]));
            }
            else
            {
                failures.Add($"%{name}: listing differs from '; expect:' (rerun with FLYWHEEL_BLESS=1 to accept):\n{FiletestRunner.Diff(expected, actual)}");
            }
        }
        if (blessed.Count == 0) return;
        var lines = test.Lines.ToList();
        foreach (var (line, length, replacement) in blessed.OrderByDescending(b => b.Line))
        {
            lines.RemoveRange(line, length);
            lines.InsertRange(line, replacement);
        }
        File.WriteAllText(path, string.Join('\n', lines));
    }
}
