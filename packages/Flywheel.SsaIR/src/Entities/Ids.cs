namespace Flywheel.SsaIR;

/// <summary>An SSA value of a <see cref="Function"/>: an instruction result or a block parameter. Prints as <c>v3</c>.</summary>
/// <param name="Index">Position in the function's value arena.</param>
public readonly record struct ValueId(int Index)
{
    /// <summary>The text-format name, e.g. <c>v3</c>.</summary>
    public override string ToString() => "v" + Index;
}

/// <summary>A basic block of a <see cref="Function"/>. Prints as <c>block0</c>.</summary>
/// <param name="Index">Position in the function's block arena.</param>
public readonly record struct BlockId(int Index)
{
    /// <summary>The text-format name, e.g. <c>block0</c>.</summary>
    public override string ToString() => "block" + Index;
}

/// <summary>An instruction of a <see cref="Function"/>. Prints as <c>inst7</c> (instructions have no name in the text format).</summary>
/// <param name="Index">Position in the function's instruction arena.</param>
public readonly record struct InstId(int Index)
{
    /// <summary>A diagnostic name, e.g. <c>inst7</c>.</summary>
    public override string ToString() => "inst" + Index;
}

/// <summary>A fixed-size stack slot of a <see cref="Function"/>. Prints as <c>ss0</c>.</summary>
/// <param name="Index">Position in the function's stack-slot list.</param>
public readonly record struct StackSlotId(int Index)
{
    /// <summary>The text-format name, e.g. <c>ss0</c>.</summary>
    public override string ToString() => "ss" + Index;
}

/// <summary>
/// A memory alias class. Two memory accesses with different non-zero classes never touch the same
/// bytes; class 0 (<see cref="Any"/>) may alias anything. Embedders give classes meaning (say,
/// "object slots" and "array elements"). Prints as <c>alias2</c>; <see cref="Any"/> is not printed.
/// </summary>
/// <param name="Id">The class number; 0 is <see cref="Any"/>.</param>
public readonly record struct AliasClass(int Id)
{
    /// <summary>The class that may alias every other class.</summary>
    public static AliasClass Any => default;

    /// <summary>Whether an access in this class may touch the same memory as one in <paramref name="other"/>.</summary>
    public bool MayAlias(AliasClass other) => Id == 0 || other.Id == 0 || Id == other.Id;

    /// <summary>The text-format name, e.g. <c>alias2</c>.</summary>
    public override string ToString() => "alias" + Id;
}
