using System.Diagnostics;
using ExpressionJit;
using Flywheel.MachineCode;

// Differential fuzzing of the x86-64 expression compiler: random double and integer trees are
// compiled with Flywheel.X64Assembler, run, and compared with evaluating the tree in C#.
// Usage: Flywheel.Fuzz.X64 [--seconds N] [--seed S]
var seconds = 60.0;
var seed = Environment.TickCount;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

using var heap = new ExecutableMemory();
var clock = Stopwatch.StartNew();
var master = new Random(seed);
long trees = 0, runs = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    var caseSeed = master.Next();
    var random = new Random(caseSeed);
    var integer = random.Next(2) == 0;
    var depth = random.Next(1, 12);
    var tree = random.Next(10) == 0
        ? RandomExpressions.DeepChain(random, random.Next(10, 40), integer)
        : integer ? RandomExpressions.Integer(random, depth) : RandomExpressions.Double(random, depth);
    var inputs = Enumerable.Range(0, 8).Select(_ => random.Next(3) == 0 ? random.NextInt64() : random.Next(-100, 100)).ToArray();

    bool Fails(Expr t)
    {
        using var compiled = integer ? IntegerCompiler.Compile(t, heap) : DoubleCompiler.Compile(t, heap);
        foreach (var x in inputs)
        {
            runs++;
            var same = integer
                ? compiled.Invoke(x) == Evaluator.Evaluate(t, x)
                : RandomExpressions.SameDouble(compiled.Invoke((double)x / 7), Evaluator.Evaluate(t, (double)x / 7));
            if (!same) return true;
        }
        return false;
    }

    trees++;
    if (!Fails(tree)) continue;
    var small = RandomExpressions.Shrink(tree, Fails);
    Console.WriteLine($"DIVERGENCE (seed {seed}, case seed {caseSeed}, {(integer ? "integer" : "double")}):");
    Console.WriteLine($"  f(x) = {small}");
    if (!integer) Console.WriteLine($"  reproduce: dotnet run --project samples/ExpressionJit -- \"{small}\" {string.Join(' ', inputs.Select(x => ((double)x / 7).ToString("R")))}");
    else Console.WriteLine($"  inputs: {string.Join(' ', inputs)}");
    return 1;
}
Console.WriteLine($"x64 expressions: {trees} trees, {runs} runs in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}), no divergence");
return 0;
