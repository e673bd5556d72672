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
/// <item>a block that only jumps on is bypassed (jump threading), and so is a block that only branches on
/// one of its parameters, for predecessors that pass a constant there; unless a <c>switch</c> would then
/// need block arguments or other blocks read the parameters;</item>
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
        var refs = TargetRefs(f);
        int[]? uses = null;
        int changes = 0;
        foreach (var block in f.Layout.ToList())
        {
            if (block == f.Entry || f[block].Instructions.Count != 1) continue;
            var term = f.Terminator(block);
            var parameters = f[block].Params.ToList();
            // A lone brif on one of this block's parameters: predecessors passing a constant know the way.
            int condition = term?.Opcode == Opcode.Brif ? parameters.IndexOf(term.Args[0]) : -1;
            if (term?.Opcode != Opcode.Jump && condition < 0) continue;
            // Blocks this one dominates may read its parameters; bypassing it would leave them undefined.
            if (parameters.Count > 0)
            {
                uses ??= f.CountUses();
                if (parameters.Any(p => uses[p.Index] != term!.Uses().Count(a => a == p))) continue;
            }
            var incoming = refs.GetValueOrDefault(block) ?? [];
            for (int r = incoming.Count - 1; r >= 0; r--)
            {
                var (pred, t) = incoming[r];
                var call = pred.Targets[t];
                BlockCall target;
                if (term!.Opcode == Opcode.Jump) target = term.Targets[0];
                else if (Rewrites.Constant(f, call.Args[condition]) is { } known) target = term.Targets[known != 0 ? 0 : 1];
                else continue;
                if (target.Block == block || (pred.Opcode == Opcode.Switch && target.Args.Length > 0)) continue;
                // The forwarded arguments, with this block's parameters replaced by what the predecessor passes.
                var args = target.Args.Select(a => parameters.IndexOf(a) is var i and >= 0 ? call.Args[i] : a).ToArray();
                if (uses is not null)
                {
                    foreach (var a in call.Args) uses[a.Index]--;
                    foreach (var a in args) uses[a.Index]++;
                }
                pred.Targets[t] = new BlockCall(target.Block, args);
                incoming.RemoveAt(r);
                if (!refs.TryGetValue(target.Block, out var moved)) refs[target.Block] = moved = [];
                moved.Add((pred, t));
                changes++;
            }
        }
        if (changes > 0) context.Invalidate();
        return changes;
    }

    /// <summary>Merges B into A when A ends in <c>jump B</c> and that jump is B's only way in.</summary>
    static int MergeBlocks(PassContext context)
    {
        var f = context.Function;
        var refs = TargetRefs(f);
        var substitution = new Substitution();
        var merged = new List<BlockId>();
        foreach (var a in f.Layout)
        {
            if (!f[a].InLayout || f[a].Instructions.Count == 0) continue; // emptied by an earlier merge
            while (f.Terminator(a) is { Opcode: Opcode.Jump } jump)
            {
                var b = jump.Targets[0].Block;
                // Incoming edges do not change when blocks merge (b's edges become a's), so counts stay right.
                if (b == a || b == f.Entry || refs.GetValueOrDefault(b)?.Count != 1) break;
                var parameters = f[b].Params;
                var args = jump.Targets[0].Args;
                for (int i = 0; i < parameters.Count; i++) substitution.Add(parameters[i], args[i]);
                f.RemoveInst(f.IdOf(jump));
                f.MoveInstructions(b, a);
                merged.Add(b);
                refs.Remove(b);
            }
        }
        f.RemoveBlocks(merged);
        substitution.Apply(f);
        if (merged.Count > 0) context.Invalidate();
        return merged.Count;
    }

    /// <summary>For each block, the terminators (and target positions) that branch to it.</summary>
    static Dictionary<BlockId, List<(Instruction Term, int Index)>> TargetRefs(Function f)
    {
        var refs = new Dictionary<BlockId, List<(Instruction, int)>>();
        foreach (var block in f.Layout)
        {
            if (f.Terminator(block) is not { } term) continue;
            for (int i = 0; i < term.Targets.Length; i++)
            {
                if (!refs.TryGetValue(term.Targets[i].Block, out var list)) refs[term.Targets[i].Block] = list = [];
                list.Add((term, i));
            }
        }
        return refs;
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
