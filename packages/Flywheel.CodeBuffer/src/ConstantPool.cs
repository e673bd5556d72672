namespace Flywheel.MachineCode;

/// <summary>
/// Constants waiting to be placed in the code, deduplicated by content and alignment. Labels are
/// handed out before placement so code can refer to constants with ordinary fixups.
/// </summary>
internal sealed class ConstantPool
{
    private readonly Dictionary<(string Bytes, int Alignment), Label> _byContent = [];
    private readonly List<(Label Label, byte[] Bytes, int Alignment)> _pending = [];

    public bool HasPending => _pending.Count > 0;

    public Label GetOrAdd(ReadOnlySpan<byte> data, int alignment, CodeBuffer buffer)
    {
        var key = (Convert.ToHexString(data), alignment);
        if (_byContent.TryGetValue(key, out var label)) return label;
        label = buffer.CreateLabel();
        _byContent.Add(key, label);
        _pending.Add((label, data.ToArray(), alignment));
        return label;
    }

    public void EmitPending(CodeBuffer buffer, byte fill)
    {
        if (_pending.Count == 0) return;
        var start = buffer.Length;
        // Largest alignment first keeps the padding between constants at zero.
        foreach (var (label, bytes, alignment) in _pending.OrderByDescending(c => c.Alignment))
        {
            buffer.Align(alignment, fill);
            buffer.Bind(label);
            buffer.EmitBytes(bytes);
        }
        buffer.MarkData(start, buffer.Length - start);
        _pending.Clear();
        // Constants placed in an earlier pool are out of reach of later code on short-range
        // architectures, so a later use gets a fresh copy.
        _byContent.Clear();
    }
}
