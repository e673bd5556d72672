using Flywheel.SsaIR.Builder;
using Flywheel.SsaIR.Verification;

namespace Flywheel.SsaIR.Testing.Generation;

/// <summary>
/// Generates random valid modules: a <c>%main</c> plus leaf helpers, with nested ifs, switches and
/// counted loops (constant trip counts, so every loop ends), block parameters, integer and float
/// arithmetic (wrapping, checked, trapping division), conversions, stack-slot and heap memory with
/// alias classes that never lie, host calls, direct and indirect calls, and guards. Deterministic
/// for a seed. Feeds the round-trip property and differential testing.
/// </summary>
public sealed class RandomFunctionGenerator(int seed, GeneratorOptions? options = null)
{
    readonly Random random = new(seed);
    readonly GeneratorOptions options = options ?? new GeneratorOptions();

    /// <summary>The names of generated helper functions (leafs, signature (i64, i64) -> i64).</summary>
    public static string HelperName(int index) => "helper" + index;

    /// <summary>Generates a verified module whose entry point is <c>%main</c>.</summary>
    public Module GenerateModule()
    {
        var module = new Module();
        for (int i = 0; i < options.Helpers; i++)
        {
            module.Add(new BodyGenerator(random, options, HelperName(i), [IrType.I64, IrType.I64], IrType.I64, 0, options.InstructionBudget / 4).Generate());
        }
        var parameters = Enumerable.Range(0, random.Next(1, 4)).Select(_ => PickParamType()).ToArray();
        var returnType = PickParamType();
        module.Add(new BodyGenerator(random, options, "main", parameters, returnType, options.Helpers, options.InstructionBudget).Generate());
        foreach (var f in module.Functions) Verifier.VerifyOrThrow(f, module);
        return module;
    }

    /// <summary>Random arguments (canonical bits) for <paramref name="function"/>, biased toward edge cases.</summary>
    public long[] GenerateArguments(Function function) =>
        function.ParameterTypes.Select(t => BodyGenerator.RandomConstant(random, t)).ToArray();

    IrType PickParamType() => options.Floats && random.Next(5) == 0 ? IrType.F64 : random.Next(2) == 0 ? IrType.I32 : IrType.I64;
}
