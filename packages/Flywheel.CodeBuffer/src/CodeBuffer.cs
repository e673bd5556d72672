using System.Buffers.Binary;

namespace Flywheel.MachineCode;

/// <summary>
/// A growable buffer of machine code for one function: raw bytes, labels and the fixups that
/// refer to them, a constant pool, relocations, patchable sites and listing annotations.
/// <see cref="Finish"/> resolves every fixup and yields an immutable <see cref="CodeBlob"/>.
/// </summary>
/// <remarks>
/// Fixups are resolved eagerly: a reference to a bound label is written at once, and a reference
/// to an unbound label is written when the label is bound, so range errors surface where they
/// happen. Instances are not thread-safe.
/// </remarks>
public sealed class CodeBuffer
{
    private const int UnboundOffset = -1;

    private byte[] _bytes;
    private int _length;
    private readonly List<int> _labelOffsets = [];
    private readonly List<PendingFixup> _pending = [];
    private readonly List<Relocation> _relocations = [];
    private readonly List<PatchSite> _patchSites = [];
    private readonly List<CodeAnnotation> _annotations = [];
    private readonly List<DataRegion> _dataRegions = [];
    private readonly ConstantPool _constants = new();

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="initialCapacity">Bytes to reserve up front.</param>
    public CodeBuffer(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _bytes = new byte[Math.Max(initialCapacity, 16)];
    }

    /// <summary>The number of bytes emitted so far; the offset of the next byte.</summary>
    public int Length => _length;

    /// <summary>The bytes emitted so far.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    /// <summary>How many fixups still wait for their label to be bound.</summary>
    public int PendingFixupCount => _pending.Count;

    /// <summary>Whether constants were added since the pool was last emitted.</summary>
    public bool HasPendingConstants => _constants.HasPending;

    /// <summary>Appends one byte.</summary>
    public void EmitByte(byte value)
    {
        EnsureCapacity(1);
        _bytes[_length++] = value;
    }

    /// <summary>Appends raw bytes.</summary>
    public void EmitBytes(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends a little-endian 16-bit value.</summary>
    public void EmitUInt16(ushort value)
    {
        EnsureCapacity(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(_length), value);
        _length += 2;
    }

    /// <summary>Appends a little-endian 32-bit value.</summary>
    public void EmitUInt32(uint value)
    {
        EnsureCapacity(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Appends a little-endian 64-bit value.</summary>
    public void EmitUInt64(ulong value)
    {
        EnsureCapacity(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Appends <paramref name="fill"/> bytes until <see cref="Length"/> is a multiple of <paramref name="alignment"/>.</summary>
    /// <param name="alignment">A power of two.</param>
    /// <param name="fill">The padding byte (an architecture's trap or no-op).</param>
    public void Align(int alignment, byte fill = 0)
    {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Alignment must be a power of two.");
        while ((_length & (alignment - 1)) != 0) EmitByte(fill);
    }

    /// <summary>Reads back a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    public uint ReadUInt32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    /// <summary>Overwrites a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    public void PatchUInt32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(offset, 4), value);

    /// <summary>Overwrites a little-endian 64-bit value at <paramref name="offset"/>.</summary>
    public void PatchUInt64(int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(offset, 8), value);

    /// <summary>Creates a new, unbound label.</summary>
    public Label CreateLabel()
    {
        _labelOffsets.Add(UnboundOffset);
        return new Label(_labelOffsets.Count - 1);
    }

    /// <summary>Whether <paramref name="label"/> has been bound.</summary>
    public bool IsBound(Label label) => _labelOffsets[CheckLabel(label)] != UnboundOffset;

    /// <summary>The offset <paramref name="label"/> was bound to.</summary>
    /// <exception cref="CodeBufferException">The label is not bound yet.</exception>
    public int GetOffset(Label label)
    {
        var offset = _labelOffsets[CheckLabel(label)];
        return offset != UnboundOffset ? offset : throw new CodeBufferException($"Label {label} is not bound.");
    }

    /// <summary>Binds <paramref name="label"/> to the current offset and resolves the fixups waiting for it.</summary>
    public void Bind(Label label) => BindAt(label, _length);

    /// <summary>Binds <paramref name="label"/> to <paramref name="offset"/> and resolves the fixups waiting for it.</summary>
    /// <exception cref="CodeBufferException">The label is already bound, or a fixup does not reach it.</exception>
    public void BindAt(Label label, int offset)
    {
        var index = CheckLabel(label);
        if (_labelOffsets[index] != UnboundOffset)
            throw new CodeBufferException($"Label {label} is already bound at offset 0x{_labelOffsets[index]:X}.");
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _length);
        _labelOffsets[index] = offset;

        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var fixup = _pending[i];
            if (fixup.Target != label) continue;
            Apply(fixup, offset);
            _pending.RemoveAt(i);
        }
    }

    /// <summary>
    /// Records that the <paramref name="kind"/>.<see cref="FixupKind.Width"/> bytes at
    /// <paramref name="siteOffset"/> refer to <paramref name="target"/>. The bytes must already be
    /// emitted (as placeholders); they are rewritten now if the label is bound, else when it is.
    /// </summary>
    public void AddFixup(int siteOffset, Label target, FixupKind kind, long addend = 0)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(siteOffset);
        if (siteOffset + kind.Width > _length)
            throw new ArgumentOutOfRangeException(nameof(siteOffset), siteOffset, "The fixup's bytes must be emitted before the fixup is added.");
        var fixup = new PendingFixup(siteOffset, target, kind, addend);
        var offset = _labelOffsets[CheckLabel(target)];
        if (offset != UnboundOffset) Apply(fixup, offset);
        else _pending.Add(fixup);
    }

    /// <summary>
    /// Returns a label for <paramref name="data"/> in the constant pool. Equal constants with the
    /// same alignment share one label. The pool is placed by <see cref="EmitConstantPool"/> or, at
    /// the latest, by <see cref="Finish"/>.
    /// </summary>
    public Label AddConstant(ReadOnlySpan<byte> data, int alignment = 8)
    {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Alignment must be a power of two.");
        return _constants.GetOrAdd(data, alignment, this);
    }

    /// <summary>Returns a pool label for a 64-bit constant.</summary>
    public Label AddConstant64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return AddConstant(bytes, 8);
    }

    /// <summary>
    /// Emits every constant added since the last pool here, binding their labels. Architectures
    /// with short literal ranges call this at safe places (after an unconditional branch).
    /// </summary>
    /// <param name="fill">The padding byte used for alignment.</param>
    public void EmitConstantPool(byte fill = 0) => _constants.EmitPending(this, fill);

    /// <summary>Marks <paramref name="length"/> bytes at <paramref name="offset"/> as data, not instructions.</summary>
    public void MarkData(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > _length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "Data must cover emitted bytes.");
        if (length > 0) _dataRegions.Add(new DataRegion(offset, length));
    }

