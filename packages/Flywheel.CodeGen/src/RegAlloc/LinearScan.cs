using Flywheel.CodeGen.Lowering;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen.RegAlloc;

/// <summary>
/// The allocator's answer: for each value, the location of each of its pieces, and what the frame
/// and the emitter must provide — spill slots, and the moves where a value changes location
/// inside a block (the ones on control-flow edges the emitter derives per edge with <see cref="LocationAt"/>).
/// </summary>
internal sealed class Allocation
{
    readonly LiveInterval?[] byValue;
    readonly Dictionary<int, List<Move>> splitMoves = [];

    public Allocation(LiveInterval?[] byValue, int spillSlots, LinearOrder order)
    {
        this.byValue = byValue;
        SpillSlotCount = spillSlots;
        var pieces = new List<LiveInterval>();
        var split = new List<LiveInterval>();
        var blockStarts = order.Blocks.Select(order.BlockStart).ToHashSet();
        foreach (var parent in byValue)
        {
            if (parent is null || parent.IsEmpty) continue;
            pieces.AddRange(parent.Pieces);
            if (!parent.IsSplit) continue;
            split.Add(parent);
            for (int i = 1; i < parent.Pieces.Count; i++)
            {
                var (before, after) = (parent.Pieces[i - 1], parent.Pieces[i]);
                // A piece starting at a block start is reached through the block's edges, where
                // the emitter moves it; one starting inside a block needs its move right there.
                // A move into the spill slot is never needed: the value was stored there at its definition.
                if (blockStarts.Contains(after.Start) || !before.Covers(after.Start - 1) || before.Assigned == after.Assigned || after.Assigned.Kind == LocationKind.Spill) continue;
                if (!splitMoves.TryGetValue(after.Start, out var moves)) splitMoves[after.Start] = moves = [];
                moves.Add(new Move(before.Assigned, after.Assigned));
            }
        }
        Intervals = pieces;
        SplitValues = split;
    }

    /// <summary>
    /// Where <paramref name="value"/> is at <paramref name="position"/>: the location of its piece
    /// live there (<see cref="LocationKind.None"/> for constants and folded values).
    /// </summary>
    public Location LocationAt(ValueId value, int position) =>
        byValue[value.Index] is { IsEmpty: false } parent ? parent.PieceAt(position).Assigned : Location.None;

    public int SpillSlotCount { get; }

    /// <summary>
    /// The spill slot of a value with a piece in memory, or <see cref="LocationKind.None"/>. The
    /// emitter stores the value there at its definition (after its instruction, with the entry
    /// moves, or on each edge into its block for a parameter) when it is defined into a register,
    /// so the slot is valid wherever the value is live and moving a piece there costs nothing.
    /// </summary>
    public Location SpillSlotOf(ValueId value) =>
        byValue[value.Index] is { IsEmpty: false, SpillSlot: >= 0 } parent ? Location.Spill(parent.SpillSlot) : Location.None;

    /// <summary>Every piece of every value.</summary>
    public IReadOnlyList<LiveInterval> Intervals { get; }

    /// <summary>The values (their whole intervals) that were split into pieces: only they can change location on an edge.</summary>
    public IReadOnlyList<LiveInterval> SplitValues { get; }

    readonly Dictionary<int, List<(LiveInterval Value, Location Location)>> splitLiveIn = [];

    /// <summary>
    /// The split values live into the block starting at <paramref name="blockStart"/> (not its
    /// parameters), each with the location of its piece there: what an edge into the block must
    /// bring them to.
    /// </summary>
    public IReadOnlyList<(LiveInterval Value, Location Location)> SplitLiveIn(int blockStart)
    {
        if (splitLiveIn.TryGetValue(blockStart, out var known)) return known;
        var list = new List<(LiveInterval, Location)>();
        foreach (var value in SplitValues)
        {
            // Block parameters are the only values defined at a block's start.
            if (value.Start == blockStart || value.Start > blockStart || value.Pieces[^1].End <= blockStart) continue;
            var piece = value.PieceAt(blockStart);
            if (piece.Covers(blockStart)) list.Add((value, piece.Assigned));
        }
        splitLiveIn[blockStart] = list;
        return list;
    }

    /// <summary>The parallel copy to perform before the instruction at <paramref name="position"/>, where pieces of values meet inside a block.</summary>
    public IReadOnlyList<Move> MovesBefore(int position) => splitMoves.TryGetValue(position, out var moves) ? moves : [];

    /// <summary>Registers handed out, per class, so the prologue saves only the callee-saved ones actually used.</summary>
    public IEnumerable<(RegisterClass Class, int Register)> UsedRegisters() =>
        Intervals.Select(i => i.Assigned).Where(l => l.IsRegister).Select(l => (l.Kind == LocationKind.Gpr ? RegisterClass.Gpr : RegisterClass.Float, l.Index)).Distinct();
}

