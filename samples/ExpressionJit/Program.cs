using System.Globalization;
using ExpressionJit;
using Flywheel.MachineCode;

// Usage: ExpressionJit [expression] [x ...]
// Compiles the expression in x to x86-64 machine code, prints the listing, and evaluates it
// for each x (default: -2 -1 0 1 2 10), next to the C# evaluation of the same tree.
if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
{
    Console.Error.WriteLine("This sample runs x86-64 code and needs an x86-64 host.");
    return 2;
}

var text = args.Length > 0 ? args[0] : ReadExpression();
Expr expr;
try
{
    expr = Parser.Parse(text);
}
catch (ExpressionSyntaxException error)
{
    Console.Error.WriteLine($"syntax error: {error.Message}");
    Console.Error.WriteLine($"  {text}");
    Console.Error.WriteLine($"  {new string(' ', error.Column - 1)}^");
    return 1;
}

var xs = args.Length > 1
    ? args.Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray()
    : [-2, -1, 0, 1, 2, 10];

using var heap = new ExecutableMemory();
using var compiled = DoubleCompiler.Compile(expr, heap);
Console.WriteLine($"f(x) = {expr}");
Console.WriteLine();
Console.Write(compiled.Listing);
Console.WriteLine();
var mismatches = 0;
foreach (var x in xs)
{
    var jit = compiled.Invoke(x);
    var reference = Evaluator.Evaluate(expr, x);
    var same = jit.Equals(reference);
    if (!same) mismatches++;
    Console.WriteLine(FormattableString.Invariant($"f({x}) = {jit:R}{(same ? "" : $"   MISMATCH: C# says {reference:R}")}"));
}
return mismatches == 0 ? 0 : 3;

static string ReadExpression()
{
    Console.Write("f(x) = ");
    return Console.ReadLine() ?? "x*x + 3*x - 1";
}
