using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>guard-elim</c>: removes a guard whose condition is already known to be non-zero where it
/// runs: a non-zero constant, a condition checked by a dominating guard, or a condition a dominating
/// <c>brif</c> branched on, when the guard's block is reachable only through the true edge. A guard on
/// a merely similar condition, or one checked on a sibling path, stays.
/// </summary>
public sealed class RedundantGuardElimination : IPass
{
    /// <inheritdoc/>
    public string Name => "guard-elim";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var dom = context.DomTree;
        var cfg = context.Cfg;
        int changes = 0;
        var known = new HashSet<ValueId>();
        var stack = new Stack<(BlockId Block, bool Exit, List<ValueId>? Added)>();
        if (cfg.ReversePostorder.Count > 0) stack.Push((f.Entry, false, null));
        while (stack.Count > 0)
        {
            var (block, exit, added) = stack.Pop();
            if (exit)
            {
                foreach (var v in added!) known.Remove(v);
                continue;
            }
            var facts = new List<ValueId>();
            // Entered only from a brif's true edge: its condition holds here and below.
            var preds = cfg.Predecessors(block);
            if (preds.Count == 1 && f.Terminator(preds[0]) is { Opcode: Opcode.Brif } branch
                && branch.Targets[0].Block == block && branch.Targets[1].Block != block && known.Add(branch.Args[0]))
            {
                facts.Add(branch.Args[0]);
            }
            foreach (var instId in f[block].Instructions.ToList())
            {
                var inst = f[instId];
                if (inst.Opcode != Opcode.Guard) continue;
                var cond = inst.Args[0];
                if (known.Contains(cond) || Rewrites.Constant(f, cond) is { } c && c != 0)
                {
                    f.RemoveInst(instId);
                    changes++;
                }
                else if (known.Add(cond))
                {
                    facts.Add(cond);
                }
            }
            stack.Push((block, true, facts));
            foreach (var child in dom.Children(block)) stack.Push((child, false, null));
        }
        return changes;
    }
}
