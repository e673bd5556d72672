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
}
