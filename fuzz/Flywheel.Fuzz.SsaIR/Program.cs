// Fuzz target: random valid SSA IR modules (Flywheel.SsaIR.Testing's generator) must behave the
// same interpreted and optimized-then-interpreted: same value, trap, deopt (resume point and
// frame-state values) and host-call log. Each module also round-trips through printer and parser.
// Pipelines alternate between the full and fast levels and random pass sequences, with the
// verifier after every pass. Exits 0 when nothing diverged; otherwise prints the divergence as a
// ready-to-commit .ir filetest (for packages/Flywheel.Optimizer/tests/filetests/regress/) and exits 1.
//
//   dotnet run --project fuzz/Flywheel.Fuzz.SsaIR -c Release -- --seconds N [--seed S]
using System.Diagnostics;
using Flywheel.Optimizer;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Testing.Differential;
using Flywheel.SsaIR.Testing.Generation;
using Flywheel.SsaIR.Text;

var seconds = 60;
var seed = Environment.TickCount & int.MaxValue;
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i]); break;
        case "--seed": seed = int.Parse(args[++i]); break;
    }
}

var passNames = PassRegistry.CreateDefault().Names.ToArray();
var stats = new DifferentialStats();
var clock = Stopwatch.StartNew();
var picker = new Random(seed);
Console.WriteLine($"fuzz ssair: seed {seed}, {seconds} s");
for (var current = seed; clock.Elapsed.TotalSeconds < seconds; current = current == int.MaxValue ? 0 : current + 1)
{
    // Bigger and deeper functions now and then, so rare shapes get a chance.
    var options = picker.Next(4) == 0 ? new GeneratorOptions { InstructionBudget = 150, MaxNesting = 4, Helpers = 3 } : new GeneratorOptions();
    var passes = picker.Next(3) switch
    {
        0 => Pipelines.For(OptLevel.Full),
        1 => Pipelines.For(OptLevel.Fast),
        _ => Enumerable.Range(0, picker.Next(1, 10)).Select(_ => passNames[picker.Next(passNames.Length)]).ToList(),
    };
    string header = "test optimize " + string.Join(' ', passes);
    var divergence = RoundTrip(current, options) ?? DifferentialChecker.CheckSeed(current, module =>
    {
        new PassManager(PassManager.FromNames(passes).Passes) { VerifyAfterEachPass = true }.Run(module);
        return module;
    }, header, stats, options);
    if (divergence is not null)
    {
        Console.WriteLine($"fuzz ssair: DIVERGENCE at seed {current} ({stats})");
        Console.WriteLine(divergence.Description);
        Console.WriteLine("---- ready-to-commit filetest ----");
        Console.WriteLine(divergence.Filetest);
        return 1;
    }
}
Console.WriteLine($"fuzz ssair: no divergence in {clock.Elapsed.TotalSeconds:F0} s: {stats}");
return 0;

static Divergence? RoundTrip(int seed, GeneratorOptions options)
{
    var module = new RandomFunctionGenerator(seed, options).GenerateModule();
    var printed = module.ToString();
    var reprinted = IrParser.ParseModule(printed).ToString();
    return printed == reprinted ? null : new Divergence(seed, "printer/parser round trip differs", "test print\n\n" + printed);
}
