namespace Flywheel.SsaIR;

/// <summary>Integer comparison conditions of <c>icmp</c>. Signed and unsigned views of the same bits.</summary>
public enum IntCondition : byte
{
    /// <summary>Equal.</summary>
    Eq,
    /// <summary>Not equal.</summary>
    Ne,
    /// <summary>Signed less than.</summary>
    Slt,
    /// <summary>Signed less than or equal.</summary>
    Sle,
    /// <summary>Signed greater than.</summary>
    Sgt,
    /// <summary>Signed greater than or equal.</summary>
    Sge,
    /// <summary>Unsigned less than.</summary>
    Ult,
    /// <summary>Unsigned less than or equal.</summary>
    Ule,
    /// <summary>Unsigned greater than.</summary>
    Ugt,
    /// <summary>Unsigned greater than or equal.</summary>
    Uge,
}

/// <summary>Floating-point comparison conditions of <c>fcmp</c>. All are false when either operand is NaN, except <see cref="Ne"/> and <see cref="Uno"/>.</summary>
public enum FloatCondition : byte
{
    /// <summary>Ordered and equal.</summary>
    Eq,
    /// <summary>Unordered or not equal.</summary>
    Ne,
    /// <summary>Ordered and less than.</summary>
    Lt,
    /// <summary>Ordered and less than or equal.</summary>
    Le,
    /// <summary>Ordered and greater than.</summary>
    Gt,
    /// <summary>Ordered and greater than or equal.</summary>
    Ge,
    /// <summary>Either operand is NaN.</summary>
    Uno,
}

/// <summary>Why execution trapped. Traps are final: they end the whole execution.</summary>
public enum TrapCode : byte
{
    /// <summary>An explicit <c>trap</c> on a path the producer believed impossible.</summary>
    Unreachable,
    /// <summary>Integer division or remainder by zero.</summary>
    DivideByZero,
    /// <summary>Signed division of the minimum value by -1.</summary>
    IntegerOverflow,
    /// <summary>A load or store outside mapped memory.</summary>
    OutOfBounds,
    /// <summary>An indirect call to an address that is no function.</summary>
    BadCallTarget,
    /// <summary>A call to a host function the embedder does not provide.</summary>
    UnknownHostFunction,
    /// <summary>The call stack grew past the interpreter's depth limit.</summary>
    StackOverflow,
    /// <summary>The allocator has no memory left.</summary>
    HeapExhausted,
    /// <summary>An embedder-defined reason.</summary>
    User,
}

/// <summary>Text-format names of conditions and trap codes.</summary>
public static class ConditionNames
{
    /// <summary>Lowercase text name, e.g. <c>slt</c>.</summary>
    public static string Name(this IntCondition cond) => cond.ToString().ToLowerInvariant();

    /// <summary>Lowercase text name, e.g. <c>lt</c>.</summary>
    public static string Name(this FloatCondition cond) => cond.ToString().ToLowerInvariant();

    /// <summary>Snake-case text name, e.g. <c>divide_by_zero</c>.</summary>
    public static string Name(this TrapCode code) => code switch
    {
        TrapCode.DivideByZero => "divide_by_zero",
        TrapCode.IntegerOverflow => "integer_overflow",
        TrapCode.OutOfBounds => "out_of_bounds",
        TrapCode.BadCallTarget => "bad_call_target",
        TrapCode.UnknownHostFunction => "unknown_host_function",
        TrapCode.StackOverflow => "stack_overflow",
        TrapCode.HeapExhausted => "heap_exhausted",
        _ => code.ToString().ToLowerInvariant(),
    };

    /// <summary>The condition that holds exactly when <paramref name="cond"/> does not.</summary>
    public static IntCondition Inverse(this IntCondition cond) => cond switch
    {
        IntCondition.Eq => IntCondition.Ne,
        IntCondition.Ne => IntCondition.Eq,
        IntCondition.Slt => IntCondition.Sge,
        IntCondition.Sge => IntCondition.Slt,
        IntCondition.Sle => IntCondition.Sgt,
        IntCondition.Sgt => IntCondition.Sle,
        IntCondition.Ult => IntCondition.Uge,
        IntCondition.Uge => IntCondition.Ult,
        IntCondition.Ule => IntCondition.Ugt,
        _ => IntCondition.Ule,
    };

    /// <summary>The condition with operands swapped: <c>a cond b</c> iff <c>b Swapped(cond) a</c>.</summary>
    public static IntCondition Swapped(this IntCondition cond) => cond switch
    {
        IntCondition.Slt => IntCondition.Sgt,
        IntCondition.Sgt => IntCondition.Slt,
        IntCondition.Sle => IntCondition.Sge,
        IntCondition.Sge => IntCondition.Sle,
        IntCondition.Ult => IntCondition.Ugt,
        IntCondition.Ugt => IntCondition.Ult,
        IntCondition.Ule => IntCondition.Uge,
        IntCondition.Uge => IntCondition.Ule,
        _ => cond,
    };

    internal static bool TryParseInt(string text, out IntCondition cond) => TryParseEnum(text, out cond);

    internal static bool TryParseFloat(string text, out FloatCondition cond) => TryParseEnum(text, out cond);

    internal static bool TryParseTrap(string text, out TrapCode code)
    {
        foreach (var candidate in Enum.GetValues<TrapCode>())
        {
            if (candidate.Name() == text) { code = candidate; return true; }
        }
        code = default;
        return false;
    }

    static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum
    {
        value = default;
        return text.Length > 0 && char.IsLower(text[0]) && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
