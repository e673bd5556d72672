using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Analysis;

/// <summary>A basic induction variable: a loop-header parameter that every back edge advances by the same constant.</summary>
/// <param name="Param">The header parameter.</param>
/// <param name="Index">Its position among the header's parameters.</param>
/// <param name="Step">What each iteration adds (wrapping).</param>
public sealed record InductionVariable(ValueId Param, int Index, long Step);

/// <summary>Finds the basic induction variables of a loop: <c>header(p)</c> with every latch passing <c>iadd p, c</c> (or <c>isub p, c</c>) for one constant <c>c</c>.</summary>
public static class InductionVariables
{
    /// <summary>The basic induction variables of <paramref name="loop"/>.</summary>
    public static IReadOnlyList<InductionVariable> Find(Function f, ControlFlowGraph cfg, Loop loop)
    {
        var header = loop.Header;
        var parameters = f[header].Params;
        var result = new List<InductionVariable>();
        var backEdges = cfg.Predecessors(header).Where(loop.Contains)
            .SelectMany(latch => f.Terminator(latch)?.Targets.Where(t => t.Block == header) ?? []).ToList();
        if (backEdges.Count == 0) return result;
        for (int i = 0; i < parameters.Count; i++)
        {
            var param = parameters[i];
            if (!f.TypeOf(param).IsInt()) continue;
            long? step = null;
            bool consistent = true;
            foreach (var edge in backEdges)
            {
                long? s = StepOf(f, param, edge.Args[i]);
                if (s is null || (step is not null && step != s)) { consistent = false; break; }
                step = s;
            }
            if (consistent && step is { } found) result.Add(new InductionVariable(param, i, found));
        }
        return result;
    }

    static long? StepOf(Function f, ValueId param, ValueId next)
    {
        var def = f.DefiningInst(next);
        if (def is null || def.Args.Length != 2 || def.Args[0] != param) return null;
        if (f.DefiningInst(def.Args[1]) is not { Opcode: Opcode.Iconst } c) return null;
        return def.Opcode switch
        {
            Opcode.Iadd => c.Imm,
            Opcode.Isub => unchecked(-c.Imm),
            _ => null,
        };
    }
}
