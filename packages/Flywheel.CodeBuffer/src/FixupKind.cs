namespace Flywheel.MachineCode;

/// <summary>
/// How a reference to a label is written into the code once the label's offset is known.
/// Each architecture package defines its own kinds (x64 rel8/rel32, ARM64 imm19/imm26/adr, …)
/// by deriving from this class; <see cref="CodeBuffer"/> only stores the site and calls
/// <see cref="TryApply"/> when both ends are known.
/// </summary>
public abstract class FixupKind
{
    /// <summary>Creates a fixup kind.</summary>
    /// <param name="name">A short name for diagnostics, such as <c>rel32</c>.</param>
    /// <param name="width">How many bytes at the site the fixup rewrites.</param>
    protected FixupKind(string name, int width)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Name = name;
        Width = width;
    }

    /// <summary>A short name for diagnostics.</summary>
    public string Name { get; }

    /// <summary>How many bytes starting at the site offset the fixup rewrites.</summary>
    public int Width { get; }

    /// <summary>
    /// Writes the reference into <paramref name="site"/>, which starts at buffer offset
    /// <paramref name="siteOffset"/> and is <see cref="Width"/> bytes long.
    /// </summary>
    /// <param name="site">The bytes to rewrite.</param>
    /// <param name="siteOffset">The buffer offset of the first byte of <paramref name="site"/>.</param>
    /// <param name="targetOffset">The buffer offset the label was bound to.</param>
    /// <param name="addend">An extra displacement recorded with the fixup.</param>
    /// <returns><see langword="false"/> when the distance cannot be encoded (out of range or misaligned).</returns>
    public abstract bool TryApply(Span<byte> site, int siteOffset, int targetOffset, long addend);

    /// <inheritdoc />
    public override string ToString() => Name;
}
