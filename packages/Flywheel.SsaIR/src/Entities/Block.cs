namespace Flywheel.SsaIR;

/// <summary>A basic block: typed parameters (SSA's answer to phis) and a list of instructions ending in one terminator.</summary>
public sealed class Block
{
    internal readonly List<ValueId> ParamList = [];
    internal readonly List<InstId> InstList = [];

    internal Block(BlockId id) => Id = id;

    /// <summary>This block's id.</summary>
    public BlockId Id { get; }

    /// <summary>The block's parameters; each predecessor's branch passes one argument per parameter.</summary>
    public IReadOnlyList<ValueId> Params => ParamList;

    /// <summary>The block's instructions in execution order; the last is the terminator in a valid function.</summary>
    public IReadOnlyList<InstId> Instructions => InstList;

    /// <summary>Whether the block is part of the function's layout (removed blocks keep their id but are gone).</summary>
    public bool InLayout { get; internal set; }
}

/// <summary>Where a value comes from.</summary>
/// <param name="Block">The block defining it (the parameter's block, or the instruction's block).</param>
/// <param name="Inst">The defining instruction, or null for a block parameter.</param>
/// <param name="ParamIndex">The parameter position, or -1 for an instruction result.</param>
public readonly record struct ValueDef(BlockId Block, InstId? Inst, int ParamIndex)
{
    /// <summary>Whether the value is a block parameter.</summary>
    public bool IsParam => Inst is null;
}

/// <summary>A fixed-size, frame-local memory area addressed with <c>stack_addr</c>.</summary>
/// <param name="Size">Size in bytes.</param>
public readonly record struct StackSlot(int Size);
