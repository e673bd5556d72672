namespace Flywheel.SsaIR;

/// <summary>
/// What executing an instruction may do beyond computing its result. Declared once per opcode in
/// <see cref="OpcodeInfo"/>; passes decide what they may move, merge or delete from these flags alone.
/// </summary>
[Flags]
public enum Effects : ushort
{
    /// <summary>Computes its result from its operands only; may be removed when unused, merged or moved anywhere its operands are available.</summary>
    None = 0,
    /// <summary>Reads memory: its result depends on the memory state.</summary>
    ReadsMemory = 1 << 0,
    /// <summary>Writes memory.</summary>
    WritesMemory = 1 << 1,
    /// <summary>May stop execution with a trap (division by zero, an out-of-bounds access, an explicit trap).</summary>
    MayTrap = 1 << 2,
    /// <summary>May leave optimized code through its frame state (a failed guard or overflow check).</summary>
    MayDeopt = 1 << 3,
    /// <summary>Calls other code, which may do anything.</summary>
    IsCall = 1 << 4,
    /// <summary>Ends a block and transfers control.</summary>
    Terminator = 1 << 5,
    /// <summary>Returns fresh memory; two executions never give the same address, so it is never merged.</summary>
    Allocates = 1 << 6,
}

/// <summary>Derived questions every pass asks of <see cref="Effects"/>.</summary>
public static class EffectsExtensions
{
    const Effects Observable = Effects.WritesMemory | Effects.MayTrap | Effects.MayDeopt | Effects.IsCall | Effects.Terminator;

    /// <summary>Whether deleting an unused instruction of these effects keeps the program's meaning.</summary>
    public static bool IsRemovableWhenUnused(this Effects effects) => (effects & Observable) == 0;

    /// <summary>Whether the instruction depends only on its operands (no memory, no control effects, no allocation).</summary>
    public static bool IsPure(this Effects effects) => effects == Effects.None;

    /// <summary>Whether executing it may be observed beyond its result (writes, traps, deopts, calls, control).</summary>
    public static bool IsObservable(this Effects effects) => (effects & Observable) != 0;

    /// <summary>Whether the instruction may change memory that later reads observe (stores and calls).</summary>
    public static bool MayClobberMemory(this Effects effects) => (effects & (Effects.WritesMemory | Effects.IsCall)) != 0;
}
