namespace Flywheel.MachineCode;

/// <summary>A snapshot of a code heap's use of memory.</summary>
/// <param name="ReservedBytes">Bytes mapped from the operating system for code.</param>
/// <param name="UsedBytes">Bytes held by live code, including alignment padding.</param>
/// <param name="LiveAllocations">How many pieces of code are installed and not freed.</param>
/// <param name="Chunks">How many separate mappings the heap holds.</param>
/// <param name="CodeSpaceLimit">The configured limit on <paramref name="ReservedBytes"/>.</param>
public readonly record struct ExecutableMemoryStatistics(long ReservedBytes, long UsedBytes, int LiveAllocations, int Chunks, long CodeSpaceLimit)
{
    /// <summary>Mapped bytes not held by live code.</summary>
    public long FreeBytes => ReservedBytes - UsedBytes;
}
