using Flywheel.MachineCode.Memory;

namespace Flywheel.MachineCode;

/// <summary>
/// Code installed in an <see cref="ExecutableMemory"/> heap: where it starts, how to patch its
/// sites and how to give its memory back.
/// </summary>
public sealed class InstalledCode : IDisposable
{
    private readonly ExecutableMemory _heap;

    internal InstalledCode(ExecutableMemory heap, CodeChunk chunk, int chunkOffset, int reservedSize, int size, CodeBlob? blob)
    {
        _heap = heap;
        Chunk = chunk;
        ChunkOffset = chunkOffset;
        ReservedSize = reservedSize;
        Size = size;
        Blob = blob;
        Address = chunk.Base + chunkOffset;
    }

    /// <summary>The address of the first byte of code; call it through a function pointer.</summary>
    public nint Address { get; }

    /// <summary>The size of the code in bytes.</summary>
    public int Size { get; }

    /// <summary>The blob this code came from, when installed from one.</summary>
    public CodeBlob? Blob { get; }

    /// <summary>Whether <see cref="Free"/> has been called.</summary>
    public bool IsFreed { get; private set; }

    internal CodeChunk Chunk { get; }

    internal int ChunkOffset { get; }

    internal int ReservedSize { get; }

    /// <summary>The installed bytes (readable: code pages are read-execute).</summary>
    public unsafe ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsFreed, this);
            return new ReadOnlySpan<byte>((void*)Address, Size);
        }
    }

    /// <summary>The address a label of the blob was bound to.</summary>
    public nint GetAddress(Label label)
    {
        var blob = Blob ?? throw new InvalidOperationException("This code was installed from raw bytes and has no labels.");
        var offset = blob.GetLabelOffset(label);
        return offset >= 0 ? Address + offset : throw new ArgumentException($"Label {label} was never bound.", nameof(label));
    }

    /// <summary>Rewrites the start of <paramref name="site"/> with <paramref name="bytes"/>.</summary>
    public void Patch(PatchSite site, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > site.Size)
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes.Length, $"Patch site '{site.Name}' holds {site.Size} bytes.");
        Patch(site.Offset, bytes);
    }

    /// <summary>Rewrites installed code at <paramref name="offset"/>, keeping W^X: only the touched pages flip to read-write, and back.</summary>
    public void Patch(int offset, ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(IsFreed, this);
        if (offset < 0 || offset + bytes.Length > Size)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The patch must lie within the code.");
        var copy = bytes.ToArray();
        _heap.Write(Chunk, ChunkOffset + offset, copy.Length, (destination, _) => copy.CopyTo(destination), Address + offset);
    }

    /// <summary>Overwrites the code with traps and returns its memory to the heap. Idempotent.</summary>
    public void Free()
    {
        if (IsFreed) return;
        IsFreed = true;
        _heap.Free(this);
    }

    /// <summary>Same as <see cref="Free"/>.</summary>
    public void Dispose() => Free();
}
