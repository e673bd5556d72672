using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.Optimizer.Analysis;

public sealed partial class RangeAnalysis
{
    /// <summary>The range of an instruction's result from its operands' ranges; null while an operand is unreached.</summary>
    IntRange? Transfer(Instruction inst)
    {
        var type = inst.Type;
        var full = IntRange.Full(type);
        var a = inst.Args;
        IntRange? A(int i) => f.TypeOf(a[i]).IsInt() ? ranges[a[i].Index] : IntRange.Full(IrType.I64);
        switch (inst.Opcode)
        {
            case Opcode.Iconst:
                return IntRange.Of(inst.Imm);
            case Opcode.Icmp or Opcode.Fcmp:
                if (inst.Opcode == Opcode.Icmp && A(0) is { } l && A(1) is { } r && Decide(inst.IntCond, f.TypeOf(a[0]), l, r) is { } known) return IntRange.Of(known ? 1 : 0);
                return new IntRange(0, 1);
            case Opcode.Iadd or Opcode.Isub or Opcode.Imul or Opcode.CheckedIadd or Opcode.CheckedIsub or Opcode.CheckedImul:
            {
                if (A(0) is not { } x || A(1) is not { } y) return null;
                var exact = ExactArithmetic(inst.Opcode, type, x, y);
                if (exact is not null) return exact;
                // A checked result that did not deopt is exact, so it lies within the type; a wrapping one could be anything.
                return full;
            }
            case Opcode.Band:
            {
                if (A(0) is not { } x || A(1) is not { } y) return null;
                if (x.IsNonNegative && y.IsNonNegative) return new IntRange(0, Math.Min(x.Max, y.Max));
                if (x.IsNonNegative) return new IntRange(0, x.Max);
                if (y.IsNonNegative) return new IntRange(0, y.Max);
                return full;
            }
            case Opcode.Urem:
            {
                if (A(0) is null || A(1) is not { } y) return null;
                return y.Min > 0 ? new IntRange(0, y.Max - 1) : full;
            }
            case Opcode.Srem:
            {
                if (A(0) is not { } x || A(1) is not { } y) return null;
                if (y.Min <= Semantics.MinSigned(type) || y.Max >= Semantics.MaxSigned(type)) return full;
                long bound = Math.Max(Math.Abs(y.Min), Math.Abs(y.Max)) - 1;
                return new IntRange(x.IsNonNegative ? 0 : -bound, x.Max <= 0 ? 0 : bound);
            }
            case Opcode.Sextend:
                return A(0);
            case Opcode.Uextend:
            {
                if (A(0) is not { } x) return null;
                return x.IsNonNegative ? x : new IntRange(0, (long)(Semantics.Unsigned(f.TypeOf(a[0]), -1)));
            }
            case Opcode.Ireduce:
            {
                if (A(0) is not { } x) return null;
                return x.Min >= full.Min && x.Max <= full.Max ? x : full;
            }
            case Opcode.Sshr:
            {
                if (A(0) is not { } x || A(1) is null) return null;
                if (Rewrites(a[1]) is not { } k) return full;
                int s = (int)(k & (type.Bits() - 1));
                return new IntRange(x.Min >> s, x.Max >> s);
            }
            case Opcode.Ushr:
            {
                if (A(0) is not { } x || A(1) is null) return null;
                if (Rewrites(a[1]) is not { } k) return full;
                int s = (int)(k & (type.Bits() - 1));
                if (s == 0) return x;
                return x.IsNonNegative ? new IntRange(x.Min >> s, x.Max >> s) : new IntRange(0, (long)(Semantics.Unsigned(type, -1) >> s));
            }
            case Opcode.Select:
            {
                if (A(1) is not { } x || A(2) is not { } y) return null;
                return x.Union(y);
            }
            default:
                return full;
        }
    }

    long? Rewrites(ValueId value) => f.DefiningInst(value) is { Opcode: Opcode.Iconst } c ? c.Imm : null;

