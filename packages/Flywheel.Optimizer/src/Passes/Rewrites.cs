using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// Value substitutions collected during a pass and applied in one sweep, so a pass that replaces
/// many values does not rescan the function for each. <see cref="Resolve"/> follows chains.
/// </summary>
sealed class Substitution
{
    readonly Dictionary<ValueId, ValueId> map = [];

    public int Count => map.Count;

    public void Add(ValueId from, ValueId to)
    {
        to = Resolve(to);
        if (from != to) map[from] = to;
    }

    public ValueId Resolve(ValueId value)
    {
        while (map.TryGetValue(value, out var next)) value = next;
        return value;
    }

    /// <summary>Rewrites every use in <paramref name="function"/>.</summary>
    public void Apply(Function function)
    {
        if (map.Count > 0) function.RewriteUses(Resolve);
    }
}

/// <summary>Small in-place rewrites shared by passes.</summary>
static class Rewrites
{
    /// <summary>Turns <paramref name="inst"/> into a constant of its own type with canonical bits <paramref name="bits"/>, keeping its result value.</summary>
    public static void MakeConstant(Instruction inst, long bits)
    {
        inst.Opcode = inst.Type.IsFloat() ? Opcode.Fconst : Opcode.Iconst;
        inst.Imm = inst.Type.Canonicalize(bits);
        inst.Args = [];
        inst.FrameState = null;
        inst.Targets = [];
    }

    /// <summary>Turns a terminator into <c>jump target</c>.</summary>
    public static void MakeJump(Instruction inst, BlockCall target)
    {
        inst.Opcode = Opcode.Jump;
        inst.Args = [];
        inst.Targets = [target];
    }

    /// <summary>Whether <paramref name="value"/> is a power of two (positive); gives its log.</summary>
    public static bool IsPowerOfTwo(long value, out int log)
    {
        log = 0;
        if (value <= 0 || (value & (value - 1)) != 0) return false;
        log = System.Numerics.BitOperations.Log2((ulong)value);
        return true;
    }

    /// <summary>The constant bits of a value defined by <c>iconst</c> or <c>fconst</c>, or null.</summary>
    public static long? Constant(Function function, ValueId value) =>
        function.DefiningInst(value) is { Opcode: Opcode.Iconst or Opcode.Fconst } def ? def.Imm : null;

    /// <summary>Inserts <paramref name="inst"/> before <paramref name="before"/> and returns its result.</summary>
    public static ValueId InsertBefore(Function function, Instruction before, Instruction inst)
    {
        function.InsertBefore(function.IdOf(before), inst);
        return inst.Result!.Value;
    }
}
