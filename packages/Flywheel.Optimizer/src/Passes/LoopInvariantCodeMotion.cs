using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>licm</c>: moves loop-invariant instructions to the loop's preheader, innermost loops first.
/// <list type="bullet">
/// <item>Pure instructions whose operands are defined outside the loop (or already hoisted) move from any block of the loop.</item>
/// <item>Instructions that may trap (division, loads) move only from the header and only while no
/// observable instruction precedes them there, because the header runs on every entry to the loop
/// and executing them earlier must not change which trap, deopt or call happens first.</item>
/// <item>A load moves only when no store in the loop may alias it and the loop makes no calls:
/// otherwise a later iteration could read a different value.</item>
/// <item>Stores, calls, guards, checked arithmetic and allocations never move.</item>
/// </list>
/// </summary>
public sealed class LoopInvariantCodeMotion : IPass
{
    /// <inheritdoc/>
    public string Name => "licm";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        foreach (var loop in context.Loops.Loops)
        {
            var cfg = context.Cfg;
            var preheader = Preheaders.GetOrCreate(f, cfg, loop, out bool created);
            if (preheader is not { } pre) continue;
            if (created)
            {
                // The new block sits inside every enclosing loop; keep their block sets true.
                for (var outer = loop.Parent; outer is not null; outer = outer.Parent) outer.Blocks.Add(pre);
                changes++;
                context.Invalidate();
            }
            changes += HoistFrom(context, loop, pre);
        }
        return changes;
    }

    static int HoistFrom(PassContext context, Loop loop, BlockId preheader)
    {
        var f = context.Function;
        var rpo = context.Cfg.ReversePostorder;
        var blocks = rpo.Where(loop.Contains).ToList();
        var writers = blocks.SelectMany(b => f[b].Instructions).Select(id => f[id]).Where(i => i.Effects.MayClobberMemory()).ToList();
        bool hasCall = writers.Any(w => (w.Effects & Effects.IsCall) != 0);
        int hoisted = 0;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in blocks)
            {
                bool headerPrefix = block == loop.Header;
                foreach (var instId in f[block].Instructions.ToList())
                {
                    var inst = f[instId];
                    bool invariant = inst.Uses().All(v => !loop.Contains(DefBlock(f, v)));
                    bool movable = invariant && CanHoist(f, inst, headerPrefix, hasCall, writers);
                    if (movable)
                    {
                        f.DetachInst(instId);
                        f.InsertInst(preheader, f[preheader].Instructions.Count - 1, inst);
                        hoisted++;
                        changed = true;
                        continue;
                    }
                    if (inst.Effects.IsObservable()) headerPrefix = false;
                }
            }
        }
        return hoisted;
    }

    static bool CanHoist(Function f, Instruction inst, bool headerPrefix, bool hasCall, List<Instruction> writers)
    {
        if (inst.Result is null) return false;
        var effects = inst.Effects;
        if (effects == Effects.None) return true;
        if (!headerPrefix) return false;
        if (effects == Effects.MayTrap) return true;
        if (effects != (Effects.ReadsMemory | Effects.MayTrap) || hasCall) return false;
        var location = AliasAnalysis.LocationOf(f, inst);
        return writers.All(w => !AliasAnalysis.MayAlias(f, location, AliasAnalysis.LocationOf(f, w)));
    }

    static BlockId DefBlock(Function f, ValueId value)
    {
        var def = f.DefOf(value);
        return def.IsParam ? def.Block : f[def.Inst!.Value].Block!.Value;
    }
}
