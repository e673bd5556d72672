namespace Flywheel.MachineCode;

/// <summary>Settings for an <see cref="ExecutableMemory"/> code heap.</summary>
public sealed class ExecutableMemoryOptions
{
    /// <summary>
    /// The most bytes of address space the heap may map for code. Installing code that would
    /// need more throws <see cref="CodeSpaceExhaustedException"/>. Default: 256 MiB.
    /// </summary>
    public long CodeSpaceLimit { get; init; } = 256L << 20;

    /// <summary>
    /// The size of each chunk of pages the heap maps and carves functions from; rounded up to
    /// whole pages. Code larger than a chunk gets a mapping of its own. Default: 256 KiB.
    /// </summary>
    public int ChunkSize { get; init; } = 256 << 10;

    /// <summary>Every function starts at a multiple of this (a power of two). Default: 32.</summary>
    public int Alignment { get; init; } = 32;

    /// <summary>
    /// The bytes written over freed code, repeated, so a stale jump traps instead of running
    /// whatever is reused there. Default: the host's trap (<c>int3</c> on x86-64, <c>brk #0</c> on ARM64).
    /// </summary>
    public ReadOnlyMemory<byte>? TrapFill { get; init; }

    /// <summary>
    /// Makes code written at (address, size) visible to instruction fetch. Default: the host's
    /// own flush (nothing on x86-64). An ARM64 host without one must supply it.
    /// </summary>
    public Action<nint, nuint>? FlushInstructionCache { get; init; }
}