/// <summary>
/// Linear-scan register allocation on SSA with live-range splitting (Wimmer and Franz, "Linear
/// Scan Register Allocation on SSA Form"). Pieces of intervals are visited by start, with
/// Wimmer's active/inactive sets; a register is free for the current piece until the first
/// position where an active or inactive (in a hole) piece holding it is live, or an instruction
/// that needs it for itself (fixed uses: division's rax:rdx, say) — and a caller-saved register
/// only until the first call the piece is live across.
/// <list type="bullet">
/// <item>Free for the whole piece: it gets the register (hints decide among the free ones).</item>
/// <item>Free for a prefix holding a use: it gets the register up to a split position, and the
/// rest goes back to the queue — so a value live across a call uses a caller-saved register up
/// to the call, and one that meets pressure moves to memory there.</item>
/// <item>Blocked: the piece cheapest to keep in memory (its accesses from here on, weighted by
/// loop depth) goes there — the current piece, or an active one whose register the current one
/// then takes — but only until its next use, where its rest competes again (unless that use is
/// its last: x86 reads it from the slot as well as from a register).</item>
/// </list>
/// Split positions move to the block boundary of the shallowest loop between the last use and
/// the latest allowed position, so stores and reloads land outside loops. Every in-memory piece
/// of a value shares one spill slot, written once at the definition (the value is SSA, so the
/// slot stays valid and a register piece moves to memory for free); slots are reused once their
/// values are dead. The cost of evicting a piece counts its accesses from the entry of the loops
/// around the current position, as those before it in the loop run again.
/// </summary>
internal static class LinearScan
{
    /// <summary>
    /// Allocates every interval. <paramref name="fixedUses"/> (general-purpose register to the
    /// ascending positions of instructions that clobber it) keeps values out of a register at
    /// those instructions, as operands, across them and as their results.
    /// </summary>
    public static Allocation Allocate(LiveInterval?[] intervals, RegisterInfo registers, LinearOrder order, IReadOnlyDictionary<int, List<int>>? fixedUses = null)
    {
        var scan = new Scan(registers, order, FixedIntervals(fixedUses));
        foreach (var interval in intervals)
        {
            if (interval is { IsEmpty: false }) scan.Enqueue(interval);
        }
        scan.Run();
        return new Allocation(intervals, scan.SpillSlotCount, order);
    }

    /// <summary>A register's clobbering instructions as an interval covering each one's position and its result's.</summary>
    static List<(int Register, LiveInterval Blocked)> FixedIntervals(IReadOnlyDictionary<int, List<int>>? fixedUses)
    {
        var result = new List<(int, LiveInterval)>();
        if (fixedUses is null) return result;
        foreach (var (register, positions) in fixedUses)
        {
            if (positions.Count == 0) continue;
            var blocked = new LiveInterval(default, IrType.I64);
            for (int i = positions.Count - 1; i >= 0; i--) blocked.AddRange(positions[i], positions[i] + 2);
            blocked.Seal();
            result.Add((register, blocked));
        }
        return result;
    }

    sealed class Scan(RegisterInfo registers, LinearOrder order, List<(int Register, LiveInterval Blocked)> fixedGprs)
    {
        readonly PriorityQueue<LiveInterval, (int Start, int Value)> unhandled = new();
        readonly List<LiveInterval> active = [];
        readonly List<LiveInterval> inactive = [];
        readonly List<int> slotFreeFrom = [];
        readonly int[] blockStarts = order.Blocks.Select(order.BlockStart).ToArray();
        readonly int[] blockDepths = order.Blocks.Select(order.LoopDepth).ToArray();
        readonly IReadOnlyList<int> calls = order.CallPositions;
        // Per register number (both files number from 0): reset for each piece's allocatable registers.
        readonly int[] freeUntil = new int[RegisterCount];
        readonly bool[] gprCandidate = Mask(registers.Allocatable(RegisterClass.Gpr));
        readonly bool[] floatCandidate = Mask(registers.Allocatable(RegisterClass.Float));

        const int RegisterCount = 32;

        static bool[] Mask(IReadOnlyList<int> allocatable)
        {
            var mask = new bool[RegisterCount];
            foreach (int r in allocatable) mask[r] = true;
            return mask;
        }

        public int SpillSlotCount => slotFreeFrom.Count;

        public void Enqueue(LiveInterval piece) => unhandled.Enqueue(piece, (piece.Start, piece.Value.Index));

        public void Run()
        {
            while (unhandled.TryDequeue(out var current, out _)) Allocate(current);
        }

