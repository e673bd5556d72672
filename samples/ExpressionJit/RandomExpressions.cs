namespace ExpressionJit;

/// <summary>
/// Random expression trees for property tests and fuzzing, and a shrinker that finds a smaller
/// tree still showing a failure.
/// </summary>
public static class RandomExpressions
{
    private static readonly double[] InterestingDoubles =
        [0, -0.0, 1, -1, 0.5, 3, 1e308, -1e-308, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.PI];

    private static readonly long[] InterestingLongs =
        [0, 1, -1, 2, 255, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, 0x1_0000_0000];

    /// <summary>A random double tree of at most <paramref name="depth"/> levels.</summary>
    public static Expr Double(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
            return random.Next(3) == 0
                ? new Variable()
                : new Constant(random.Next(3) == 0 ? InterestingDoubles[random.Next(InterestingDoubles.Length)] : Math.Round(random.NextDouble() * 200 - 100, random.Next(4)));
        return random.Next(6) switch
        {
            0 => new Unary((UnaryOp)new[] { 0, 2, 3 }[random.Next(3)], Double(random, depth - 1)),
            5 when random.Next(3) == 0 => new Binary(BinaryOp.Pow, Double(random, depth - 1), Double(random, depth - 1)),
            _ => new Binary((BinaryOp)random.Next(4), Double(random, depth - 1), Double(random, depth - 1)),
        };
    }

    /// <summary>A random integer tree of at most <paramref name="depth"/> levels.</summary>
    public static Expr Integer(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
            return random.Next(3) == 0
                ? new Variable()
                : new Constant(random.Next(2) == 0 ? InterestingLongs[random.Next(InterestingLongs.Length)] : random.Next(-1000, 1000));
        return random.Next(5) == 0
            ? new Unary(random.Next(2) == 0 ? UnaryOp.Neg : UnaryOp.Not, Integer(random, depth - 1))
            : new Binary(new[] { BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.And, BinaryOp.Or, BinaryOp.Xor }[random.Next(6)],
                Integer(random, depth - 1), Integer(random, depth - 1));
    }

    /// <summary>A chain nested deeper than the compilers have registers, to force spills.</summary>
    public static Expr DeepChain(Random random, int depth, bool integer)
    {
        Expr tree = new Variable();
        for (var i = 0; i < depth; i++)
        {
            var leaf = new Constant(integer ? random.Next(-9, 10) : Math.Round(random.NextDouble() * 10, 1));
            var op = integer ? new[] { BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Xor }[random.Next(4)] : (BinaryOp)random.Next(4);
            tree = random.Next(2) == 0 ? new Binary(op, leaf, tree) : new Binary(op, tree, leaf);
        }
        return tree;
    }

    /// <summary>Repeatedly replaces the tree by a subtree while <paramref name="fails"/> still holds.</summary>
    public static Expr Shrink(Expr tree, Func<Expr, bool> fails)
    {
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var candidate in Smaller(tree))
            {
                if (!fails(candidate)) continue;
                tree = candidate;
                progress = true;
                break;
            }
        }
        return tree;
    }

    private static IEnumerable<Expr> Smaller(Expr tree)
    {
        switch (tree)
        {
            case Unary u:
                yield return u.Operand;
                foreach (var s in Smaller(u.Operand)) yield return u with { Operand = s };
                break;
            case Binary b:
                yield return b.Left;
                yield return b.Right;
                foreach (var s in Smaller(b.Left)) yield return b with { Left = s };
                foreach (var s in Smaller(b.Right)) yield return b with { Right = s };
                break;
        }
    }

    /// <summary>Whether two doubles are the same value, counting every NaN as the same.</summary>
    public static bool SameDouble(double a, double b) => a.Equals(b) && (a != 0 || double.IsNegative(a) == double.IsNegative(b));
}
