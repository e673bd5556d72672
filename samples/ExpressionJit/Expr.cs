namespace ExpressionJit;

/// <summary>Binary operators. Integer trees use Add..Xor; double trees use Add..Div and Pow.</summary>
public enum BinaryOp { Add, Sub, Mul, Div, And, Or, Xor, Pow }

/// <summary>Unary operators. Integer trees use Neg and Not; double trees use Neg, Sqrt and Abs.</summary>
public enum UnaryOp { Neg, Not, Sqrt, Abs }

/// <summary>An expression in one variable, x.</summary>
public abstract record Expr
{
    /// <summary>The number of nodes, a measure of size for generators and shrinking.</summary>
    public abstract int Size { get; }
}

/// <summary>A constant (an integer tree's constants are whole numbers).</summary>
public sealed record Constant(double Value) : Expr
{
    /// <inheritdoc />
    public override int Size => 1;
    /// <inheritdoc />
    public override string ToString() => Value < 0 ? $"({Value:R})" : Value.ToString("R");
}

/// <summary>The variable x.</summary>
public sealed record Variable : Expr
{
    /// <inheritdoc />
    public override int Size => 1;
    /// <inheritdoc />
    public override string ToString() => "x";
}

/// <summary>A unary operation.</summary>
public sealed record Unary(UnaryOp Op, Expr Operand) : Expr
{
    /// <inheritdoc />
    public override int Size => 1 + Operand.Size;
    /// <inheritdoc />
    public override string ToString() => Op switch
    {
        UnaryOp.Neg => $"-({Operand})",
        UnaryOp.Not => $"~({Operand})",
        _ => $"{Op.ToString().ToLowerInvariant()}({Operand})",
    };
}

/// <summary>A binary operation.</summary>
public sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr
{
    /// <inheritdoc />
    public override int Size => 1 + Left.Size + Right.Size;
    /// <inheritdoc />
    public override string ToString() => Op == BinaryOp.Pow
        ? $"pow({Left}, {Right})"
        : $"({Left} {Symbol(Op)} {Right})";

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/",
        BinaryOp.And => "&", BinaryOp.Or => "|", BinaryOp.Xor => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
