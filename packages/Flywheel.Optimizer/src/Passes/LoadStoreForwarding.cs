using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>mem-forward</c>: forward through the CFG (facts true at the end of every predecessor hold at a join),
/// replaces a load by the value last stored to, or loaded from, exactly the same location (same root,
/// offset, size and type), and removes a store overwritten by a later store to the same location
/// when nothing in between could observe memory. Facts die at any store that may alias them (see
/// <see cref="AliasAnalysis"/>) and at calls; dead-store removal also stops at anything that may
/// trap or deopt, since the embedder can look at memory afterwards.
/// </summary>
public sealed class LoadStoreForwarding : IPass
{
    /// <inheritdoc/>
    public string Name => "mem-forward";

    sealed record Fact(MemoryLocation Location, ValueId Value, IrType Type, Instruction? PendingStore);

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var cfg = context.Cfg;
        var substitution = new Substitution();
        var exitFacts = new Dictionary<BlockId, List<Fact>>();
        int changes = 0;
        foreach (var block in cfg.ReversePostorder)
        {
            var facts = EntryFacts(cfg.Predecessors(block).Where(cfg.IsReachable).ToList(), exitFacts);
            foreach (var instId in f[block].Instructions.ToList())
            {
                var inst = f[instId];
                if (substitution.Count > 0) inst.MapUses(substitution.Resolve);
                switch (inst.Opcode)
                {
                    case Opcode.Load:
                    {
                        var location = AliasAnalysis.LocationOf(f, inst);
                        var match = facts.FindLast(fact => AliasAnalysis.MustAlias(fact.Location, location) && fact.Type == inst.Type);
                        if (match is not null)
                        {
                            substitution.Add(inst.Result!.Value, match.Value);
                            f.RemoveInst(instId);
                            changes++;
                            break;
                        }
                        // This load observes memory: stores it may read are no longer dead.
                        facts = facts.Select(fact => fact.PendingStore is not null && AliasAnalysis.MayAlias(f, fact.Location, location) ? fact with { PendingStore = null } : fact).ToList();
                        ClearPending(facts); // a trapping load ends execution with memory visible
                        facts.Add(new Fact(location, inst.Result!.Value, inst.Type, null));
                        break;
                    }
                    case Opcode.Store:
                    {
                        var location = AliasAnalysis.LocationOf(f, inst);
                        var overwritten = facts.FindLast(fact => fact.PendingStore is not null && AliasAnalysis.MustAlias(fact.Location, location));
                        if (overwritten?.PendingStore is { } dead && dead.Block is not null)
                        {
                            f.RemoveInst(f.IdOf(dead));
                            changes++;
                        }
                        facts.RemoveAll(fact => AliasAnalysis.MayAlias(f, fact.Location, location));
                        ClearPending(facts);
                        var value = inst.Args[0];
                        facts.Add(new Fact(location, value, f.TypeOf(value), inst));
                        break;
                    }
                    default:
                        if (inst.Effects.MayClobberMemory()) facts.Clear();
                        else if ((inst.Effects & (Effects.MayTrap | Effects.MayDeopt | Effects.Terminator)) != 0) ClearPending(facts);
                        break;
                }
            }
            exitFacts[block] = facts;
        }
        substitution.Apply(f);
        return changes;
    }

    /// <summary>
    /// What holds on entry: the facts every predecessor ends with (same location, same value), once all
    /// predecessors are done; none at loop headers, whose back edges are not. A value known at the end of
    /// every predecessor dominates the join, so it may be used there.
    /// </summary>
    static List<Fact> EntryFacts(List<BlockId> preds, Dictionary<BlockId, List<Fact>> exitFacts)
    {
        if (preds.Count == 0 || !preds.All(exitFacts.ContainsKey)) return [];
        var first = exitFacts[preds[0]];
        return first
            .Where(fact => preds.Skip(1).All(p => exitFacts[p].Any(other =>
                AliasAnalysis.MustAlias(other.Location, fact.Location) && other.Value == fact.Value && other.Type == fact.Type)))
            .Select(fact => fact with { PendingStore = null })
            .ToList();
    }

    static void ClearPending(List<Fact> facts)
    {
        for (int i = 0; i < facts.Count; i++)
        {
            if (facts[i].PendingStore is not null) facts[i] = facts[i] with { PendingStore = null };
        }
    }
}
