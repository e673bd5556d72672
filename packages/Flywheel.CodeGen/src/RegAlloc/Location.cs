namespace Flywheel.CodeGen.RegAlloc;

/// <summary>What kind of place a <see cref="Location"/> names.</summary>
internal enum LocationKind : byte
{
    /// <summary>Nowhere: the value is unused or folded into its users.</summary>
    None,
    /// <summary>A general-purpose register (payload: the target's register number).</summary>
    Gpr,
    /// <summary>A floating-point register (payload: the target's register number).</summary>
    Float,
    /// <summary>An 8-byte spill slot of the frame (payload: the slot index).</summary>
    Spill,
    /// <summary>A constant materialized at each use (payload: its canonical bits).</summary>
    Constant,
    /// <summary>A stack-passed incoming argument (payload: its offset from the stack pointer at the call).</summary>
    IncomingArg,
    /// <summary>A stack-passed outgoing argument (payload: its offset from the stack pointer at the call).</summary>
    OutgoingArg,
}

/// <summary>Where a value lives: a register, a spill slot, a constant, or an argument slot.</summary>
internal readonly record struct Location(LocationKind Kind, long Payload)
{
    public static Location None => default;

    public static Location Gpr(int register) => new(LocationKind.Gpr, register);

    public static Location Float(int register) => new(LocationKind.Float, register);

    public static Location Spill(int slot) => new(LocationKind.Spill, slot);

    public static Location Constant(long bits) => new(LocationKind.Constant, bits);

    public int Index => (int)Payload;

    public bool IsRegister => Kind is LocationKind.Gpr or LocationKind.Float;

    /// <summary>Whether a move may write it (constants are sources only).</summary>
    public bool IsWritable => Kind is LocationKind.Gpr or LocationKind.Float or LocationKind.Spill or LocationKind.OutgoingArg;

    public override string ToString() => Kind switch
    {
        LocationKind.Gpr => $"r{Payload}",
        LocationKind.Float => $"f{Payload}",
        LocationKind.Spill => $"spill{Payload}",
        LocationKind.Constant => $"#{Payload}",
        LocationKind.IncomingArg => $"in[{Payload}]",
        LocationKind.OutgoingArg => $"out[{Payload}]",
        _ => "-",
    };
}
