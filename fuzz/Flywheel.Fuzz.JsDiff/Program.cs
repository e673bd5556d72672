using System.Diagnostics;
using System.Globalization;
using Flywheel.JsGen;

// Differential fuzzing of the interpreter against node: random terminating programs from
// Flywheel.JsGen, run in batches (one node process per batch), outputs compared byte for byte.
// A divergence is shrunk and printed as a ready-to-commit corpus test.
// With --against baseline, the interpreter is the reference and the baseline JIT is under test.
// Usage: Flywheel.Fuzz.JsDiff [--seconds N] [--seed S] [--batch N] [--keep-going] [--against node|baseline]
//        Flywheel.Fuzz.JsDiff --print SEED      (print the program of one seed)
var seconds = 60.0;
var seed = Environment.TickCount & int.MaxValue;
int batchSize = 100;
bool keepGoing = false;
string against = "node";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--batch": batchSize = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--keep-going": keepGoing = true; break;
        case "--against": against = args[++i]; break;
        case "--print": Console.Write(ProgramGenerator.Generate(int.Parse(args[++i], CultureInfo.InvariantCulture))); return 0;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

if (against is not ("node" or "baseline")) { Console.Error.WriteLine($"--against {against}: expected node or baseline"); return 2; }
if (against == "node" && !NodeRunner.Available)
{
    Console.WriteLine("jsdiff: node is not on the PATH; nothing to compare against (skipped)");
    return 0;
}

var clock = Stopwatch.StartNew();
var master = new Random(seed);
var diff = against == "node" ? Differential.NodeVersusInterpreter(TimeSpan.FromSeconds(5)) : Differential.InterpreterVersusBaseline(TimeSpan.FromSeconds(5));
int divergences = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    var seeds = Enumerable.Range(0, batchSize).Select(_ => master.Next()).ToList();
    var programs = seeds.Select(s => ProgramGenerator.Generate(s)).ToList();
    foreach (var found in diff.Compare(programs))
    {
        divergences++;
        int caseSeed = seeds[programs.IndexOf(found.Program)];
        Console.WriteLine($"divergence in program seed {caseSeed} (regenerate with --print {caseSeed}); shrinking…");
        var small = diff.Shrink(found, TimeSpan.FromSeconds(60));
        var file = Findings.Save("JsDiff", $"jsdiff-{caseSeed}.js", small.ToString());
        Console.WriteLine($"DIVERGENCE (seed {seed}, program seed {caseSeed}; regenerate with --print {caseSeed}), shrunk from {found.Program.Size} to {small.Program.Size} nodes, saved as {file}:");
        Console.WriteLine(small);
        if (!keepGoing) return 1;
    }
}
Console.WriteLine($"jsdiff ({against}): {diff.Compared} programs in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}), {diff.TimedOut} timed out in the reference, {diff.SlowNotHung} needed more time under test, {diff.MemoryLimited} hit Flywheel's memory limit, {divergences} divergences");
return divergences == 0 ? 0 : 1;
