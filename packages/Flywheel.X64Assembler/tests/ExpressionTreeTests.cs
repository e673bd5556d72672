using ExpressionJit;
using Flywheel.MachineCode;
using FsCheck.Xunit;

namespace Flywheel.X64.Tests;

/// <summary>
/// Random expression trees compiled to x86-64 and run must agree with evaluating the same
/// tree in C#: exactly, bit for bit (NaNs aside), for doubles and wrapping integers.
/// </summary>
public sealed class ExpressionTreeTests : IDisposable
{
    private static readonly double[] DoubleInputs = [0, -0.0, 1, -2.5, 7, 1e-3, 123456.789, double.NaN, double.NegativeInfinity];
    private static readonly long[] LongInputs = [0, 1, -1, 42, long.MaxValue, long.MinValue, 0x1234_5678_9ABC];
    private readonly ExecutableMemory _heap = new();

    [Property(MaxTest = 150)]
    public void Double_trees_agree_with_CSharp(int seed)
    {
        var tree = RandomExpressions.Double(new Random(seed), depth: 1 + (seed & 0x7FFFFFFF) % 7);
        AssertDoubleAgrees(tree, seed);
    }

    [Property(MaxTest = 150)]
    public void Integer_trees_agree_with_CSharp(int seed)
    {
        var tree = RandomExpressions.Integer(new Random(seed), depth: 1 + (seed & 0x7FFFFFFF) % 8);
        AssertIntegerAgrees(tree, seed);
    }

    [Property(MaxTest = 30)]
    public void Trees_deeper_than_the_register_file_spill_correctly(int seed)
    {
        var random = new Random(seed);
        AssertDoubleAgrees(RandomExpressions.DeepChain(random, 20 + random.Next(10), integer: false), seed);
        AssertIntegerAgrees(RandomExpressions.DeepChain(random, 10 + random.Next(10), integer: true), seed);
    }

    [Fact]
    public void Pow_calls_back_into_CSharp_with_live_values_preserved()
    {
        // pow sits deep inside the tree, so x and several outer operands are live across the call.
        var tree = Parser.Parse("x + 2 * (x - 3 * (x + pow(x, 3) / 4))");
        AssertDoubleAgrees(tree, seed: 0);
        using var compiled = DoubleCompiler.Compile(tree, _heap);
        Assert.Equal(2 + 2 * (2 - 3 * (2 + 8.0 / 4)), compiled.Invoke(2.0));
    }

    [Fact]
    public void A_pow_call_at_the_spill_depth_keeps_the_stack_aligned()
    {
        var tree = RandomExpressions.DeepChain(new Random(5), 16, integer: false);
        tree = new Binary(BinaryOp.Add, tree, new Binary(BinaryOp.Pow, new Variable(), new Constant(0.5)));
        AssertDoubleAgrees(new Binary(BinaryOp.Mul, new Constant(3), tree), seed: 5);
    }

    private void AssertDoubleAgrees(Expr tree, int seed)
    {
        bool Fails(Expr t)
        {
            using var compiled = DoubleCompiler.Compile(t, _heap);
            return DoubleInputs.Any(x => !RandomExpressions.SameDouble(compiled.Invoke(x), Evaluator.Evaluate(t, x)));
        }
        if (!Fails(tree)) return;
        var small = RandomExpressions.Shrink(tree, Fails);
        using var shown = DoubleCompiler.Compile(small, _heap);
        var x = DoubleInputs.First(x => !RandomExpressions.SameDouble(shown.Invoke(x), Evaluator.Evaluate(small, x)));
        Assert.Fail($"seed {seed}: f(x) = {small} at x = {x:R}: machine code {shown.Invoke(x):R}, C# {Evaluator.Evaluate(small, x):R}\n{shown.Listing}");
    }

    private void AssertIntegerAgrees(Expr tree, int seed)
    {
        bool Fails(Expr t)
        {
            using var compiled = IntegerCompiler.Compile(t, _heap);
            return LongInputs.Any(x => compiled.Invoke(x) != Evaluator.Evaluate(t, x));
        }
        if (!Fails(tree)) return;
        var small = RandomExpressions.Shrink(tree, Fails);
        using var shown = IntegerCompiler.Compile(small, _heap);
        var x = LongInputs.First(x => shown.Invoke(x) != Evaluator.Evaluate(small, x));
        Assert.Fail($"seed {seed}: f(x) = {small} at x = {x}: machine code {shown.Invoke(x)}, C# {Evaluator.Evaluate(small, x)}\n{shown.Listing}");
    }

    public void Dispose() => _heap.Dispose();
}
