namespace Flywheel.CodeGen.RegAlloc;

/// <summary>The allocator's answer: a location per value and what the frame must provide.</summary>
internal sealed class Allocation(Location[] locations, int spillSlots, IReadOnlyList<LiveInterval> intervals)
{
    /// <summary>Location by <see cref="SsaIR.ValueId.Index"/>; <see cref="LocationKind.None"/> for constants and folded values.</summary>
    public Location[] Locations { get; } = locations;

    public int SpillSlotCount { get; } = spillSlots;

    public IReadOnlyList<LiveInterval> Intervals { get; } = intervals;

    /// <summary>Registers handed out, per class, so the prologue saves only the callee-saved ones actually used.</summary>
    public IEnumerable<(RegisterClass Class, int Register)> UsedRegisters() =>
        Locations.Where(l => l.IsRegister).Select(l => (l.Kind == LocationKind.Gpr ? RegisterClass.Gpr : RegisterClass.Float, l.Index)).Distinct();
}

/// <summary>
/// Linear-scan register allocation over live intervals with holes (Poletto and Sarkar; Wimmer's
/// active/inactive sets). Intervals are visited by start; a register is free for the current
/// interval until the first position where an active or inactive (in a hole) interval holding it
/// is live. When none is free for the whole interval, the interval cheapest to keep in memory
/// (its accesses weighted by loop depth) is spilled — the current one or an active one whose
/// register can be taken — for its whole lifetime. Intervals live across a call get only callee-saved registers. Spill slots are reused
/// once the value holding them is dead.
/// </summary>
internal static class LinearScan
{
    public static Allocation Allocate(LiveInterval?[] intervals, RegisterInfo registers)
    {
        var unhandled = intervals.Where(i => i is { IsEmpty: false }).Select(i => i!).OrderBy(i => i.Start).ThenBy(i => i.Value.Index).ToList();
        var locations = new Location[intervals.Length];
        var active = new List<LiveInterval>();
        var inactive = new List<LiveInterval>();
        var slotFreeFrom = new List<int>();

        void Spill(LiveInterval interval)
        {
            int slot = slotFreeFrom.FindIndex(free => free <= interval.Start);
            if (slot < 0) { slot = slotFreeFrom.Count; slotFreeFrom.Add(0); }
            slotFreeFrom[slot] = Math.Max(slotFreeFrom[slot], interval.End);
            interval.Assigned = Location.Spill(slot);
        }

        foreach (var current in unhandled)
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
            var candidates = registers.Allocatable(cls).Where(r => !current.CrossesCall || registers.IsCalleeSaved(cls, r)).ToList();
            var freeUntil = candidates.ToDictionary(r => r, _ => int.MaxValue);
            foreach (var it in active)
            {
                if (it.Class == cls && it.Assigned.IsRegister && freeUntil.ContainsKey(it.Assigned.Index)) freeUntil[it.Assigned.Index] = 0;
            }
            foreach (var it in inactive)
            {
                if (it.Class != cls || !it.Assigned.IsRegister || !freeUntil.TryGetValue(it.Assigned.Index, out int until)) continue;
                freeUntil[it.Assigned.Index] = Math.Min(until, it.FirstIntersection(current));
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
                if (freeUntil.TryGetValue(hint, out int hintUntil) && hintUntil >= current.End) { best = hint; break; }
            }
            if (best >= 0 && freeUntil[best] >= current.End)
            {
                current.Assigned = RegisterInfo.InRegister(cls, best);
                active.Add(current);
                continue;
            }

            // No register is free for the whole interval: spill the interval that is cheapest in
            // memory (fewest accesses, weighted by loop depth; ties go to whoever ends last) — the
            // current one, or an active one whose register is then free for all of the current one.
            LiveInterval? victim = null;
            double cheapest = current.SpillCost;
            int lastEnd = current.End;
            foreach (var it in active)
            {
                if (it.Class != cls || !it.Assigned.IsRegister || !candidates.Contains(it.Assigned.Index)) continue;
                if (it.SpillCost > cheapest || (it.SpillCost == cheapest && it.End <= lastEnd)) continue;
                if (inactive.Any(o => o.Class == cls && o.Assigned == it.Assigned && o.FirstIntersection(current) != int.MaxValue)) continue;
                victim = it;
                cheapest = it.SpillCost;
                lastEnd = it.End;
            }
            if (victim is null)
            {
                Spill(current);
                continue;
            }
            current.Assigned = victim.Assigned;
            active.Remove(victim);
            Spill(victim);
            active.Add(current);
        }

        foreach (var interval in unhandled) locations[interval.Value.Index] = interval.Assigned;
        return new Allocation(locations, slotFreeFrom.Count, unhandled);
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
