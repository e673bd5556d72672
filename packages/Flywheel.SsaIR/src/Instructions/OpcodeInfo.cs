namespace Flywheel.SsaIR;

/// <summary>
/// The one table of opcode properties: text name, operand format, result rule and effects. Every
/// pass, the printer, the parser, the verifier and the interpreter read opcodes through this table.
/// </summary>
public sealed class OpcodeInfo
{
    const Effects Pure = Effects.None;
    const Effects Trapping = Effects.MayTrap;
    const Effects CallEffects = Effects.IsCall | Effects.ReadsMemory | Effects.WritesMemory | Effects.MayTrap | Effects.MayDeopt;

    static readonly OpcodeInfo[] Table =
    [
        new(Opcode.Iconst, "iconst", InstFormat.IntConst, ResultRule.Suffix, Pure),
        new(Opcode.Fconst, "fconst", InstFormat.FloatConst, ResultRule.Suffix, Pure),
        new(Opcode.Iadd, "iadd", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Isub, "isub", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Imul, "imul", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Sdiv, "sdiv", InstFormat.Binary, ResultRule.Suffix, Trapping),
        new(Opcode.Udiv, "udiv", InstFormat.Binary, ResultRule.Suffix, Trapping),
        new(Opcode.Srem, "srem", InstFormat.Binary, ResultRule.Suffix, Trapping),
        new(Opcode.Urem, "urem", InstFormat.Binary, ResultRule.Suffix, Trapping),
        new(Opcode.Ineg, "ineg", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.CheckedIadd, "checked_iadd", InstFormat.CheckedBinary, ResultRule.Suffix, Effects.MayDeopt),
        new(Opcode.CheckedIsub, "checked_isub", InstFormat.CheckedBinary, ResultRule.Suffix, Effects.MayDeopt),
        new(Opcode.CheckedImul, "checked_imul", InstFormat.CheckedBinary, ResultRule.Suffix, Effects.MayDeopt),
        new(Opcode.Band, "band", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Bor, "bor", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Bxor, "bxor", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Bnot, "bnot", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Ishl, "ishl", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Ushr, "ushr", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Sshr, "sshr", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Icmp, "icmp", InstFormat.IntCompare, ResultRule.FixedI8, Pure),
        new(Opcode.Fcmp, "fcmp", InstFormat.FloatCompare, ResultRule.FixedI8, Pure),
        new(Opcode.Select, "select", InstFormat.Select, ResultRule.Suffix, Pure),
        new(Opcode.Fadd, "fadd", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Fsub, "fsub", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Fmul, "fmul", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Fdiv, "fdiv", InstFormat.Binary, ResultRule.Suffix, Pure),
        new(Opcode.Fneg, "fneg", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Fabs, "fabs", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Fsqrt, "fsqrt", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Sextend, "sextend", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Uextend, "uextend", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Ireduce, "ireduce", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Fpromote, "fpromote", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Fdemote, "fdemote", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.FcvtToSintSat, "fcvt_to_sint_sat", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.FcvtFromSint, "fcvt_from_sint", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Bitcast, "bitcast", InstFormat.Unary, ResultRule.Suffix, Pure),
        new(Opcode.Load, "load", InstFormat.Load, ResultRule.Suffix, Effects.ReadsMemory | Effects.MayTrap),
        new(Opcode.Store, "store", InstFormat.Store, ResultRule.None, Effects.WritesMemory | Effects.MayTrap),
        new(Opcode.StackAddr, "stack_addr", InstFormat.StackAddr, ResultRule.FixedPtr, Pure),
        new(Opcode.Alloc, "alloc", InstFormat.Alloc, ResultRule.FixedPtr, Effects.Allocates),
        new(Opcode.FuncAddr, "func_addr", InstFormat.FuncAddr, ResultRule.FixedPtr, Pure),
        new(Opcode.Call, "call", InstFormat.Call, ResultRule.OptionalSuffix, CallEffects),
        new(Opcode.CallIndirect, "call_indirect", InstFormat.CallIndirect, ResultRule.OptionalSuffix, CallEffects),
        new(Opcode.CallHost, "call_host", InstFormat.Call, ResultRule.OptionalSuffix, CallEffects),
        new(Opcode.Guard, "guard", InstFormat.Guard, ResultRule.None, Effects.MayDeopt),
        new(Opcode.Jump, "jump", InstFormat.Jump, ResultRule.None, Effects.Terminator),
        new(Opcode.Brif, "brif", InstFormat.Brif, ResultRule.None, Effects.Terminator),
        new(Opcode.Switch, "switch", InstFormat.Switch, ResultRule.None, Effects.Terminator),
        new(Opcode.Return, "return", InstFormat.Return, ResultRule.None, Effects.Terminator),
        new(Opcode.Trap, "trap", InstFormat.Trap, ResultRule.None, Effects.Terminator | Effects.MayTrap),
    ];

    static readonly Dictionary<string, Opcode> ByName = Table.ToDictionary(info => info.Name, info => info.Opcode);

    OpcodeInfo(Opcode opcode, string name, InstFormat format, ResultRule result, Effects effects)
    {
        Opcode = opcode;
        Name = name;
        Format = format;
        Result = result;
        Effects = effects;
    }

    /// <summary>The opcode described.</summary>
    public Opcode Opcode { get; }

    /// <summary>The text-format mnemonic, e.g. <c>checked_iadd</c>.</summary>
    public string Name { get; }

    /// <summary>The operand layout.</summary>
    public InstFormat Format { get; }

    /// <summary>How the result type is determined.</summary>
    public ResultRule Result { get; }

    /// <summary>What executing the instruction may do besides producing its result.</summary>
    public Effects Effects { get; }

    /// <summary>Whether instructions of this opcode carry a frame state (always for guards and checked arithmetic, optionally for calls).</summary>
    public bool CarriesFrameState => Format is InstFormat.CheckedBinary or InstFormat.Guard or InstFormat.Call or InstFormat.CallIndirect;

    /// <summary>The properties of <paramref name="opcode"/>.</summary>
    public static OpcodeInfo Of(Opcode opcode) => Table[(int)opcode];

    /// <summary>Every opcode's properties, in enum order.</summary>
    public static IReadOnlyList<OpcodeInfo> All => Table;

    /// <summary>Looks an opcode up by its mnemonic.</summary>
    public static bool TryParse(string name, out Opcode opcode) => ByName.TryGetValue(name, out opcode);
}

/// <summary>Shortcuts from an opcode to its table row.</summary>
public static class OpcodeExtensions
{
    /// <summary>The opcode's declared effects.</summary>
    public static Effects Effects(this Opcode opcode) => OpcodeInfo.Of(opcode).Effects;

    /// <summary>The opcode's text mnemonic.</summary>
    public static string Name(this Opcode opcode) => OpcodeInfo.Of(opcode).Name;

    /// <summary>The opcode's operand format.</summary>
    public static InstFormat Format(this Opcode opcode) => OpcodeInfo.Of(opcode).Format;

    /// <summary>Whether the opcode ends a block.</summary>
    public static bool IsTerminator(this Opcode opcode) => (opcode.Effects() & SsaIR.Effects.Terminator) != 0;
}
