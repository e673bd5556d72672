namespace Flywheel.Deopt;

/// <summary>
/// Counts deopts by reason and by site, so tiering can stop re-optimizing code that keeps
/// failing the same guard and reports can name the worst sites. Thread-safe.
/// </summary>
public sealed class DeoptStatistics
{
    private readonly long[] _byReason = new long[DeoptReasons.All.Count];
    private readonly Dictionary<DeoptSite, long> _bySite = [];
    private readonly Lock _lock = new();

    /// <summary>Records one deopt.</summary>
    public void Record(DeoptSite site, DeoptReason reason)
    {
        Interlocked.Increment(ref _byReason[(int)reason]);
        lock (_lock) _bySite[site] = _bySite.GetValueOrDefault(site) + 1;
    }

    /// <summary>How many deopts had <paramref name="reason"/>.</summary>
    public long Count(DeoptReason reason) => Interlocked.Read(ref _byReason[(int)reason]);

    /// <summary>How many deopts happened at <paramref name="site"/>.</summary>
    public long Count(DeoptSite site)
    {
        lock (_lock) return _bySite.GetValueOrDefault(site);
    }

    /// <summary>Every deopt counted.</summary>
    public long Total => Enumerable.Range(0, _byReason.Length).Sum(i => Interlocked.Read(ref _byReason[i]));

    /// <summary>The sites with the most deopts, most first.</summary>
    public IReadOnlyList<(DeoptSite Site, long Count)> HottestSites(int count)
    {
        lock (_lock)
            return _bySite.OrderByDescending(p => p.Value).ThenBy(p => p.Key.FunctionId).ThenBy(p => p.Key.BytecodeOffset)
                .Take(count).Select(p => (p.Key, p.Value)).ToList();
    }
}

/// <summary>A place deopts are counted at: a function and the bytecode offset of the failed guard.</summary>
/// <param name="FunctionId">The embedder's function id.</param>
/// <param name="BytecodeOffset">The offset of the operation whose speculation failed.</param>
/// <param name="Reason">Why.</param>
public readonly record struct DeoptSite(int FunctionId, int BytecodeOffset, DeoptReason Reason);
