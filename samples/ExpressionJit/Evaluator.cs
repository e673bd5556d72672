namespace ExpressionJit;

/// <summary>The reference meaning of expressions, in plain C#.</summary>
public static class Evaluator
{
    /// <summary>Evaluates a double tree at <paramref name="x"/>.</summary>
    public static double Evaluate(Expr expr, double x) => expr switch
    {
        Constant c => c.Value,
        Variable => x,
        Unary { Op: UnaryOp.Neg } u => -Evaluate(u.Operand, x),
        Unary { Op: UnaryOp.Sqrt } u => Math.Sqrt(Evaluate(u.Operand, x)),
        Unary { Op: UnaryOp.Abs } u => Math.Abs(Evaluate(u.Operand, x)),
        Binary b => b.Op switch
        {
            BinaryOp.Add => Evaluate(b.Left, x) + Evaluate(b.Right, x),
            BinaryOp.Sub => Evaluate(b.Left, x) - Evaluate(b.Right, x),
            BinaryOp.Mul => Evaluate(b.Left, x) * Evaluate(b.Right, x),
            BinaryOp.Div => Evaluate(b.Left, x) / Evaluate(b.Right, x),
            BinaryOp.Pow => Math.Pow(Evaluate(b.Left, x), Evaluate(b.Right, x)),
            _ => throw new ArgumentException($"{b.Op} is not a double operation."),
        },
        _ => throw new ArgumentException($"{expr} is not a double expression."),
    };

    /// <summary>Evaluates an integer tree at <paramref name="x"/> with wrapping 64-bit arithmetic.</summary>
    public static long Evaluate(Expr expr, long x) => expr switch
    {
        Constant c => (long)c.Value,
        Variable => x,
        Unary { Op: UnaryOp.Neg } u => unchecked(-Evaluate(u.Operand, x)),
        Unary { Op: UnaryOp.Not } u => ~Evaluate(u.Operand, x),
        Binary b => b.Op switch
        {
            BinaryOp.Add => unchecked(Evaluate(b.Left, x) + Evaluate(b.Right, x)),
            BinaryOp.Sub => unchecked(Evaluate(b.Left, x) - Evaluate(b.Right, x)),
            BinaryOp.Mul => unchecked(Evaluate(b.Left, x) * Evaluate(b.Right, x)),
            BinaryOp.And => Evaluate(b.Left, x) & Evaluate(b.Right, x),
            BinaryOp.Or => Evaluate(b.Left, x) | Evaluate(b.Right, x),
            BinaryOp.Xor => Evaluate(b.Left, x) ^ Evaluate(b.Right, x),
            _ => throw new ArgumentException($"{b.Op} is not an integer operation."),
        },
        _ => throw new ArgumentException($"{expr} is not an integer expression."),
    };
}
