using System.Buffers.Binary;
using Flywheel.MachineCode;

namespace Flywheel.Arm64;

/// <summary>
/// The PC-relative fields of A64 instructions that refer to labels. Each rewrites one 32-bit
/// instruction in place, keeping its other bits, and refuses distances that are misaligned or out
/// of the field's reach, so <see cref="CodeBuffer"/> reports them as errors instead of wrapping.
/// </summary>
public sealed class Arm64FixupKind : FixupKind
{
    /// <summary><c>b</c>/<c>bl</c>: a 26-bit word offset, ±128 MiB.</summary>
    public static readonly Arm64FixupKind Branch26 = new("imm26", bits: 26, shift: 0, scale: 2);

    /// <summary><c>b.cond</c>, <c>cbz</c>/<c>cbnz</c>, <c>ldr</c> (literal): a 19-bit word offset at bit 5, ±1 MiB.</summary>
    public static readonly Arm64FixupKind Imm19 = new("imm19", bits: 19, shift: 5, scale: 2);

    /// <summary><c>tbz</c>/<c>tbnz</c>: a 14-bit word offset at bit 5, ±32 KiB.</summary>
    public static readonly Arm64FixupKind Imm14 = new("imm14", bits: 14, shift: 5, scale: 2);

    /// <summary><c>adr</c>: a 21-bit byte offset split into immlo (bits 30–29) and immhi (bits 23–5), ±1 MiB.</summary>
    public static readonly Arm64FixupKind Adr21 = new("adr21", bits: 21, shift: -1, scale: 0);

    private readonly int _bits;
    private readonly int _shift;
    private readonly int _scale;

    private Arm64FixupKind(string name, int bits, int shift, int scale) : base(name, 4)
    {
        _bits = bits;
        _shift = shift;
        _scale = scale;
    }

    /// <summary>Whether a byte distance from the instruction fits this field.</summary>
    public bool IsInRange(long distance)
    {
        if ((distance & ((1L << _scale) - 1)) != 0) return false;
        var units = distance >> _scale;
        var limit = 1L << (_bits - 1);
        return units >= -limit && units < limit;
    }

    /// <summary>The instruction word with its field set to reach <paramref name="distance"/> bytes away.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The distance does not fit.</exception>
    public uint Apply(uint instruction, long distance)
    {
        if (!IsInRange(distance))
            throw new ArgumentOutOfRangeException(nameof(distance), distance, $"{Name} cannot encode a distance of {distance} bytes.");
        var units = (uint)(distance >> _scale) & ((1u << _bits) - 1);
        if (_shift < 0)
            return (instruction & ~0x60FFFFE0u) | ((units & 3) << 29) | ((units >> 2) << 5);
        var mask = ((1u << _bits) - 1) << _shift;
        return (instruction & ~mask) | (units << _shift);
    }

    /// <inheritdoc />
    public override bool TryApply(Span<byte> site, int siteOffset, int targetOffset, long addend)
    {
        var distance = (long)targetOffset + addend - siteOffset;
        if (!IsInRange(distance)) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(site, Apply(BinaryPrimitives.ReadUInt32LittleEndian(site), distance));
        return true;
    }
}
