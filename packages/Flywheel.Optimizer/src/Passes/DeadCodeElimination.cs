using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>dce</c>: removes blocks unreachable from the entry, then every instruction whose result is not
/// needed and whose effects allow removal (see <see cref="EffectsExtensions.IsRemovableWhenUnused"/>),
/// and every block parameter (with its branch arguments) that nothing needs. Liveness starts at
/// observable instructions (stores, calls, traps, guards, terminators' conditions and returns) and
/// flows backwards through operands, frame states and block arguments, so dead loop-carried
/// cycles go too. Entry parameters stay: they are the signature.
/// </summary>
public sealed class DeadCodeElimination : IPass
{
    /// <inheritdoc/>
    public string Name => "dce";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        int changes = RemoveUnreachableBlocks(context);
        var live = new bool[f.ValueCount];
        var work = new Stack<ValueId>();
        void MarkLive(ValueId v)
        {
            if (!live[v.Index]) { live[v.Index] = true; work.Push(v); }
        }
        // Which branch arguments feed each block parameter.
        var incoming = new Dictionary<BlockId, List<BlockCall>>();
        foreach (var block in f.Layout)
        {
            if (f.Terminator(block) is not { } term) continue;
            foreach (var target in term.Targets)
            {
                if (!incoming.TryGetValue(target.Block, out var list)) incoming[target.Block] = list = [];
                list.Add(target);
            }
        }
        foreach (var param in f[f.Entry].Params) MarkLive(param);
        foreach (var instId in f.AllInstructions())
        {
            var inst = f[instId];
            if (inst.Effects.IsRemovableWhenUnused()) continue;
            // Branch arguments are live only if the parameter they feed is.
            foreach (var arg in inst.Args) MarkLive(arg);
            if (inst.FrameState is { } state) foreach (var v in state.Values) MarkLive(v);
            if (inst.Result is { } r) MarkLive(r);
        }
        while (work.Count > 0)
        {
            var value = work.Pop();
            var def = f.DefOf(value);
            if (def.IsParam)
            {
                foreach (var call in incoming.GetValueOrDefault(def.Block) ?? []) MarkLive(call.Args[def.ParamIndex]);
            }
            else
            {
                foreach (var use in f[def.Inst!.Value].Uses()) MarkLive(use);
            }
        }
        foreach (var instId in f.AllInstructions().ToList())
        {
            var inst = f[instId];
            if (inst.Result is { } r && !live[r.Index] && inst.Effects.IsRemovableWhenUnused())
            {
                f.RemoveInst(instId);
                changes++;
            }
        }
        foreach (var block in f.Layout)
        {
            if (block == f.Entry) continue;
            var parameters = f[block].Params;
            var dead = Enumerable.Range(0, parameters.Count).Where(i => !live[parameters[i].Index]).ToHashSet();
            if (dead.Count == 0) continue;
            foreach (var call in incoming.GetValueOrDefault(block) ?? [])
            {
                ReplaceArgs(f, call, call.Args.Where((_, i) => !dead.Contains(i)).ToArray());
            }
            foreach (int i in dead.OrderDescending()) f.RemoveBlockParam(block, i);
            changes += dead.Count;
        }
        return changes;
    }

    /// <summary>Swaps the argument array of a branch target in place in its terminator.</summary>
    static void ReplaceArgs(Function f, BlockCall call, ValueId[] args)
    {
        foreach (var block in f.Layout)
        {
            if (f.Terminator(block) is not { } term) continue;
            for (int i = 0; i < term.Targets.Length; i++)
            {
                if (ReferenceEquals(term.Targets[i], call)) { term.Targets[i] = call with { Args = args }; return; }
            }
        }
    }

    /// <summary>Removes blocks the entry cannot reach; returns how many.</summary>
    internal static int RemoveUnreachableBlocks(PassContext context)
    {
        var f = context.Function;
        var cfg = context.Cfg;
        var dead = f.Layout.Where(b => !cfg.IsReachable(b)).ToList();
        foreach (var block in dead) f.RemoveBlock(block);
        if (dead.Count > 0) context.Invalidate();
        return dead.Count;
    }
}
