using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>Algebraic identities for <see cref="ConstantFolding"/>. Each rule holds for every input, wrapping included.</summary>
static class Simplifier
{
    static readonly HashSet<Opcode> Commutative = [Opcode.Iadd, Opcode.Imul, Opcode.Band, Opcode.Bor, Opcode.Bxor, Opcode.CheckedIadd, Opcode.CheckedImul];

    /// <summary>A value equal to <paramref name="inst"/>'s result for all inputs, or null.</summary>
    public static ValueId? Simplify(Function f, Instruction inst)
    {
        var a = inst.Args;
        if (inst.Opcode == Opcode.Select)
        {
            if (a[1] == a[2]) return a[1];
            if (Rewrites.Constant(f, a[0]) is { } c) return c != 0 ? a[1] : a[2];
            return null;
        }
        if (inst.Opcode is Opcode.Fneg or Opcode.Bnot or Opcode.Ineg && f.DefiningInst(a[0]) is { } inner && inner.Opcode == inst.Opcode)
        {
            return inner.Args[0];
        }
        if (inst.Opcode is Opcode.Sextend or Opcode.Uextend or Opcode.Ireduce or Opcode.Bitcast)
        {
            // bitcast(bitcast x) back to x's type is x.
            if (inst.Opcode == Opcode.Bitcast && f.DefiningInst(a[0]) is { Opcode: Opcode.Bitcast } cast && f.TypeOf(cast.Args[0]) == inst.Type) return cast.Args[0];
            if (inst.Opcode == Opcode.Bitcast && f.TypeOf(a[0]) == inst.Type) return a[0];
            // ireduce(sextend/uextend x) to x's type is x.
            if (inst.Opcode == Opcode.Ireduce && f.DefiningInst(a[0]) is { Opcode: Opcode.Sextend or Opcode.Uextend } ext && f.TypeOf(ext.Args[0]) == inst.Type) return ext.Args[0];
            return null;
        }
        if (a.Length != 2 || !inst.Type.IsInt() && inst.Opcode != Opcode.Icmp) return null;
        long? right = Rewrites.Constant(f, a[1]);
        var type = inst.Type;
        switch (inst.Opcode)
        {
            case Opcode.Iadd or Opcode.Isub or Opcode.Bor or Opcode.Bxor or Opcode.Ishl or Opcode.Ushr or Opcode.Sshr
                or Opcode.CheckedIadd or Opcode.CheckedIsub when right == 0:
                return a[0];
            case Opcode.Ishl or Opcode.Ushr or Opcode.Sshr when right is { } s && (s & (type.Bits() - 1)) == 0:
                return a[0];
            case Opcode.Imul or Opcode.Sdiv or Opcode.Udiv or Opcode.CheckedImul when right == 1:
                return a[0];
            case Opcode.Band when right == -1:
                return a[0];
            case Opcode.Band or Opcode.Bor when a[0] == a[1]:
                return a[0];
            case Opcode.Imul or Opcode.Band or Opcode.CheckedImul when right == 0:
                return a[1];
            case Opcode.Bor when right == -1:
                return a[1];
            case Opcode.Isub or Opcode.Bxor when a[0] == a[1]:
                return ZeroLike(f, inst);
            case Opcode.Icmp when a[0] == a[1]:
                bool reflexive = inst.IntCond is IntCondition.Eq or IntCondition.Sle or IntCondition.Sge or IntCondition.Ule or IntCondition.Uge;
                return Rewrites.InsertBefore(f, inst, new Instruction(Opcode.Iconst, IrType.I8) { Imm = reflexive ? 1 : 0 });
        }
        return null;
    }

    /// <summary>Puts constants on the right of commutative operations and compares; returns whether it changed anything.</summary>
    public static bool Canonicalize(Function f, Instruction inst)
    {
        if (inst.Args.Length != 2) return false;
        bool leftConstant = Rewrites.Constant(f, inst.Args[0]) is not null;
        bool rightConstant = Rewrites.Constant(f, inst.Args[1]) is not null;
        if (!leftConstant || rightConstant) return false;
        if (Commutative.Contains(inst.Opcode))
        {
            inst.Args = [inst.Args[1], inst.Args[0]];
            return true;
        }
        if (inst.Opcode == Opcode.Icmp)
        {
            inst.Args = [inst.Args[1], inst.Args[0]];
            inst.IntCond = inst.IntCond.Swapped();
            return true;
        }
        return false;
    }

    /// <summary>A zero of <paramref name="inst"/>'s type, materialized right before it.</summary>
    static ValueId ZeroLike(Function f, Instruction inst) =>
        Rewrites.InsertBefore(f, inst, new Instruction(Opcode.Iconst, inst.Type) { Imm = 0 });
}
