namespace Flywheel.CodeGen.RegAlloc;

/// <summary>One move of a parallel copy.</summary>
internal readonly record struct Move(Location Source, Location Destination);

/// <summary>
/// Sequentializes a parallel copy (block arguments to parameters, call arguments to argument
/// registers): every source is read before any destination is written. Moves whose destination
/// nobody still reads go first; what remains then is cycles, each broken by saving one
/// destination's old contents in a scratch location and redirecting its readers there. Two
/// scratch locations are offered (a general-purpose and a floating-point register): any 64-bit
/// value can sit in either, and a second cycle can be broken while the first scratch still has
/// readers.
/// </summary>
internal static class ParallelMoves
{
    public static List<Move> Sequence(IEnumerable<Move> moves, Location scratchGpr, Location scratchFloat)
    {
        var pending = moves.Where(m => m.Source != m.Destination).ToList();
        if (pending.Select(m => m.Destination).Distinct().Count() != pending.Count)
            throw new InvalidOperationException("parallel move writes one location twice");
        var result = new List<Move>(pending.Count + 2);
        while (pending.Count > 0)
        {
            bool progress = false;
            for (int i = 0; i < pending.Count; i++)
            {
                var m = pending[i];
                if (pending.Exists(other => other.Source == m.Destination)) continue;
                result.Add(m);
                pending.RemoveAt(i);
                i--;
                progress = true;
            }
            if (progress) continue;

            // Only cycles remain: free the first move's destination by saving what it holds.
            var blocked = pending[0].Destination;
            var scratch = PickScratch(blocked, pending, scratchGpr, scratchFloat);
            result.Add(new Move(blocked, scratch));
            for (int i = 0; i < pending.Count; i++)
            {
                if (pending[i].Source == blocked) pending[i] = pending[i] with { Source = scratch };
            }
        }
        return result;
    }

    static Location PickScratch(Location saved, List<Move> pending, Location gpr, Location fp)
    {
        bool gprBusy = pending.Exists(m => m.Source == gpr);
        bool fpBusy = pending.Exists(m => m.Source == fp);
        var preferred = saved.Kind == LocationKind.Float ? fp : gpr;
        var other = preferred == gpr ? fp : gpr;
        if (!(preferred == gpr ? gprBusy : fpBusy)) return preferred;
        if (!(other == gpr ? gprBusy : fpBusy)) return other;
        throw new InvalidOperationException("parallel move needs a third scratch location");
    }
}
