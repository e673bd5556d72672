using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Analysis;

/// <summary>
/// Signed integer ranges of every integer value, by abstract interpretation over the CFG: transfer
/// functions per opcode, block parameters joining what their edges pass, edges out of a
/// <c>brif</c> on an <c>icmp</c> narrowing the compared value, and widening to the constants the
/// function compares against so loops converge (<c>i &lt; 10</c> gives <c>[0, 9]</c>, not
/// <c>[0, MAX]</c>). Values never reached stay without a range.
/// </summary>
public sealed partial class RangeAnalysis
{
    const int VisitsBeforeWidening = 3;
    const int MaxRounds = 200;

    readonly Function f;
    readonly ControlFlowGraph cfg;
    readonly IntRange?[] ranges;
    readonly int[] paramVisits;
    readonly SortedSet<long> thresholds = [];

    /// <summary>Analyzes <paramref name="function"/>.</summary>
    public RangeAnalysis(Function function, ControlFlowGraph cfg)
    {
        f = function;
        this.cfg = cfg;
        ranges = new IntRange?[function.ValueCount];
        paramVisits = new int[function.ValueCount];
        CollectThresholds();
        foreach (var param in f[f.Entry].Params)
        {
            if (f.TypeOf(param).IsInt()) ranges[param.Index] = IntRange.Full(f.TypeOf(param));
        }
        for (int round = 0; round < MaxRounds; round++)
        {
            if (!Round()) { Converged = true; break; }
        }
    }

    /// <summary>Whether the fixpoint was reached (if not, no range may be trusted).</summary>
    public bool Converged { get; }

    /// <summary>The range of an integer value; null when unreachable or not an integer.</summary>
    public IntRange? RangeOf(ValueId value) => Converged ? ranges[value.Index] : null;

    /// <summary>The range a value has for the purpose of computing others: full for non-integers and unanalyzed values.</summary>
    IntRange? Operand(ValueId value)
    {
        var type = f.TypeOf(value);
        if (!type.IsInt()) return null;
        return ranges[value.Index];
    }

    void CollectThresholds()
    {
        foreach (var id in f.AllInstructions())
        {
            var inst = f[id];
            if (inst.Opcode != Opcode.Icmp) continue;
            foreach (var arg in inst.Args)
            {
                if (f.DefiningInst(arg) is { Opcode: Opcode.Iconst } c)
                {
                    thresholds.Add(c.Imm - 1);
                    thresholds.Add(c.Imm);
                    thresholds.Add(c.Imm + 1);
                }
            }
        }
    }

    bool Round()
    {
        bool changed = false;
        foreach (var block in cfg.ReversePostorder)
        {
            if (block != f.Entry)
            {
                var parameters = f[block].Params;
                for (int i = 0; i < parameters.Count; i++)
                {
                    var type = f.TypeOf(parameters[i]);
                    if (!type.IsInt()) continue;
                    IntRange? joined = null;
                    foreach (var (pred, call) in Incoming(block))
                    {
                        if (EdgeRange(pred, call, call.Args[i]) is { } r) joined = joined is { } j ? j.Union(r) : r;
                    }
                    changed |= Update(parameters[i], joined, widen: true);
                }
            }
            foreach (var id in f[block].Instructions)
            {
                var inst = f[id];
                if (inst.Result is { } result && inst.Type.IsInt()) changed |= Update(result, Transfer(inst), widen: false);
            }
        }
        return changed;
    }

    bool Update(ValueId value, IntRange? next, bool widen)
    {
        var old = ranges[value.Index];
        if (next is null || old == next) return false;
        if (old is { } o)
        {
            var n = next.Value.Union(o); // ranges only grow during the ascending iteration
            if (n == o) return false;
            if (widen && ++paramVisits[value.Index] > VisitsBeforeWidening) n = Widen(f.TypeOf(value), o, n);
            next = n;
        }
        ranges[value.Index] = next;
        return true;
    }

    IntRange Widen(IrType type, IntRange old, IntRange next)
    {
        var full = IntRange.Full(type);
        long max = next.Max > old.Max ? thresholds.GetViewBetween(next.Max, full.Max).Cast<long?>().FirstOrDefault() ?? full.Max : next.Max;
        long min = next.Min < old.Min ? thresholds.GetViewBetween(full.Min, next.Min).Cast<long?>().LastOrDefault() ?? full.Min : next.Min;
        return new IntRange(Math.Max(min, full.Min), Math.Min(max, full.Max));
    }

    IEnumerable<(BlockId Pred, BlockCall Call)> Incoming(BlockId block)
    {
        foreach (var pred in cfg.Predecessors(block))
        {
            if (!cfg.IsReachable(pred) || f.Terminator(pred) is not { } term) continue;
            foreach (var call in term.Targets)
            {
                if (call.Block == block) yield return (pred, call);
            }
        }
    }
}
