namespace Flywheel.SsaIR;

/// <summary>
/// One instruction. Which fields matter follows from <see cref="Opcode"/>'s
/// <see cref="InstFormat"/>; the rest keep their defaults. Instructions are owned by one
/// <see cref="Function"/>; insert and remove them through it so its use and layout data stay right.
/// </summary>
public sealed class Instruction
{
    /// <summary>Creates an instruction; attach it with <see cref="Function.AppendInst"/> or <see cref="Function.InsertInst"/>.</summary>
    public Instruction(Opcode opcode, IrType type, params ValueId[] args)
    {
        Opcode = opcode;
        Type = type;
        Args = args;
    }

    /// <summary>The operation.</summary>
    public Opcode Opcode { get; set; }

    /// <summary>The result type, or <see cref="IrType.None"/> when the instruction produces no value.</summary>
    public IrType Type { get; set; }

    /// <summary>The value this instruction defines, if any; assigned when it is attached to a function.</summary>
    public ValueId? Result { get; internal set; }

    /// <summary>The block holding the instruction, or null when detached.</summary>
    public BlockId? Block { get; internal set; }

    /// <summary>Value operands in format order (for stores: value, address; for calls: the arguments, after the callee address for indirect calls).</summary>
    public ValueId[] Args { get; set; }

    /// <summary>Integer immediate: the constant of <c>iconst</c>, the bit pattern of <c>fconst</c>, the size of <c>alloc</c>, the trap's user code.</summary>
    public long Imm { get; set; }

    /// <summary>Byte offset added to the address of a load or store.</summary>
    public int Offset { get; set; }

    /// <summary>Alias class of a load or store.</summary>
    public AliasClass Alias { get; set; }

    /// <summary>The stack slot of <c>stack_addr</c>.</summary>
    public StackSlotId Slot { get; set; }

    /// <summary>The condition of <c>icmp</c>.</summary>
    public IntCondition IntCond { get; set; }

    /// <summary>The condition of <c>fcmp</c>.</summary>
    public FloatCondition FloatCond { get; set; }

    /// <summary>The code of <c>trap</c>.</summary>
    public TrapCode TrapCode { get; set; }

    /// <summary>The callee name of <c>call</c>, <c>call_host</c> and <c>func_addr</c>.</summary>
    public string? Callee { get; set; }

    /// <summary>Branch targets: one for <c>jump</c>; then, else for <c>brif</c>; default, then the table for <c>switch</c>.</summary>
    public BlockCall[] Targets { get; set; } = [];

    /// <summary>The frame state of a guard, a checked operation or a call.</summary>
    public FrameState? FrameState { get; set; }

    /// <summary>The opcode's declared effects.</summary>
    public Effects Effects => Opcode.Effects();

    /// <summary>Whether the instruction ends its block.</summary>
    public bool IsTerminator => Opcode.IsTerminator();

    /// <summary>Every value the instruction reads: operands, branch arguments and frame-state values.</summary>
    public IEnumerable<ValueId> Uses()
    {
        foreach (var arg in Args) yield return arg;
        foreach (var target in Targets)
        {
            foreach (var arg in target.Args) yield return arg;
        }
        if (FrameState is { } state)
        {
            foreach (var value in state.Values) yield return value;
        }
    }

    /// <summary>Rewrites every use through <paramref name="map"/>; returns whether anything changed.</summary>
    public bool MapUses(Func<ValueId, ValueId> map)
    {
        bool changed = MapArray(Args, map);
        foreach (var target in Targets) changed |= MapArray(target.Args, map);
        if (FrameState is { } state) changed |= MapArray(state.Values, map);
        return changed;
    }

    /// <summary>A detached copy with the same operands and immediates (arrays copied, no result assigned).</summary>
    public Instruction Clone() => new(Opcode, Type, (ValueId[])Args.Clone())
    {
        Imm = Imm,
        Offset = Offset,
        Alias = Alias,
        Slot = Slot,
        IntCond = IntCond,
        FloatCond = FloatCond,
        TrapCode = TrapCode,
        Callee = Callee,
        Targets = Array.ConvertAll(Targets, target => target.DeepCopy()),
        FrameState = FrameState?.DeepCopy(),
    };

    static bool MapArray(ValueId[] values, Func<ValueId, ValueId> map)
    {
        bool changed = false;
        for (int i = 0; i < values.Length; i++)
        {
            var mapped = map(values[i]);
            if (mapped != values[i]) { values[i] = mapped; changed = true; }
        }
        return changed;
    }
}