    /// <summary>The exact result interval when no input in the ranges can wrap; null otherwise.</summary>
    public static IntRange? ExactArithmetic(Opcode opcode, IrType type, IntRange x, IntRange y) => opcode switch
    {
        Opcode.Iadd or Opcode.CheckedIadd => IntRange.Exact(type, (Int128)x.Min + y.Min, (Int128)x.Max + y.Max, (Int128)x.Min + y.Min, (Int128)x.Max + y.Max),
        Opcode.Isub or Opcode.CheckedIsub => IntRange.Exact(type, (Int128)x.Min - y.Max, (Int128)x.Max - y.Min, (Int128)x.Min - y.Max, (Int128)x.Max - y.Min),
        _ => IntRange.Exact(type, (Int128)x.Min * y.Min, (Int128)x.Min * y.Max, (Int128)x.Max * y.Min, (Int128)x.Max * y.Max),
    };

    /// <summary>Whether <c>l cond r</c> holds for all (true), none (false) or some (null) values of the ranges.</summary>
    public static bool? Decide(IntCondition cond, IrType type, IntRange l, IntRange r)
    {
        if (cond is IntCondition.Ult or IntCondition.Ule or IntCondition.Ugt or IntCondition.Uge)
        {
            // Unsigned order equals signed order when both sides are non-negative.
            if (!l.IsNonNegative || !r.IsNonNegative) return null;
            cond = cond switch { IntCondition.Ult => IntCondition.Slt, IntCondition.Ule => IntCondition.Sle, IntCondition.Ugt => IntCondition.Sgt, _ => IntCondition.Sge };
        }
        return cond switch
        {
            IntCondition.Slt => l.Max < r.Min ? true : l.Min >= r.Max ? false : null,
            IntCondition.Sle => l.Max <= r.Min ? true : l.Min > r.Max ? false : null,
            IntCondition.Sgt => l.Min > r.Max ? true : l.Max <= r.Min ? false : null,
            IntCondition.Sge => l.Min >= r.Max ? true : l.Max < r.Min ? false : null,
            IntCondition.Eq => l.IsSingle && r.IsSingle && l.Min == r.Min ? true : l.Intersect(r) is null ? false : null,
            _ => l.IsSingle && r.IsSingle && l.Min == r.Min ? false : l.Intersect(r) is null ? true : null,
        };
    }

    /// <summary>The range of <paramref name="arg"/> along the edge <paramref name="pred"/> → <paramref name="call"/>, narrowed by the branch condition; null when unreached or impossible.</summary>
    IntRange? EdgeRange(BlockId pred, BlockCall call, ValueId arg)
    {
        if (Operand(arg) is not { } range) return null;
        var term = f.Terminator(pred)!;
        if (term.Opcode != Opcode.Brif || term.Targets[0].Block == term.Targets[1].Block) return range;
        if (f.DefiningInst(term.Args[0]) is not { Opcode: Opcode.Icmp } cmp) return range;
        bool taken = ReferenceEquals(term.Targets[0], call);
        var cond = taken ? cmp.IntCond : cmp.IntCond.Inverse();
        if (cmp.Args[1] == arg && cmp.Args[0] != arg) cond = cond.Swapped();
        var other = cmp.Args[0] == arg ? cmp.Args[1] : cmp.Args[0];
        if ((cmp.Args[0] != arg && cmp.Args[1] != arg) || Operand(other) is not { } bound) return range;
        var type = f.TypeOf(arg);
        var full = IntRange.Full(type);
        IntRange? limit = cond switch
        {
            IntCondition.Slt => bound.Max == full.Min ? null : new IntRange(full.Min, bound.Max - 1),
            IntCondition.Sle => new IntRange(full.Min, bound.Max),
            IntCondition.Sgt => bound.Min == full.Max ? null : new IntRange(bound.Min + 1, full.Max),
            IntCondition.Sge => new IntRange(bound.Min, full.Max),
            IntCondition.Eq => bound,
            IntCondition.Ult when bound.IsNonNegative => bound.Max == 0 ? null : new IntRange(0, bound.Max - 1),
            IntCondition.Ule when bound.IsNonNegative => new IntRange(0, bound.Max),
            _ => full,
        };
        return limit is { } l ? range.Intersect(l) : null;
    }
}
