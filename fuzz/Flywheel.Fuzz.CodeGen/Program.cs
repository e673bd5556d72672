using System.Diagnostics;
using System.Globalization;
using Flywheel.CodeGen.Testing;
using Flywheel.MachineCode;
using Flywheel.SsaIR.Testing.Differential;
using Flywheel.SsaIR.Testing.Generation;

// Differential fuzzing of Flywheel.CodeGen: random valid SsaIR modules (the SsaIR generator, with
// random sizes) compiled to x86-64, run through function pointers, and compared with the SsaIR
// interpreter: same values, traps, deopts (values read back through the deopt frame states) and
// host calls. A divergence prints as a ready-to-commit .ir filetest.
// Usage: Flywheel.Fuzz.CodeGen [--seconds N] [--seed S] [--case C (replay one case seed)]
var seconds = 60.0;
var seed = Environment.TickCount;
int? onlyCase = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--case": onlyCase = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

using var runtime = new NativeRuntime();
using var heap = new ExecutableMemory();
var checker = new NativeDifferential(runtime, heap);
var stats = new DifferentialStats();
var master = new Random(seed);
var clock = Stopwatch.StartNew();
while (clock.Elapsed.TotalSeconds < seconds)
{
    int caseSeed = onlyCase ?? master.Next();
    var shape = new Random(caseSeed);
    var options = new GeneratorOptions
    {
        InstructionBudget = shape.Next(10, 300),
        MaxNesting = shape.Next(1, 5),
        Helpers = shape.Next(0, 4),
        Deopts = shape.Next(5) != 0,
        Floats = shape.Next(5) != 0,
    };
    var divergence = checker.CheckSeed(caseSeed, stats, options);
    if (divergence is null)
    {
        if (onlyCase is not null) break;
        continue;
    }
    Console.WriteLine($"DIVERGENCE (seed {seed}, case seed {caseSeed}, budget {options.InstructionBudget}, nesting {options.MaxNesting}, helpers {options.Helpers}, deopts {options.Deopts}, floats {options.Floats}):");
    Console.WriteLine(divergence.Filetest);
    return 1;
}
Console.WriteLine($"x64 codegen: {stats} in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}), no divergence");
return 0;
