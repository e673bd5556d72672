using Flywheel.SsaIR;

namespace Flywheel.CodeGen.RegAlloc;

/// <summary>
/// The positions where one SSA value is live, as sorted, disjoint half-open ranges: holes between
/// ranges are where the value is dead (say, in a branch arm that does not use it), and another
/// value may use the same register there.
/// </summary>
internal sealed class LiveInterval(ValueId value, IrType type)
{
    // Built backwards (blocks and instructions in reverse), so ranges arrive in decreasing order;
    // they are kept reversed while building and flipped once by Seal.
    readonly List<(int From, int To)> ranges = [];
    bool sealed_;

    public ValueId Value { get; } = value;

    public IrType Type { get; } = type;

    public RegisterClass Class => RegisterInfo.ClassOf(Type);

    public IReadOnlyList<(int From, int To)> Ranges => ranges;

    public int Start => ranges[0].From;

    public int End => ranges[^1].To;

    /// <summary>Whether the value is live across a call, so only callee-saved registers (or a spill slot) may hold it.</summary>
    public bool CrossesCall { get; set; }

    public Location Assigned { get; set; }

    /// <summary>A register the value would like (say, the one it arrives in), or -1; taken when free for the whole interval.</summary>
    public int Hint { get; set; } = -1;

    /// <summary>
    /// The other ends of block-argument copies: the parameters this value is passed to, or for a
    /// parameter, the values passed to it. Sharing a register with one saves that edge's move.
    /// </summary>
    public List<LiveInterval> CopyHints { get; } = [];

    /// <summary>
    /// All parameters of the blocks this value is passed to. When it cannot have its own
    /// parameter's register it avoids these: sitting in a sibling parameter's register would make
    /// the edge's copies a cycle (three moves through a scratch register instead of two).
    /// </summary>
    public List<LiveInterval> EdgeParameters { get; } = [];

    /// <summary>
    /// A two-address operand whose register the result would like to continue in (then the
    /// instruction computes in place when the operand dies here). Only consulted when the value
    /// has no copy hints: a result that flows into a parameter but cannot have its register
    /// is better off in a fresh one than in an operand's, which may be another parameter's and
    /// turn the edge's copies into a cycle.
    /// </summary>
    public LiveInterval? OperandHint { get; set; }

    public bool IsEmpty => ranges.Count == 0;

    /// <summary>
    /// What keeping the value in memory would cost: its definition and each use, weighted by the
    /// loop depth they sit at (8× per level), as each becomes a memory access. The allocator
    /// spills the cheapest interval when registers run out.
    /// </summary>
    public double SpillCost { get; private set; }

    /// <summary>Counts one definition or use at loop depth <paramref name="loopDepth"/> into <see cref="SpillCost"/>.</summary>
    public void AddAccess(int loopDepth) => SpillCost += Math.Pow(8, Math.Min(loopDepth, 6));

    /// <summary>Adds [from, to) in front of the ranges built so far, merging when they touch.</summary>
    public void AddRange(int from, int to)
    {
        if (ranges.Count > 0)
        {
            var first = ranges[^1];
            if (to >= first.From)
            {
                ranges[^1] = (Math.Min(from, first.From), Math.Max(to, first.To));
                return;
            }
        }
        ranges.Add((from, to));
    }

    /// <summary>Cuts the first range at the definition point.</summary>
    public void SetFrom(int from)
    {
        if (ranges.Count == 0) { ranges.Add((from, from + 1)); return; }
        var first = ranges[^1];
        ranges[^1] = (from, Math.Max(first.To, from + 1));
    }

    public void Seal()
    {
        if (sealed_) return;
        ranges.Reverse();
        sealed_ = true;
    }

    public bool Covers(int position)
    {
        foreach (var (from, to) in ranges)
        {
            if (position < from) return false;
            if (position < to) return true;
        }
        return false;
    }

    /// <summary>The first position both intervals cover, or int.MaxValue.</summary>
    public int FirstIntersection(LiveInterval other)
    {
        int i = 0, j = 0;
        while (i < ranges.Count && j < other.ranges.Count)
        {
            var a = ranges[i];
            var b = other.ranges[j];
            int from = Math.Max(a.From, b.From);
            if (from < Math.Min(a.To, b.To)) return from;
            if (a.To <= b.To) i++; else j++;
        }
        return int.MaxValue;
    }

    public override string ToString() => $"{Value} {string.Join(" ", ranges.Select(r => $"[{r.From},{r.To})"))} -> {Assigned}";
}
