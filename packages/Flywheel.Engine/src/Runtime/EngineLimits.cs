namespace Flywheel.Engine.Runtime;

/// <summary>Resolved limits the runtime enforces (built from the public options).</summary>
internal sealed class EngineLimits
{
    public long MaxHeapBytes;
    public long StackBytes = 16L << 20;
    public int MaxCallDepth = 10_000;
    public long MaxStatements;
    public TimeSpan TimeLimit;
    public CancellationToken Cancellation;
    public bool GcStress;
    public int RandomSeed = Environment.TickCount;
    /// <summary>Counters, type and call-target feedback in the feedback vectors (inline caches are separate).</summary>
    public bool RecordFeedback = true;
    /// <summary>Inline caches for named property and global accesses.</summary>
    public bool InlineCaches = true;
    /// <summary>Tiering thresholds for the profiler (null: the profiler's defaults).</summary>
    public Flywheel.Profiling.TieringOptions? Tiering;
}
