using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>strength-reduce</c>: replaces multiplications and divisions by constants with cheaper
/// operations that give identical results for every input:
/// <c>imul x, 2^k</c> → <c>ishl x, k</c>; <c>imul x, -1</c> → <c>ineg x</c>; <c>udiv x, 2^k</c> → <c>ushr x, k</c>;
/// <c>urem x, 2^k</c> → <c>band x, 2^k-1</c>; <c>sdiv x, 2^k</c> → shifts with the rounding-toward-zero
/// bias <c>(x + ((x &gt;&gt; w-1) &gt;&gt;&gt; w-k)) &gt;&gt; k</c>; <c>srem x, 2^k</c> → <c>x - (that &lt;&lt; k)</c>.
/// Division by a constant never traps (the divisor is neither 0 nor -1 here), so dropping the trap is exact.
/// Then, inside loops, multiplications of induction variables by constants become additive
/// induction variables (see <see cref="InductionVariables"/>).
/// </summary>
public sealed class StrengthReduction : IPass
{
    /// <inheritdoc/>
    public string Name => "strength-reduce";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var substitution = new Substitution();
        int changes = 0;
        foreach (var instId in f.AllInstructions().ToList())
        {
            var inst = f[instId];
            if (substitution.Count > 0) inst.MapUses(substitution.Resolve);
            if (!inst.Type.IsInt() || inst.Args.Length != 2 || Rewrites.Constant(f, inst.Args[1]) is not { } c) continue;
            var type = inst.Type;
            int bits = type.Bits();
            var x = inst.Args[0];
            ValueId Const(long value) => Rewrites.InsertBefore(f, inst, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(value) });
            ValueId Op(Opcode opcode, ValueId a, ValueId b) => Rewrites.InsertBefore(f, inst, new Instruction(opcode, type, a, b));
            bool pow2 = Rewrites.IsPowerOfTwo(c, out int k) && k < bits - 1;
            switch (inst.Opcode)
            {
                case Opcode.Imul when pow2 && k > 0:
                    Retarget(inst, Opcode.Ishl, x, Const(k));
                    break;
                case Opcode.Imul when c == -1:
                    inst.Opcode = Opcode.Ineg;
                    inst.Args = [x];
                    break;
                case Opcode.Udiv when pow2 && k > 0:
                    Retarget(inst, Opcode.Ushr, x, Const(k));
                    break;
                case Opcode.Urem when pow2:
                    Retarget(inst, Opcode.Band, x, Const(c - 1));
                    break;
                case Opcode.Sdiv when pow2 && k > 0:
                    Retarget(inst, Opcode.Sshr, RoundedTowardZero(x, k), Const(k));
                    break;
                case Opcode.Srem when pow2 && k > 0:
                    var quotientTimesDivisor = Op(Opcode.Band, RoundedTowardZero(x, k), Const(-c));
                    Retarget(inst, Opcode.Isub, x, quotientTimesDivisor);
                    break;
                default:
                    continue;
            }
            changes++;

            // x plus (2^k - 1) when x is negative, so an arithmetic shift rounds toward zero.
            ValueId RoundedTowardZero(ValueId value, int log)
            {
                var sign = Op(Opcode.Sshr, value, Const(bits - 1));
                var bias = Op(Opcode.Ushr, sign, Const(bits - log));
                return Op(Opcode.Iadd, value, bias);
            }
        }
        substitution.Apply(f);
        if (changes > 0) context.Invalidate();
        return changes + InductionStrengthReduction.Run(context);
    }

    static void Retarget(Instruction inst, Opcode opcode, ValueId a, ValueId b)
    {
        inst.Opcode = opcode;
        inst.Args = [a, b];
    }
}
