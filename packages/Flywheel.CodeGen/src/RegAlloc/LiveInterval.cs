using Flywheel.SsaIR;

namespace Flywheel.CodeGen.RegAlloc;

/// <summary>
/// The positions where one SSA value is live, as sorted, disjoint half-open ranges: holes between
/// ranges are where the value is dead (say, in a branch arm that does not use it), and another
/// value may use the same register there. The allocator may split an interval into pieces, each
/// with its own location: the first piece is the value's interval itself (its <see cref="Parent"/>),
/// the later ones are listed in the parent's <see cref="Pieces"/>.
/// </summary>
internal sealed class LiveInterval(ValueId value, IrType type)
{
    // Built backwards (blocks and instructions in reverse), so ranges and uses arrive in
    // decreasing order; they are kept reversed while building and flipped once by Seal.
    readonly List<(int From, int To)> ranges = [];
    readonly List<(int Position, double Weight)> uses = [];
    List<LiveInterval>? pieces;
    bool sealed_;

    public ValueId Value { get; } = value;

    public IrType Type { get; } = type;

    public RegisterClass Class => RegisterInfo.ClassOf(Type);

    public IReadOnlyList<(int From, int To)> Ranges => ranges;

    public int Start => ranges[0].From;

    public int End => ranges[^1].To;

    /// <summary>The value's whole interval (the first piece); this interval itself unless it was split off.</summary>
    public LiveInterval Parent { get; private set; } = null!;

    /// <summary>On a parent: every piece in position order, itself first (just itself until it is split).</summary>
    public IReadOnlyList<LiveInterval> Pieces => pieces ?? (IReadOnlyList<LiveInterval>)[this];

    public bool IsSplit => pieces is { Count: > 1 };

    /// <summary>Accesses (the definition and each use) of this piece, ascending, with their loop-depth weights.</summary>
    public IReadOnlyList<(int Position, double Weight)> Uses => uses;

    public Location Assigned { get; set; }

    /// <summary>On a parent: the spill slot every in-memory piece of the value shares, or -1.</summary>
    public int SpillSlot { get; set; } = -1;

    /// <summary>A register the value would like (say, the one it arrives in), or -1; taken when free for the whole interval.</summary>
    public int Hint { get; set; } = -1;

    // Hints belong to the value, not to a piece: split pieces read their parent's.
    readonly List<LiveInterval> copyHints = [];
    readonly List<LiveInterval> edgeParameters = [];
    LiveInterval? operandHint;

    /// <summary>
    /// The other ends of block-argument copies: the parameters this value is passed to, or for a
    /// parameter, the values passed to it. Sharing a register with one saves that edge's move.
    /// </summary>
    public List<LiveInterval> CopyHints => Parent == this ? copyHints : Parent.CopyHints;

    /// <summary>
    /// All parameters of the blocks this value is passed to. When it cannot have its own
    /// parameter's register it avoids these: sitting in a sibling parameter's register would make
    /// the edge's copies a cycle (three moves through a scratch register instead of two).
    /// </summary>
    public List<LiveInterval> EdgeParameters => Parent == this ? edgeParameters : Parent.EdgeParameters;

    /// <summary>
    /// A two-address operand whose register the result would like to continue in (then the
    /// instruction computes in place when the operand dies here). Only consulted when the value
    /// has no copy hints: a result that flows into a parameter but cannot have its register
    /// is better off in a fresh one than in an operand's, which may be another parameter's and
    /// turn the edge's copies into a cycle.
    /// </summary>
    public LiveInterval? OperandHint
    {
        get => Parent == this ? operandHint : Parent.OperandHint;
        set => operandHint = value;
    }

    public bool IsEmpty => ranges.Count == 0;

    /// <summary>
    /// What keeping the piece in memory would cost: its definition and each use, weighted by the
    /// loop depth they sit at (8× per level), as each becomes a memory access. The allocator
    /// spills the cheapest piece when registers run out.
    /// </summary>
    public double SpillCost => CostFrom(int.MinValue);

