namespace Flywheel.SsaIR;

/// <summary>A branch target: the block to enter and the values bound to its parameters.</summary>
/// <param name="Block">The target block.</param>
/// <param name="Args">One value per parameter of <paramref name="Block"/>, in order.</param>
public sealed record BlockCall(BlockId Block, ValueId[] Args)
{
    /// <summary>A target with no arguments.</summary>
    public BlockCall(BlockId block) : this(block, []) { }

    /// <summary>A deep copy whose argument array may be changed independently.</summary>
    public BlockCall DeepCopy() => new(Block, (ValueId[])Args.Clone());

    /// <summary>Text form, e.g. <c>block2(v1, v3)</c>.</summary>
    public override string ToString() => Args.Length == 0 ? Block.ToString() : $"{Block}({string.Join(", ", Args)})";
}

/// <summary>
/// Where to resume in the embedder's lower tier when optimized code leaves through a guard, a
/// checked operation or a call: an embedder-defined resume point (say, a bytecode offset) and the
/// values the embedder needs to rebuild its frame. The IR gives neither meaning; it only keeps the
/// values alive and reports them in a deopt outcome.
/// </summary>
/// <param name="ResumePoint">Embedder-defined resume location.</param>
/// <param name="Values">Values captured for the embedder, in its order.</param>
public sealed record FrameState(int ResumePoint, ValueId[] Values)
{
    /// <summary>A deep copy whose value array may be changed independently.</summary>
    public FrameState DeepCopy() => new(ResumePoint, (ValueId[])Values.Clone());

    /// <summary>Text form, e.g. <c>deopt 7(v1, v2)</c>.</summary>
    public override string ToString() => $"deopt {ResumePoint}({string.Join(", ", Values)})";
}
