using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>range-elim</c>: uses <see cref="RangeAnalysis"/> to turn comparisons whose outcome the ranges
/// decide into constants (bounds checks such as <c>icmp ult i, 10</c> with <c>i</c> in <c>[0, 9]</c>),
/// and checked arithmetic that cannot overflow into its wrapping form without a frame state
/// (overflow-check elimination). Guards and branches on the resulting constants are cleaned up by
/// <c>guard-elim</c>, <c>const-fold</c> and <c>simplify-cfg</c>.
/// </summary>
public sealed class RangeCheckElimination : IPass
{
    /// <inheritdoc/>
    public string Name => "range-elim";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var analysis = new RangeAnalysis(f, context.Cfg);
        if (!analysis.Converged) return 0;
        int changes = 0;
        foreach (var block in context.Cfg.ReversePostorder)
        {
            foreach (var id in f[block].Instructions)
            {
                var inst = f[id];
                switch (inst.Opcode)
                {
                    case Opcode.Icmp when inst.Result is { } r && analysis.RangeOf(r) is { IsSingle: true } known:
                        Rewrites.MakeConstant(inst, known.Min);
                        changes++;
                        break;
                    case Opcode.CheckedIadd or Opcode.CheckedIsub or Opcode.CheckedImul:
                        if (analysis.RangeOf(inst.Args[0]) is not { } x || analysis.RangeOf(inst.Args[1]) is not { } y) break;
                        if (RangeAnalysis.ExactArithmetic(inst.Opcode, inst.Type, x, y) is null) break;
                        inst.Opcode = inst.Opcode switch { Opcode.CheckedIadd => Opcode.Iadd, Opcode.CheckedIsub => Opcode.Isub, _ => Opcode.Imul };
                        inst.FrameState = null;
                        changes++;
                        break;
                }
            }
        }
        return changes;
    }
}
