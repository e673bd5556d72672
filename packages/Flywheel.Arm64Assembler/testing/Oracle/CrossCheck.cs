using System.Buffers.Binary;
using Flywheel.MachineCode;

namespace Flywheel.Arm64.Testing;

/// <summary>One instruction where our assembler or disassembler disagrees with binutils.</summary>
/// <param name="Sample">The instruction.</param>
/// <param name="Ours">Our encoding.</param>
/// <param name="Theirs">GNU as's encoding.</param>
/// <param name="OurText">Our disassembly of our encoding.</param>
/// <param name="TheirText">objdump's disassembly of our encoding.</param>
public sealed record Divergence(Sample Sample, uint Ours, uint Theirs, string OurText, string TheirText)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"[{Sample.Form}] `{Sample.Source}`: ours {Ours:x8} `{OurText}`, binutils {Theirs:x8} `{TheirText}`";
}

/// <summary>
/// Encodes samples with our assembler, assembles the same text with GNU as, and compares the
/// bytes; then disassembles our bytes with both objdump and our disassembler and compares the
/// text. One as run and one objdump run per batch.
/// </summary>
public static class CrossCheck
{
    /// <summary>Where the batch is placed for disassembly, far from zero so branch targets never wrap.</summary>
    public const ulong BaseAddress = 0x10000000;

    /// <summary>Checks every sample; returns the disagreements (empty when all agree).</summary>
    /// <exception cref="InvalidOperationException">A sample did not emit exactly one instruction, or as rejected its text.</exception>
    public static List<Divergence> Run(IReadOnlyList<Sample> samples)
    {
        var asm = new Arm64Assembler(new CodeBuffer(samples.Count * 4));
        foreach (var sample in samples)
        {
            var before = asm.Offset;
            sample.Emit(asm);
            if (asm.Offset != before + 4)
                throw new InvalidOperationException($"[{sample.Form}] `{sample.Source}` emitted {asm.Offset - before} bytes, not one instruction.");
        }
        var ours = asm.Buffer.Bytes.ToArray();
        var theirs = Binutils.Assemble(samples.Select(s => s.Source).ToList());
        if (theirs.Length != ours.Length)
            throw new InvalidOperationException($"as produced {theirs.Length} bytes for {samples.Count} instructions; expected {ours.Length}.");
        var objdump = Binutils.Disassemble(ours, BaseAddress);
        if (objdump.Count != samples.Count)
            throw new InvalidOperationException($"objdump printed {objdump.Count} lines for {samples.Count} instructions.");

        var divergences = new List<Divergence>();
        for (var i = 0; i < samples.Count; i++)
        {
            var ourWord = BinaryPrimitives.ReadUInt32LittleEndian(ours.AsSpan(4 * i));
            var theirWord = BinaryPrimitives.ReadUInt32LittleEndian(theirs.AsSpan(4 * i));
            var ourText = Arm64Disassembler.Disassemble(ourWord, BaseAddress + (ulong)(4 * i));
            if (ourWord != theirWord || ourText != objdump[i])
                divergences.Add(new Divergence(samples[i], ourWord, theirWord, ourText, objdump[i]));
        }
        return divergences;
    }
}