        void Allocate(LiveInterval current)
        {
            int position = current.Start;
            for (int i = active.Count - 1; i >= 0; i--)
            {
                var it = active[i];
                if (it.End <= position) active.RemoveAt(i);
                else if (!it.Covers(position)) { active.RemoveAt(i); inactive.Add(it); }
            }
            for (int i = inactive.Count - 1; i >= 0; i--)
            {
                var it = inactive[i];
                if (it.End <= position) inactive.RemoveAt(i);
                else if (it.Covers(position)) { inactive.RemoveAt(i); active.Add(it); }
            }

            var cls = current.Class;
            var candidates = registers.Allocatable(cls);
            // A caller-saved register holds the piece only up to the first call it is live across.
            int callLimit = FirstCallCrossed(current);
            var isCandidate = cls == RegisterClass.Gpr ? gprCandidate : floatCandidate;
            foreach (int r in candidates) freeUntil[r] = registers.IsCalleeSaved(cls, r) ? int.MaxValue : callLimit;
            foreach (var it in active)
            {
                if (it.Class == cls && it.Assigned.IsRegister && isCandidate[it.Assigned.Index]) freeUntil[it.Assigned.Index] = 0;
            }
            foreach (var it in inactive)
            {
                if (it.Class != cls || !it.Assigned.IsRegister || !isCandidate[it.Assigned.Index]) continue;
                freeUntil[it.Assigned.Index] = Math.Min(freeUntil[it.Assigned.Index], it.FirstIntersection(current));
            }
            if (cls == RegisterClass.Gpr)
            {
                foreach (var (r, blocked) in fixedGprs)
                {
                    if (isCandidate[r]) freeUntil[r] = Math.Min(freeUntil[r], blocked.FirstIntersection(current));
                }
            }

            // Prefer the free register whose next use by another interval is furthest away; ties go to preference order.
            int best = -1, bestUntil = -1;
            foreach (int r in candidates)
            {
                if (freeUntil[r] > bestUntil) { best = r; bestUntil = freeUntil[r]; }
            }
            if (best >= 0 && bestUntil >= current.End && current.EdgeParameters.Count > 0)
            {
                foreach (int r in candidates)
                {
                    if (freeUntil[r] >= current.End && !current.EdgeParameters.Exists(p => p.Assigned == RegisterInfo.InRegister(cls, r))) { best = r; break; }
                }
            }
            foreach (int hint in Hints(current))
            {
                if (hint < isCandidate.Length && isCandidate[hint] && freeUntil[hint] >= current.End) { best = hint; break; }
            }
            if (best >= 0 && freeUntil[best] >= current.End)
            {
                Assign(current, RegisterInfo.InRegister(cls, best));
                return;
            }

            // Free for a prefix: worth taking when the prefix holds a use (not just the definition).
            if (best >= 0 && TryAssignPrefix(current, RegisterInfo.InRegister(cls, best), bestUntil)) return;

            // Blocked: keep in memory whichever piece is cheapest there from here on (ties go to
            // whoever ends last) — the current one, or an active one whose register it then takes.
            LiveInterval? victim = null;
            double cheapest = current.SpillCost;
            int lastEnd = current.End;
            int victimReach = 0;
            // Accesses count from the entry of the loops around here: in a loop, those before
            // this position run again after it.
            int loopEntry = order.LoopEntry(position);
            foreach (var it in active)
            {
                if (it.Class != cls || !it.Assigned.IsRegister || !isCandidate[it.Assigned.Index]) continue;
                int reach = registers.IsCalleeSaved(cls, it.Assigned.Index) ? int.MaxValue : callLimit;
                foreach (var o in inactive)
                {
                    if (o.Class == cls && o.Assigned == it.Assigned) reach = Math.Min(reach, o.FirstIntersection(current));
                }
                if (cls == RegisterClass.Gpr)
                {
                    foreach (var (r, blocked) in fixedGprs)
                    {
                        if (r == it.Assigned.Index) reach = Math.Min(reach, blocked.FirstIntersection(current));
                    }
                }
                // The register must be usable by the current piece for a stretch holding a use.
                if (reach < current.End && current.NextUseAfter(position) >= (reach & ~1)) continue;
                double cost = it.CostFrom(loopEntry);
                if (cost > cheapest || (cost == cheapest && it.End <= lastEnd)) continue;
                victim = it;
                cheapest = cost;
                lastEnd = it.End;
                victimReach = reach;
            }
            if (victim is null)
            {
                SpillUntilNextUse(current, position);
                return;
            }
            var register = victim.Assigned;
            active.Remove(victim);
            EvictFrom(victim, position);
            if (victimReach >= current.End) Assign(current, register);
            else TryAssignPrefixOrSpill(current, register, victimReach);
        }

        void Assign(LiveInterval piece, Location register)
        {
            piece.Assigned = register;
            active.Add(piece);
        }

        void TryAssignPrefixOrSpill(LiveInterval current, Location register, int until)
        {
            if (!TryAssignPrefix(current, register, until)) SpillUntilNextUse(current, current.Start);
        }

