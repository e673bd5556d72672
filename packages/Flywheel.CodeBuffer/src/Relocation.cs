namespace Flywheel.MachineCode;

/// <summary>What a <see cref="Relocation"/> writes when code is placed at its final address.</summary>
public enum RelocationKind
{
    /// <summary>
    /// A 64-bit little-endian absolute address of a position inside the same code:
    /// code base + <see cref="Relocation.Target"/> + <see cref="Relocation.Addend"/>.
    /// </summary>
    Absolute64ToCode,

    /// <summary>
    /// A 32-bit little-endian displacement from the end of the 4-byte field to the absolute
    /// address <see cref="Relocation.Target"/> + <see cref="Relocation.Addend"/> outside the code
    /// (x64 <c>call rel32</c> to a helper). Installation fails when the distance exceeds ±2 GiB.
    /// </summary>
    Relative32ToAbsolute,
}

/// <summary>
/// A place in finished code whose bytes depend on where the code is installed.
/// </summary>
/// <param name="Offset">The offset of the field within the code.</param>
/// <param name="Kind">How the field is computed.</param>
/// <param name="Target">A code offset (<see cref="RelocationKind.Absolute64ToCode"/>) or an absolute address.</param>
/// <param name="Addend">Added to the target before writing.</param>
public readonly record struct Relocation(int Offset, RelocationKind Kind, long Target, long Addend = 0)
{
    /// <summary>How many bytes the relocation rewrites.</summary>
    public int Width => Kind == RelocationKind.Absolute64ToCode ? 8 : 4;

    /// <summary>
    /// Writes the relocated value into <paramref name="code"/> as if the code started at
    /// <paramref name="codeBase"/>.
    /// </summary>
    /// <returns><see langword="false"/> when a relative distance does not fit 32 bits.</returns>
    public bool TryApply(Span<byte> code, ulong codeBase)
    {
        var field = code.Slice(Offset, Width);
        switch (Kind)
        {
            case RelocationKind.Absolute64ToCode:
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(field, codeBase + (ulong)(Target + Addend));
                return true;
            case RelocationKind.Relative32ToAbsolute:
                var distance = (long)((ulong)(Target + Addend) - (codeBase + (ulong)Offset + 4));
                if (distance is < int.MinValue or > int.MaxValue) return false;
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(field, (int)distance);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown relocation kind.");
        }
    }
}
