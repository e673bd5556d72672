using BenchmarkDotNet.Attributes;
using Flywheel.CodeGen;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.Bench.CodeGen;

/// <summary>
/// Compile speed: IR instructions per second through selection, liveness, linear scan and x64
/// emission (listing formatting included, as <see cref="CodeGenerator.Compile"/> does it). The
/// instruction counts are printed at setup; divide by the mean time.
/// </summary>
[MemoryDiagnoser]
public class CompileSpeed
{
    Module[] generated = [];
    Module kernels = null!;

    [GlobalSetup]
    public void Setup()
    {
        generated = Enumerable.Range(0, 20).Select(seed => new RandomFunctionGenerator(seed, new GeneratorOptions { InstructionBudget = 200 }).GenerateModule()).ToArray();
        kernels = Kernels.LoadKernels();
        Console.WriteLine($"// generated: {Count(generated)} IR instructions in {generated.Sum(m => m.Functions.Count)} functions; kernels: {Count([kernels])} IR instructions");
    }

    static int Count(IEnumerable<Module> modules) => modules.Sum(m => m.Functions.Sum(f => f.LiveInstructionCount()));

    [Benchmark]
    public int GeneratedModules()
    {
        int bytes = 0;
        foreach (var module in generated) bytes += CodeGenerator.Compile(module, BenchRuntime.Options).Blob.Length;
        return bytes;
    }

    [Benchmark]
    public int KernelModule() => CodeGenerator.Compile(kernels, BenchRuntime.Options).Blob.Length;
}
