namespace Flywheel.MachineCode.Memory;

/// <summary>
/// One mapping of code pages, carved into functions with a first-fit free list. Offsets and
/// sizes are multiples of the heap's alignment.
/// </summary>
internal sealed class CodeChunk(nint baseAddress, int size)
{
    // Sorted by offset, never adjacent (freeing coalesces).
    private readonly List<(int Offset, int Size)> _free = [(0, size)];

    public nint Base { get; } = baseAddress;

    public int Size { get; } = size;

    public int UsedBytes { get; private set; }

    public int LiveAllocations { get; private set; }

    public bool IsEmpty => LiveAllocations == 0;

    public bool TryAllocate(int bytes, out int offset)
    {
        for (var i = 0; i < _free.Count; i++)
        {
            var (start, length) = _free[i];
            if (length < bytes) continue;
            if (length == bytes) _free.RemoveAt(i);
            else _free[i] = (start + bytes, length - bytes);
            offset = start;
            UsedBytes += bytes;
            LiveAllocations++;
            return true;
        }
        offset = -1;
        return false;
    }

    public void Free(int offset, int bytes)
    {
        var index = 0;
        while (index < _free.Count && _free[index].Offset < offset) index++;
        var start = offset;
        var length = bytes;
        if (index > 0 && _free[index - 1].Offset + _free[index - 1].Size == start)
        {
            index--;
            start = _free[index].Offset;
            length += _free[index].Size;
            _free.RemoveAt(index);
        }
        if (index < _free.Count && start + length == _free[index].Offset)
        {
            length += _free[index].Size;
            _free.RemoveAt(index);
        }
        _free.Insert(index, (start, length));
        UsedBytes -= bytes;
        LiveAllocations--;
    }

    public bool Contains(nint address) => address >= Base && address < Base + Size;
}
