using System.Runtime.InteropServices;
using Flywheel.MachineCode.Memory;

namespace Flywheel.MachineCode;

/// <summary>
/// A code heap: pages from the operating system holding many small functions, with free and
/// reuse, a code-space limit, and strict W^X — no page is ever writable and executable at once.
/// Code is written while its pages are read-write, then the pages flip to read-execute; patching
/// installed code flips only the pages it touches, for as long as the write takes.
/// </summary>
/// <remarks>
/// Because a page being written is briefly not executable, code on it must not run on another
/// thread during <see cref="Install(CodeBlob)"/>, <see cref="InstalledCode.Patch(int, ReadOnlySpan{byte})"/>
/// or <see cref="InstalledCode.Free"/>. Give each engine thread its own heap. The heap's own
/// bookkeeping is locked, so those calls may come from any thread.
/// </remarks>
public sealed class ExecutableMemory : IDisposable
{
    private readonly PageAllocator _pages;
    private readonly ExecutableMemoryOptions _options;
    private readonly Action<nint, nuint>? _flush;
    private readonly byte[] _trapFill;
    private readonly int _chunkSize;
    private readonly List<CodeChunk> _chunks = [];
    private readonly Lock _lock = new();
    private long _reservedBytes;
    private bool _disposed;

    /// <summary>Creates an empty code heap; pages are mapped on first use.</summary>
    /// <exception cref="PlatformNotSupportedException">The host needs an instruction-cache flush and none was found or given.</exception>
    public ExecutableMemory(ExecutableMemoryOptions? options = null)
    {
        _options = options ?? new ExecutableMemoryOptions();
        if (_options.Alignment <= 0 || (_options.Alignment & (_options.Alignment - 1)) != 0)
            throw new ArgumentException("Alignment must be a power of two.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.CodeSpaceLimit);
        _pages = PageAllocator.ForCurrentPlatform();
        _chunkSize = RoundUp(Math.Max(_options.ChunkSize, _pages.PageSize), _pages.PageSize);
        _flush = _options.FlushInstructionCache ?? InstructionCache.ForCurrentHost();
        if (_flush is null && InstructionCache.HostNeedsFlush)
            throw new PlatformNotSupportedException(
                "This host needs an instruction-cache flush after writing code and none was found; set ExecutableMemoryOptions.FlushInstructionCache.");
        _trapFill = (_options.TrapFill ?? DefaultTrapFill()).ToArray();
        if (_trapFill.Length == 0) throw new ArgumentException("TrapFill must not be empty.", nameof(options));
    }

    /// <summary>The settings this heap was created with.</summary>
    public ExecutableMemoryOptions Options => _options;

    /// <summary>A snapshot of the heap's use of memory.</summary>
    public ExecutableMemoryStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                long used = 0;
                var live = 0;
                foreach (var chunk in _chunks) { used += chunk.UsedBytes; live += chunk.LiveAllocations; }
                return new ExecutableMemoryStatistics(_reservedBytes, used, live, _chunks.Count, _options.CodeSpaceLimit);
            }
        }
    }

    /// <summary>Installs finished code, applying its relocations for the address it lands at.</summary>
    /// <exception cref="CodeSpaceExhaustedException">The code-space limit or the OS refused the memory.</exception>
    /// <exception cref="CodeBufferException">A relative relocation cannot reach its target from the chosen address.</exception>
    public InstalledCode Install(CodeBlob blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return InstallCore(blob.Length, blob, (destination, address) => blob.CopyTo(destination, (ulong)address));
    }

    /// <summary>Installs raw position-independent machine code.</summary>
    /// <exception cref="CodeSpaceExhaustedException">The code-space limit or the OS refused the memory.</exception>
    public InstalledCode Install(ReadOnlySpan<byte> code)
    {
        var copy = code.ToArray();
        return InstallCore(copy.Length, null, (destination, _) => copy.CopyTo(destination));
    }

    /// <summary>Unmaps every page. Code installed here must not run afterwards.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var chunk in _chunks) _pages.Unmap(chunk.Base, (nuint)chunk.Size);
            _chunks.Clear();
            _reservedBytes = 0;
        }
    }

    internal unsafe void Write(CodeChunk chunk, int offset, int size, WriteAction write, nint address)
    {
        var first = RoundDown(offset, _pages.PageSize);
        var pagesSize = (nuint)(RoundUp(offset + size, _pages.PageSize) - first);
        var pages = chunk.Base + first;
        _pages.Protect(pages, pagesSize, PageProtection.ReadWrite);
        try
        {
            write(new Span<byte>((void*)(chunk.Base + offset), size), address);
        }
        finally
        {
            _pages.Protect(pages, pagesSize, PageProtection.ReadExecute);
        }
        _flush?.Invoke(chunk.Base + offset, (nuint)size);
    }

    internal void Free(InstalledCode code)
    {
        lock (_lock)
        {
            if (_disposed) return;
            var chunk = code.Chunk;
            Write(chunk, code.ChunkOffset, code.ReservedSize, (span, _) => FillWithTraps(span), 0);
            chunk.Free(code.ChunkOffset, code.ReservedSize);
            // Keep one empty chunk around to avoid map/unmap churn; give back the rest.
            if (chunk.IsEmpty && _chunks.Count(c => c.IsEmpty) > 1)
            {
                _chunks.Remove(chunk);
                _pages.Unmap(chunk.Base, (nuint)chunk.Size);
                _reservedBytes -= chunk.Size;
            }
        }
    }

    internal delegate void WriteAction(Span<byte> destination, nint address);

    private InstalledCode InstallCore(int length, CodeBlob? blob, WriteAction copy)
    {
        var size = RoundUp(Math.Max(length, 1), _options.Alignment);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var (chunk, offset) = Allocate(size);
            var address = chunk.Base + offset;
            try
            {
                Write(chunk, offset, size, (destination, at) =>
                {
                    FillWithTraps(destination[length..]);
                    copy(destination[..length], at);
                }, address);
            }
            catch
            {
                chunk.Free(offset, size);
                throw;
            }
            return new InstalledCode(this, chunk, offset, size, length, blob);
        }
    }

    private (CodeChunk Chunk, int Offset) Allocate(int size)
    {
        foreach (var chunk in _chunks)
            if (chunk.TryAllocate(size, out var offset)) return (chunk, offset);

        var chunkSize = size > _chunkSize ? RoundUp(size, _pages.PageSize) : _chunkSize;
        if (_reservedBytes + chunkSize > _options.CodeSpaceLimit)
            throw new CodeSpaceExhaustedException(
                $"Installing {size} bytes of code needs a new {chunkSize}-byte chunk, which would exceed the code-space limit of {_options.CodeSpaceLimit} bytes ({_reservedBytes} reserved).",
                size, _options.CodeSpaceLimit);
        var address = _pages.Map((nuint)chunkSize);
        if (address == 0)
            throw new CodeSpaceExhaustedException(
                $"The operating system refused {chunkSize} bytes for code (errno {Marshal.GetLastPInvokeError()}).", size, _options.CodeSpaceLimit);
        // Fresh pages hold zeros, which decode as real instructions on x86-64: fill them with traps.
        unsafe { FillWithTraps(new Span<byte>((void*)address, chunkSize)); }
        _pages.Protect(address, (nuint)chunkSize, PageProtection.ReadExecute);
        var fresh = new CodeChunk(address, chunkSize);
        _chunks.Add(fresh);
        _reservedBytes += chunkSize;
        fresh.TryAllocate(size, out var freshOffset);
        return (fresh, freshOffset);
    }

    private void FillWithTraps(Span<byte> span)
    {
        for (var i = 0; i < span.Length; i += _trapFill.Length)
        {
            var n = Math.Min(_trapFill.Length, span.Length - i);
            _trapFill.AsSpan(0, n).CopyTo(span[i..]);
        }
    }

    private static byte[] DefaultTrapFill() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => [0x00, 0x00, 0x20, 0xD4], // brk #0
        _ => [0xCC], // int3
    };

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static int RoundDown(int value, int multiple) => value / multiple * multiple;
}
