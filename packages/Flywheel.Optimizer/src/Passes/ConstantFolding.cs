using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>const-fold</c>: evaluates instructions whose operands are constants with the interpreter's own
/// <see cref="Semantics"/> (so folding can never disagree with execution), and applies algebraic
/// identities (<c>x + 0</c>, <c>x * 1</c>, <c>x ^ x</c>, <c>select c, a, a</c>, ...). Never folds an
/// operation that would trap or overflow: that stays for run time. Float identities that are false for
/// -0.0 or NaN (<c>x + 0.0</c>, <c>x * 1.0</c> with NaN payloads) are not applied. Constants move to
/// the right of commutative operations so GVN sees one form. Guards on a non-zero constant go.
/// </summary>
public sealed class ConstantFolding : IPass
{
    /// <inheritdoc/>
    public string Name => "const-fold";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var substitution = new Substitution();
        int changes = 0;
        foreach (var block in context.Cfg.ReversePostorder)
        {
            foreach (var instId in f[block].Instructions.ToList())
            {
                var inst = f[instId];
                if (substitution.Count > 0) inst.MapUses(substitution.Resolve);
                if (inst.Opcode == Opcode.Guard && Rewrites.Constant(f, inst.Args[0]) is { } c && c != 0)
                {
                    f.RemoveInst(instId);
                    changes++;
                    continue;
                }
                if (inst.Result is not { } result) continue;
                if (TryFold(f, inst)) { changes++; continue; }
                // Constants go right first, so the identities (written for a constant on the right) see them.
                bool canonicalized = Simplifier.Canonicalize(f, inst);
                if (Simplifier.Simplify(f, inst) is { } replacement)
                {
                    substitution.Add(result, replacement);
                    f.RemoveInst(instId);
                    changes++;
                    continue;
                }
                if (canonicalized) changes++;
            }
        }
        substitution.Apply(f);
        return changes;
    }

    static bool TryFold(Function f, Instruction inst)
    {
        if (inst.Opcode is Opcode.Iconst or Opcode.Fconst || inst.Args.Length == 0) return false;
        var effects = inst.Effects;
        // Only operand-computed opcodes: pure, trapping arithmetic and checked arithmetic.
        if ((effects & ~(Effects.MayTrap | Effects.MayDeopt)) != Effects.None) return false;
        Span<long> operands = stackalloc long[inst.Args.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            if (Rewrites.Constant(f, inst.Args[i]) is not { } c) return false;
            operands[i] = c;
        }
        var operandType = inst.Opcode == Opcode.Select ? f.TypeOf(inst.Args[1]) : f.TypeOf(inst.Args[0]);
        if (Semantics.Evaluate(inst, operandType, operands, out long value, out _) != EvalStatus.Value) return false;
        Rewrites.MakeConstant(inst, value);
        return true;
    }
}