    /// <summary>Records a relocation for the field at <paramref name="relocation"/>.Offset.</summary>
    public void AddRelocation(Relocation relocation)
    {
        if (relocation.Offset < 0 || relocation.Offset + relocation.Width > _length)
            throw new ArgumentOutOfRangeException(nameof(relocation), relocation, "The relocated field must be emitted first.");
        _relocations.Add(relocation);
    }

    /// <summary>Names <paramref name="size"/> bytes at <paramref name="offset"/> as a site to rewrite after installation.</summary>
    public PatchSite AddPatchSite(string name, int offset, int size)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (offset < 0 || size <= 0 || offset + size > _length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A patch site must cover emitted bytes.");
        var site = new PatchSite(name, offset, size);
        _patchSites.Add(site);
        return site;
    }

    /// <summary>Attaches a listing comment to the current offset.</summary>
    public void Annotate(string text) => _annotations.Add(new CodeAnnotation(_length, text));

    /// <summary>
    /// Emits any pending constants, checks that no fixup waits for an unbound label, and returns
    /// the finished code. The buffer should not be used afterwards.
    /// </summary>
    /// <param name="poolFill">The padding byte before the constant pool.</param>
    /// <exception cref="CodeBufferException">A referenced label was never bound.</exception>
    public CodeBlob Finish(byte poolFill = 0)
    {
        EmitConstantPool(poolFill);
        if (_pending.Count > 0)
        {
            var first = _pending[0];
            throw new CodeBufferException(
                $"Label {first.Target} is referenced at offset 0x{first.SiteOffset:X} ({first.Kind}) but never bound; {_pending.Count} fixup(s) unresolved.");
        }
        return new CodeBlob(
            _bytes.AsSpan(0, _length).ToArray(),
            [.. _relocations],
            [.. _patchSites],
            [.. _annotations],
            [.. _labelOffsets],
            [.. _dataRegions]);
    }

    private void Apply(PendingFixup fixup, int targetOffset)
    {
        var site = _bytes.AsSpan(fixup.SiteOffset, fixup.Kind.Width);
        if (!fixup.Kind.TryApply(site, fixup.SiteOffset, targetOffset, fixup.Addend))
            throw new CodeBufferException(
                $"{fixup.Kind} fixup at offset 0x{fixup.SiteOffset:X} cannot reach {fixup.Target} at offset 0x{targetOffset:X}.");
    }

    private int CheckLabel(Label label)
    {
        if ((uint)label.Id >= (uint)_labelOffsets.Count)
            throw new ArgumentException($"Label {label} does not belong to this buffer.", nameof(label));
        return label.Id;
    }

    private Span<byte> Slice(int offset, int size)
    {
        if (offset < 0 || offset + size > _length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "Outside the emitted code.");
        return _bytes.AsSpan(offset, size);
    }

    private void EnsureCapacity(int extra)
    {
        if (_length + extra <= _bytes.Length) return;
        Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + extra));
    }

    private readonly record struct PendingFixup(int SiteOffset, Label Target, FixupKind Kind, long Addend);
}
