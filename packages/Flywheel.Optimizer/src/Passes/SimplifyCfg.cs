using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>simplify-cfg</c>, repeated until nothing changes:
/// <list type="bullet">
/// <item>branches on constants (and <c>brif</c>s whose two targets are identical) become jumps;</item>
/// <item>unreachable blocks go;</item>
/// <item>block parameters that receive the same value on every edge are replaced by it (copy propagation);</item>
/// <item>a block that only jumps on is bypassed (jump threading), unless a <c>switch</c> would then need block arguments or other blocks read its parameters;</item>
/// <item>a block reached by one jump from a block with one successor is merged into it.</item>
/// </list>
/// </summary>
public sealed class SimplifyCfg : IPass
{
    /// <inheritdoc/>
    public string Name => "simplify-cfg";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        int total = 0;
        for (int round = 0; round < 16; round++)
        {
            int changes = FoldBranches(context.Function);
            if (changes > 0) context.Invalidate();
            changes += DeadCodeElimination.RemoveUnreachableBlocks(context);
            changes += PropagateParams(context);
            changes += ThreadJumps(context);
            changes += MergeBlocks(context);
            total += changes;
            if (changes == 0) break;
        }
        return total;
    }

    static int FoldBranches(Function f)
    {
        int changes = 0;
        foreach (var block in f.Layout)
        {
            var term = f.Terminator(block);
            if (term is null) continue;
            if (term.Opcode == Opcode.Brif)
            {
                if (Rewrites.Constant(f, term.Args[0]) is { } c)
                {
                    Rewrites.MakeJump(term, c != 0 ? term.Targets[0] : term.Targets[1]);
                    changes++;
                }
                else if (term.Targets[0].Block == term.Targets[1].Block && term.Targets[0].Args.SequenceEqual(term.Targets[1].Args))
                {
                    Rewrites.MakeJump(term, term.Targets[0]);
                    changes++;
                }
            }
            else if (term.Opcode == Opcode.Switch && Rewrites.Constant(f, term.Args[0]) is { } index)
            {
                ulong u = Semantics.Unsigned(f.TypeOf(term.Args[0]), index);
                Rewrites.MakeJump(term, u < (ulong)(term.Targets.Length - 1) ? term.Targets[(int)u + 1] : term.Targets[0]);
                changes++;
            }
        }
        return changes;
    }

    /// <summary>Replaces parameters whose incoming arguments are all one value (ignoring the parameter itself, for loops).</summary>
    static int PropagateParams(PassContext context)
    {
        var f = context.Function;
        var cfg = context.Cfg;
        var substitution = new Substitution();
        int changes = 0;
        foreach (var block in f.Layout)
        {
            if (block == f.Entry) continue;
            var calls = IncomingCalls(f, cfg, block);
            var parameters = f[block].Params;
            var removed = new List<int>();
            for (int i = 0; i < parameters.Count; i++)
            {
                ValueId? single = null;
                bool unique = true;
                foreach (var call in calls)
                {
                    var arg = substitution.Resolve(call.Args[i]);
                    if (arg == parameters[i]) continue;
                    if (single is null) single = arg;
                    else if (single != arg) { unique = false; break; }
                }
                if (!unique || single is not { } value) continue;
                substitution.Add(parameters[i], value);
                removed.Add(i);
            }
            if (removed.Count == 0) continue;
            foreach (var (pred, index) in IncomingRefs(f, cfg, block))
            {
                var term = f.Terminator(pred)!;
                var call = term.Targets[index];
                term.Targets[index] = call with { Args = call.Args.Where((_, i) => !removed.Contains(i)).ToArray() };
            }
            foreach (int i in Enumerable.Reverse(removed)) f.RemoveBlockParam(block, i);
            changes += removed.Count;
        }
        substitution.Apply(f);
        return changes;
    }

    /// <summary>Sends predecessors of a block that holds nothing but a jump straight to its target.</summary>
    static int ThreadJumps(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        foreach (var block in f.Layout.ToList())
        {
            if (block == f.Entry || f[block].Instructions.Count != 1) continue;
            var jump = f.Terminator(block);
            if (jump?.Opcode != Opcode.Jump || jump.Targets[0].Block == block) continue;
            var target = jump.Targets[0];
            var parameters = f[block].Params.ToList();
            // Blocks this one dominates may read its parameters; bypassing it would leave them undefined.
            if (parameters.Count > 0)
            {
                var uses = f.CountUses();
                if (parameters.Any(p => uses[p.Index] != target.Args.Count(a => a == p))) continue;
            }
            foreach (var pred in f.Layout)
            {
                var term = f.Terminator(pred);
                if (term is null || pred == block) continue;
                for (int t = 0; t < term.Targets.Length; t++)
                {
                    var call = term.Targets[t];
                    if (call.Block != block) continue;
                    if (term.Opcode == Opcode.Switch && target.Args.Length > 0) continue;
                    // The forwarded arguments, with this block's parameters replaced by what the predecessor passes.
                    var args = target.Args.Select(a => parameters.IndexOf(a) is var i and >= 0 ? call.Args[i] : a).ToArray();
                    term.Targets[t] = new BlockCall(target.Block, args);
                    changes++;
                }
            }
        }
        if (changes > 0) context.Invalidate();
        return changes;
    }

    /// <summary>Merges B into A when A ends in <c>jump B</c> and A is B's only predecessor.</summary>
    static int MergeBlocks(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        var cfg = new ControlFlowGraph(f);
        foreach (var a in f.Layout.ToList())
        {
            if (!f[a].InLayout) continue;
            while (f.Terminator(a) is { Opcode: Opcode.Jump } jump)
            {
                var b = jump.Targets[0].Block;
                if (b == a || b == f.Entry || cfg.Predecessors(b).Count != 1 || IncomingRefs(f, cfg, b).Count() != 1) break;
                var parameters = f[b].Params.ToList();
                var args = jump.Targets[0].Args;
                f.RemoveInst(f.IdOf(jump));
                foreach (var instId in f[b].Instructions.ToList())
                {
                    f.DetachInst(instId);
                    f.AppendInst(a, f[instId]);
                }
                for (int i = 0; i < parameters.Count; i++) f.ReplaceAllUses(parameters[i], args[i]);
                f.RemoveBlock(b);
                changes++;
                cfg = new ControlFlowGraph(f);
            }
        }
        if (changes > 0) context.Invalidate();
        return changes;
    }

    static List<BlockCall> IncomingCalls(Function f, ControlFlowGraph cfg, BlockId block) =>
        IncomingRefs(f, cfg, block).Select(r => f.Terminator(r.Pred)!.Targets[r.Index]).ToList();

    static IEnumerable<(BlockId Pred, int Index)> IncomingRefs(Function f, ControlFlowGraph cfg, BlockId block)
    {
        foreach (var pred in cfg.Predecessors(block))
        {
            var term = f.Terminator(pred);
            if (term is null) continue;
            for (int i = 0; i < term.Targets.Length; i++)
            {
                if (term.Targets[i].Block == block) yield return (pred, i);
            }
        }
    }
}
