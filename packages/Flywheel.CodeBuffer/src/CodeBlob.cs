namespace Flywheel.MachineCode;

/// <summary>
/// Finished, position-independent machine code with its side tables: relocations to apply at
/// installation, patchable sites, listing annotations and the offsets of its labels.
/// </summary>
public sealed class CodeBlob
{
    private readonly int[] _labelOffsets;

    internal CodeBlob(byte[] code, Relocation[] relocations, PatchSite[] patchSites, CodeAnnotation[] annotations, int[] labelOffsets, DataRegion[] dataRegions)
    {
        DataRegions = dataRegions;
        Code = code;
        Relocations = relocations;
        PatchSites = patchSites;
        Annotations = annotations;
        _labelOffsets = labelOffsets;
    }

    /// <summary>The machine code as emitted (relocations not yet applied).</summary>
    public ReadOnlyMemory<byte> Code { get; }

    /// <summary>The fields that depend on where the code is installed.</summary>
    public IReadOnlyList<Relocation> Relocations { get; }

    /// <summary>The named ranges meant to be rewritten after installation.</summary>
    public IReadOnlyList<PatchSite> PatchSites { get; }

    /// <summary>Listing comments by offset, in the order they were added.</summary>
    public IReadOnlyList<CodeAnnotation> Annotations { get; }

    /// <summary>Ranges that hold data (constant pools), not instructions; listings print them as data.</summary>
    public IReadOnlyList<DataRegion> DataRegions { get; }

    /// <summary>The offset of every label the buffer created, by <see cref="Label.Id"/>; -1 for labels never bound.</summary>
    public IReadOnlyList<int> LabelOffsets => _labelOffsets;

    /// <summary>The code size in bytes.</summary>
    public int Length => Code.Length;

    /// <summary>The offset <paramref name="label"/> was bound to, or -1 if it never was.</summary>
    public int GetLabelOffset(Label label) =>
        (uint)label.Id < (uint)_labelOffsets.Length ? _labelOffsets[label.Id] : throw new ArgumentException($"Unknown label {label}.", nameof(label));

    /// <summary>The first patch site called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No site has that name.</exception>
    public PatchSite GetPatchSite(string name)
    {
        foreach (var site in PatchSites)
            if (site.Name == name) return site;
        throw new KeyNotFoundException($"No patch site named '{name}'.");
    }

    /// <summary>
    /// Copies the code with every relocation applied as if it started at <paramref name="codeBase"/>.
    /// </summary>
    /// <exception cref="CodeBufferException">A relative relocation does not reach its target from there.</exception>
    public void CopyTo(Span<byte> destination, ulong codeBase)
    {
        Code.Span.CopyTo(destination);
        foreach (var relocation in Relocations)
            if (!relocation.TryApply(destination, codeBase))
                throw new CodeBufferException(
                    $"Relocation at offset 0x{relocation.Offset:X} cannot reach 0x{relocation.Target + relocation.Addend:X} from code at 0x{codeBase:X}.");
    }
}