    /// <summary>The <see cref="SpillCost"/> of the accesses at or after <paramref name="position"/>.</summary>
    public double CostFrom(int position)
    {
        double cost = 0;
        for (int i = uses.Count - 1; i >= 0 && uses[i].Position >= position; i--) cost += uses[i].Weight;
        return cost;
    }

    /// <summary>The first access strictly after <paramref name="position"/>, or int.MaxValue.</summary>
    public int NextUseAfter(int position)
    {
        foreach (var (at, _) in uses)
        {
            if (at > position) return at;
        }
        return int.MaxValue;
    }

    /// <summary>Records a definition or use at <paramref name="position"/> and loop depth <paramref name="loopDepth"/> (while building: positions arrive in decreasing order).</summary>
    public void AddAccess(int position, int loopDepth) => uses.Add((position, Math.Pow(8, Math.Min(loopDepth, 6))));

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
        uses.Reverse();
        // Several accesses by one instruction arrive in operand order, not position order.
        uses.Sort((a, b) => a.Position.CompareTo(b.Position));
        Parent = this;
        sealed_ = true;
    }

    /// <summary>
    /// Cuts this piece at <paramref name="position"/> (strictly inside it): this piece keeps what
    /// lies before, and the returned new piece of the same value everything from there on. A range
    /// straddling the position is cut in two, so the new piece starts at the position when the
    /// value is live there, else at its next range.
    /// </summary>
    public LiveInterval SplitAt(int position)
    {
        if (position <= Start || position >= End) throw new InvalidOperationException($"cannot split {this} at {position}");
        var rest = new LiveInterval(Value, Type) { sealed_ = true, Parent = Parent };
        int i = 0;
        while (ranges[i].To <= position) i++;
        if (ranges[i].From < position)
        {
            rest.ranges.Add((position, ranges[i].To));
            ranges[i] = (ranges[i].From, position);
            i++;
        }
        rest.ranges.AddRange(ranges.Skip(i));
        ranges.RemoveRange(i, ranges.Count - i);
        int u = uses.FindIndex(x => x.Position >= position);
        if (u >= 0)
        {
            rest.uses.AddRange(uses.Skip(u));
            uses.RemoveRange(u, uses.Count - u);
        }
        var all = Parent.pieces ??= [Parent];
        all.Insert(all.IndexOf(this) + 1, rest);
        return rest;
    }

    /// <summary>On a parent: the piece live at <paramref name="position"/> (or the last one starting before it, in a hole).</summary>
    public LiveInterval PieceAt(int position)
    {
        if (pieces is null) return this;
        LiveInterval found = this;
        foreach (var piece in pieces)
        {
            if (piece.Start > position) break;
            found = piece;
            if (piece.Covers(position)) break;
        }
        return found;
    }

    public bool Covers(int position)
    {
        int i = FirstRangeEndingAfter(position);
        return i < ranges.Count && ranges[i].From <= position;
    }

    /// <summary>
    /// The first call (of ascending <paramref name="calls"/> positions) this piece is live across —
    /// live at the call and after it, so a caller-saved register would lose it — or int.MaxValue.
    /// </summary>
    public int FirstCallCrossed(IReadOnlyList<int> calls)
    {
        foreach (int call in calls)
        {
            if (call >= End) break;
            if (call >= Start && Covers(call) && Covers(call + 1)) return call;
        }
        return int.MaxValue;
    }

    /// <summary>The first position both intervals cover, or int.MaxValue.</summary>
    public int FirstIntersection(LiveInterval other)
    {
        // Start at the first ranges that reach the other interval: fixed intervals (one range per
        // clobbering instruction) are long, and the pieces asked about are mostly short.
        int i = FirstRangeEndingAfter(other.Start), j = other.FirstRangeEndingAfter(Start);
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

    /// <summary>The index of the first range with an end beyond <paramref name="position"/> (ranges.Count if none).</summary>
    int FirstRangeEndingAfter(int position)
    {
        int lo = 0, hi = ranges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (ranges[mid].To <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public override string ToString() => $"{Value} {string.Join(" ", ranges.Select(r => $"[{r.From},{r.To})"))} -> {Assigned}";
}
