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
        // Which branch arguments feed each block parameter, and where each branch target sits.
        var incoming = new Dictionary<BlockId, List<(Instruction Term, int Index)>>();
        foreach (var block in f.Layout)
        {
            if (f.Terminator(block) is not { } term) continue;
            for (int i = 0; i < term.Targets.Length; i++)
            {
                if (!incoming.TryGetValue(term.Targets[i].Block, out var list)) incoming[term.Targets[i].Block] = list = [];
                list.Add((term, i));
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
                foreach (var (term, index) in incoming.GetValueOrDefault(def.Block) ?? []) MarkLive(term.Targets[index].Args[def.ParamIndex]);
            }
            else
            {
                foreach (var use in f[def.Inst!.Value].Uses()) MarkLive(use);
            }
        }
        var dead = f.AllInstructions().Where(id => f[id] is { Result: { } r } inst && !live[r.Index] && inst.Effects.IsRemovableWhenUnused()).ToList();
        f.RemoveInsts(dead);
        changes += dead.Count;
        foreach (var block in f.Layout)
        {
            if (block == f.Entry) continue;
            var parameters = f[block].Params;
            var deadParams = Enumerable.Range(0, parameters.Count).Where(i => !live[parameters[i].Index]).ToHashSet();
            if (deadParams.Count == 0) continue;
            foreach (var (term, index) in incoming.GetValueOrDefault(block) ?? [])
            {
                var call = term.Targets[index];
                term.Targets[index] = call with { Args = call.Args.Where((_, i) => !deadParams.Contains(i)).ToArray() };
            }
            foreach (int i in deadParams.OrderDescending()) f.RemoveBlockParam(block, i);
            changes += deadParams.Count;
        }
        return changes;
    }

    /// <summary>Removes blocks the entry cannot reach; returns how many.</summary>
    internal static int RemoveUnreachableBlocks(PassContext context)
    {
        var f = context.Function;
        var cfg = context.Cfg;
        var unreachable = f.Layout.Where(b => !cfg.IsReachable(b)).ToList();
        f.RemoveBlocks(unreachable);
        if (unreachable.Count > 0) context.Invalidate();
        return unreachable.Count;
    }
}