        /// <summary>Gives <paramref name="current"/> the register up to a split position at or before <paramref name="until"/>, when that stretch holds a use.</summary>
        bool TryAssignPrefix(LiveInterval current, Location register, int until)
        {
            int limit = until & ~1;
            if (limit <= current.Start) return false;
            int lastUse = LastUseBefore(current, limit);
            if (lastUse <= current.Start) return false;
            int split = SplitPosition(lastUse, limit);
            Enqueue(current.SplitAt(split));
            Assign(current, register);
            return true;
        }

        /// <summary>
        /// Moves a piece that held a register at <paramref name="position"/> to memory from there:
        /// what lies before (if anything) keeps the register, the stretch to its next use goes to
        /// the spill slot, and the rest goes back to the queue.
        /// </summary>
        void EvictFrom(LiveInterval victim, int position)
        {
            int limit = position & ~1;
            if (limit <= victim.Start)
            {
                SpillUntilNextUse(victim, position);
                return;
            }
            int lastUse = Math.Max(victim.Start, LastUseBefore(victim, limit));
            int split = SplitPosition(lastUse, limit);
            var rest = victim.SplitAt(split);
            SpillUntilNextUse(rest, position);
        }

        /// <summary>Puts <paramref name="piece"/> in its value's spill slot up to its first use after <paramref name="position"/>; the rest is queued again.</summary>
        void SpillUntilNextUse(LiveInterval piece, int position)
        {
            int next = piece.NextUseAfter(position);
            // A rest with a single access stays in memory: a reload before it would cost as much
            // as reading its operand from the slot.
            bool worthARegister = piece.Uses.Count >= 2 && piece.Uses[^2].Position > position;
            if (worthARegister && next < piece.End && (next & ~1) > Math.Max(piece.Start, position))
            {
                int split = SplitPosition(Math.Max(piece.Start, position), next & ~1);
                Enqueue(piece.SplitAt(split));
            }
            var parent = piece.Parent;
            if (parent.SpillSlot < 0)
            {
                int end = parent.Pieces[^1].End;
                // The slot holds the value from its definition on (see Allocation), so any piece can move there without a store.
                int slot = slotFreeFrom.FindIndex(free => free <= parent.Start);
                if (slot < 0) { slot = slotFreeFrom.Count; slotFreeFrom.Add(0); }
                slotFreeFrom[slot] = end;
                parent.SpillSlot = slot;
            }
            piece.Assigned = Location.Spill(parent.SpillSlot);
        }

        /// <summary>The last access of <paramref name="piece"/> before <paramref name="position"/>, or its start.</summary>
        static int LastUseBefore(LiveInterval piece, int position)
        {
            int last = piece.Start;
            foreach (var (at, _) in piece.Uses)
            {
                if (at >= position) break;
                last = at;
            }
            return last;
        }

        /// <summary>
        /// An even position in (<paramref name="min"/>, <paramref name="max"/>] to split at:
        /// <paramref name="max"/>, unless a block boundary in between closes a block in a
        /// shallower loop — then the latest such boundary of the shallowest depth, so the move
        /// the split costs runs outside the loop (an edge move at a loop header runs on entry only).
        /// </summary>
        int SplitPosition(int min, int max)
        {
            int best = max;
            int b = Array.BinarySearch(blockStarts, max);
            if (b < 0) b = ~b - 1;
            // Depth of the code the move would run in: inside its block, or the block ending at a boundary.
            int bestDepth = blockStarts[b] == max ? (b > 0 ? blockDepths[b - 1] : 0) : blockDepths[b];
            for (int i = blockStarts[b] == max ? b - 1 : b; i >= 1 && blockStarts[i] > min; i--)
            {
                int depth = blockDepths[i - 1];
                if (depth < bestDepth) { best = blockStarts[i]; bestDepth = depth; }
            }
            return best;
        }

        int FirstCallCrossed(LiveInterval piece)
        {
            int i = calls is List<int> list ? list.BinarySearch(piece.Start) : -1;
            if (i < 0) i = ~i;
            for (; i < calls.Count && calls[i] < piece.End; i++)
            {
                if (piece.Covers(calls[i]) && piece.Covers(calls[i] + 1)) return calls[i];
            }
            return int.MaxValue;
        }
    }

    /// <summary>The registers <paramref name="current"/> would like, best first: a fixed hint, its copies' registers, else its operand's.</summary>
    static IEnumerable<int> Hints(LiveInterval current)
    {
        if (current.Hint >= 0) yield return current.Hint;
        foreach (var param in current.CopyHints)
        {
            if (param.Assigned.IsRegister && param.Class == current.Class) yield return param.Assigned.Index;
        }
        if (current.CopyHints.Count == 0 && current.OperandHint is { Assigned.IsRegister: true } from && from.Class == current.Class) yield return from.Assigned.Index;
    }
}
