using Flywheel.MachineCode;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Differential;
using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.CodeGen.Testing;

/// <summary>
/// Differential testing of compiled x64 code against the SsaIR interpreter: random valid modules
/// from the SsaIR generator, compiled, run through function pointers, must give the same return
/// value, trap, deopt (resume point and values, read back through the deopt frame state) and
/// host-call log. Runs the interpreter ends with no fuel or too deep are not compared (native code
/// has no fuel; its stack limit is not a call count). A divergence comes back as a
/// ready-to-commit <c>.ir</c> filetest.
/// </summary>
public sealed class NativeDifferential(NativeRuntime runtime, ExecutableMemory heap)
{
    /// <summary>Fuel for the reference run.</summary>
    public const long ReferenceFuel = 20_000;

    /// <summary>Checks one generated module; null when every input agrees.</summary>
    public Divergence? CheckSeed(int seed, DifferentialStats? stats = null, GeneratorOptions? options = null)
    {
        var generator = new RandomFunctionGenerator(seed, options);
        var module = generator.GenerateModule();
        var main = module.Functions[^1];
        var inputs = Enumerable.Range(0, 4).Select(_ => generator.GenerateArguments(main)).ToList();
        if (stats is not null) stats.Modules++;
        return Check(module, inputs, $"generator seed {seed}", seed, stats);
    }

    /// <summary>Checks <paramref name="module"/>'s <c>%main</c> (its last function) on <paramref name="inputs"/>.</summary>
    public Divergence? Check(Module module, IReadOnlyList<long[]> inputs, string origin, int seed = 0, DifferentialStats? stats = null)
    {
        var main = module.Functions[^1];
        CompiledModule compiled;
        try { compiled = CodeGenerator.Compile(module, runtime.Options); }
        catch (Exception e) { return Report(seed, origin, module, inputs, $"compiling threw {e.GetType().Name}: {e.Message}"); }
        using var installed = compiled.Install(heap);
        foreach (var input in inputs)
        {
            var reference = Interpret(module, main.Name, input, out var referenceLog);
            if (reference.Kind == OutcomeKind.OutOfFuel || reference is { Kind: OutcomeKind.Trapped, Trap: TrapCode.StackOverflow })
            {
                if (stats is not null) stats.OutOfFuel++;
                continue;
            }
            if (stats is not null)
            {
                stats.Runs++;
                stats.ByOutcome[reference.Kind] = stats.ByOutcome.GetValueOrDefault(reference.Kind) + 1;
            }
            ExecutionOutcome actual;
            try { actual = runtime.Run(installed, main.Name, input); }
            catch (Exception e) { return Report(seed, origin, module, inputs, $"main({Args(main, input)}): running threw {e.Message} {e.InnerException}"); }
            if (!SameOutcome(reference, actual, runtime.DeoptValueTypes))
            {
                return Report(seed, origin, module, inputs, $"main({Args(main, input)}): interpreter {Format(reference, main)}, x64 {Format(actual, main)}");
            }
            if (!runtime.HostCalls.SequenceEqual(referenceLog))
            {
                return Report(seed, origin, module, inputs, $"main({Args(main, input)}): host calls differ:\n{FiletestRunner.Diff(string.Join('\n', referenceLog), string.Join('\n', runtime.HostCalls))}");
            }
        }
        return null;
    }

    /// <summary>
    /// Outcomes agree, except that pointer-typed deopt values are not compared: an address is an
    /// identity, and the interpreter's addresses are not the machine's.
    /// </summary>
    static bool SameOutcome(ExecutionOutcome reference, ExecutionOutcome actual, IReadOnlyList<IrType> deoptTypes)
    {
        if (actual.Kind != OutcomeKind.Deopted || deoptTypes.Count != actual.DeoptValues.Count || !deoptTypes.Contains(IrType.Ptr)) return actual.SameAs(reference);
        long[] Mask(ExecutionOutcome o) => o.DeoptValues.Select((v, i) => i < deoptTypes.Count && deoptTypes[i] == IrType.Ptr ? 0 : v).ToArray();
        return reference.Kind == OutcomeKind.Deopted && reference.ResumePoint == actual.ResumePoint
            && reference.DeoptValues.Count == actual.DeoptValues.Count && Mask(reference).SequenceEqual(Mask(actual));
    }

    static ExecutionOutcome Interpret(Module module, string function, long[] input, out List<string> log)
    {
        var interpreter = new Interpreter(module, new InterpreterOptions { Fuel = ReferenceFuel, Host = StandardHost.Create(), RecordHostCalls = true });
        var outcome = interpreter.Run(function, input);
        log = interpreter.HostCallLog.ToList();
        return outcome;
    }

    static string Format(ExecutionOutcome outcome, Function function) => RunLine.Format(outcome, function.ReturnType);

    static string Args(Function main, long[] input) =>
        string.Join(", ", input.Select((v, i) => RunLine.FormatValue(v, main.ParameterTypes[i])));

    static Divergence Report(int seed, string origin, Module module, IReadOnlyList<long[]> inputs, string description) =>
        DifferentialChecker.Report(seed, module, inputs, description, $"x64 divergence found by {origin}", "test run");
}
