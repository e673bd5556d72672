using System.Runtime.InteropServices;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>Page-aligned unmanaged memory for mapping into the emulator.</summary>
internal sealed unsafe class HostBuffer : IDisposable
{
    private HostBuffer(nint pointer, nuint size) { Pointer = pointer; Size = size; }

    public nint Pointer { get; }

    public nuint Size { get; }

    public static HostBuffer Allocate(int bytes)
    {
        var size = (nuint)((bytes + 4095) & ~4095);
        var pointer = (nint)NativeMemory.AlignedAlloc(size, 4096);
        NativeMemory.Clear((void*)pointer, size);
        return new HostBuffer(pointer, size);
    }

    public Span<byte> Span => new((void*)Pointer, (int)Size);

    public ulong ReadUInt64(int offset) => *(ulong*)(Pointer + offset);

    public void WriteUInt64(int offset, ulong value) => *(ulong*)(Pointer + offset) = value;

    public void Dispose() => NativeMemory.AlignedFree((void*)Pointer);
}
