using System.Text;
using Flywheel.CodeGen.Testing;
using Flywheel.MachineCode;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Verification;

namespace Flywheel.CodeGen.Tests;

/// <summary>
/// Runs SsaIR filetests against compiled x64 code, as two commands plugged into SsaIR's
/// <see cref="FiletestRunner"/>. <c>test run</c>: every <c>; run:</c> line holds on the interpreter
/// and compiled code gives the interpreter's outcome. <c>test compile</c>: each function's listing
/// (compiled against fixed, fake runtime addresses so it is deterministic) is its output, checked
/// against its <c>; expect:</c> block exactly; with <c>FLYWHEEL_BLESS=1</c> the blocks are
/// rewritten instead, otherwise a diff is reported.
/// </summary>
public static class CodeGenFiletestRunner
{
    public static FiletestResult Run(string path, NativeRuntime runtime, ExecutableMemory heap, bool bless)
    {
        // Nothing is compiled from a module that does not verify: both commands report that instead, once.
        bool? verified = null;
        bool Verified(Filetest test, ICollection<string> failures)
        {
            if (verified is { } known) return known;
            verified = true;
            foreach (var f in test.Functions)
            {
                var errors = Verifier.Verify(f.Parsed.Function, test.Module);
                if (errors.Count == 0) continue;
                failures.Add($"%{f.Parsed.Function.Name} does not verify:\n  {string.Join("\n  ", errors)}");
                verified = false;
            }
            return verified.Value;
        }
        return FiletestRunner.Run(path, optimize: null, bless, new Dictionary<string, FiletestCommand>
        {
            ["run"] = (test, _, _, failures) =>
            {
                if (Verified(test, failures)) RunLines(test, runtime, heap, failures);
            },
            ["compile"] = (test, _, outputs, failures) =>
            {
                if (!Verified(test, failures)) return;
                foreach (var (name, listing) in FunctionListings(CodeGenerator.Compile(test.Module, ListingOptions))) outputs[name] = listing;
            },
        });
    }

    static void RunLines(Filetest test, NativeRuntime runtime, ExecutableMemory heap, ICollection<string> failures)
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
}
