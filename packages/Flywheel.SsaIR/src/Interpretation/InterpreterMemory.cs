using System.Buffers.Binary;

namespace Flywheel.SsaIR.Interpretation;

/// <summary>
/// The interpreter's flat little-endian memory: one byte array mapped at <see cref="Base"/>. The heap
/// (<c>alloc</c>) grows up from the bottom, stack slots of active frames grow down from the top;
/// anything outside the array traps. Addresses below <see cref="Base"/> never map, so small integers
/// and function addresses are never valid data pointers.
/// </summary>
public sealed class InterpreterMemory
{
    /// <summary>The address of the first byte.</summary>
    public const long Base = 0x10000;

    readonly byte[] bytes;
    long heapTop;
    long stackBottom;

    /// <summary>Creates zeroed memory of <paramref name="size"/> bytes.</summary>
    public InterpreterMemory(int size)
    {
        bytes = new byte[size];
        heapTop = Base;
        stackBottom = Base + size;
    }

    /// <summary>Total mapped bytes.</summary>
    public int Size => bytes.Length;

    /// <summary>Allocates zeroed, 8-byte aligned memory; returns 0 when exhausted.</summary>
    public long Allocate(long size)
    {
        long aligned = (size + 7) & ~7L;
        if (aligned <= 0 || heapTop + aligned > stackBottom) return 0;
        long address = heapTop;
        heapTop += aligned;
        return address;
    }

    /// <summary>Pushes a zeroed frame area of <paramref name="size"/> bytes; returns its address or 0 when exhausted.</summary>
    internal long PushFrame(long size)
    {
        long aligned = (size + 7) & ~7L;
        if (stackBottom - aligned < heapTop) return 0;
        stackBottom -= aligned;
        Array.Clear(bytes, (int)(stackBottom - Base), (int)aligned);
        return stackBottom;
    }

    internal long StackMark => stackBottom;

    internal void PopFrame(long mark) => stackBottom = mark;

    /// <summary>Whether <paramref name="length"/> bytes at <paramref name="address"/> are mapped.</summary>
    public bool IsMapped(long address, int length) => address >= Base && length >= 0 && address - Base <= bytes.Length - length;

    /// <summary>Reads canonical contents of <paramref name="type"/>; false when out of bounds.</summary>
    public bool TryRead(long address, IrType type, out long value)
    {
        value = 0;
        int size = type.Bytes();
        if (!IsMapped(address, size)) return false;
        var span = bytes.AsSpan((int)(address - Base), size);
        value = size switch
        {
            1 => (sbyte)span[0],
            2 => BinaryPrimitives.ReadInt16LittleEndian(span),
            4 => BinaryPrimitives.ReadInt32LittleEndian(span),
            _ => BinaryPrimitives.ReadInt64LittleEndian(span),
        };
        return true;
    }

    /// <summary>Writes the low bytes of <paramref name="value"/> for <paramref name="type"/>; false when out of bounds.</summary>
    public bool TryWrite(long address, IrType type, long value)
    {
        int size = type.Bytes();
        if (!IsMapped(address, size)) return false;
        var span = bytes.AsSpan((int)(address - Base), size);
        switch (size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteInt16LittleEndian(span, (short)value); break;
            case 4: BinaryPrimitives.WriteInt32LittleEndian(span, (int)value); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(span, value); break;
        }
        return true;
    }
}
