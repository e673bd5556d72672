using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Flywheel.CodeGen;
using Flywheel.Optimizer;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.Bench.CodeGen;

/// <summary>
/// Compile speed: IR instructions per second through the whole pipeline at each optimization
/// level — the optimizer's passes for that level, then selection, liveness, linear scan and x64
/// emission (the listing is formatted lazily and never asked for). Each iteration clones the
/// modules first (the optimizer works in place), which is included. The instruction counts and
/// each pass's share of the time are printed at setup (from 10 timed rounds); divide the count by
/// the mean time for instructions per second.
/// </summary>
[MemoryDiagnoser]
public class CompileSpeed
{
    Module[] generated = [];
    Module kernels = null!;

    [Params(OptLevel.None, OptLevel.Fast, OptLevel.Full)]
    public OptLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        generated = Enumerable.Range(0, 20).Select(seed => new RandomFunctionGenerator(seed, new GeneratorOptions { InstructionBudget = 200 }).GenerateModule()).ToArray();
        kernels = Kernels.LoadKernels();
        Console.WriteLine($"// generated: {Count(generated)} IR instructions in {generated.Sum(m => m.Functions.Count)} functions; kernels: {Count([kernels])} IR instructions");
        Report("generated", generated);
        Report("kernels", [kernels]);
    }

    static int Count(IEnumerable<Module> modules) => modules.Sum(m => m.Functions.Sum(f => f.LiveInstructionCount()));

    /// <summary>Prints instructions per second and where the time goes, pass by pass and phase by phase.</summary>
    void Report(string name, Module[] modules)
    {
        const int Rounds = 10;
        var passes = new Dictionary<string, TimeSpan>();
        var timings = new CodeGenTimings();
        var options = new CodeGenOptions { Runtime = BenchRuntime.Options.Runtime, Timings = timings };
        long start = Stopwatch.GetTimestamp();
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var module in modules)
            {
                var copy = module.Clone();
                var manager = PassManager.ForLevel(Level);
                manager.Run(copy);
                foreach (var record in manager.Records) passes[record.Pass] = passes.GetValueOrDefault(record.Pass) + record.Elapsed;
                CodeGenerator.Compile(copy, options);
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        var shares = passes.Select(p => (p.Key, p.Value)).Concat(
        [
            ("codegen: selection", timings.Selection), ("codegen: liveness", timings.Liveness),
            ("codegen: allocation", timings.Allocation), ("codegen: emission", timings.Emission),
        ]);
        double total = elapsed.TotalMilliseconds;
        Console.WriteLine($"// {name} at {Level}: {Count(modules) * Rounds / elapsed.TotalSeconds / 1e6:F3} M IR instructions/s (setup timing, clone included); shares: "
            + string.Join(", ", shares.OrderByDescending(s => s.Item2).Select(s => $"{s.Item1} {100 * s.Item2.TotalMilliseconds / total:F1}%")));
    }

    static int Compile(Module[] modules, OptLevel level)
    {
        int bytes = 0;
        foreach (var module in modules)
        {
            var copy = module.Clone();
            PassManager.ForLevel(level).Run(copy);
            bytes += CodeGenerator.Compile(copy, BenchRuntime.Options).Blob.Length;
        }
        return bytes;
    }

    [Benchmark]
    public int GeneratedModules() => Compile(generated, Level);

    [Benchmark]
    public int KernelModule() => Compile([kernels], Level);
}
