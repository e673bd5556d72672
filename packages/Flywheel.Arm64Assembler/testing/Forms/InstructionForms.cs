namespace Flywheel.Arm64.Testing;

/// <summary>
/// Every instruction form the assembler emits, each with a generator of random operands and the
/// equivalent GNU assembler text. The binutils cross-check and the fuzz target draw from here.
/// Multi-instruction macros (constant materialization, frames, literal pools) are checked by
/// running them under the emulator instead.
/// </summary>
public static class InstructionForms
{
    /// <summary>All forms, in a stable order.</summary>
    public static IReadOnlyList<InstructionForm> All { get; } =
    [
        .. IntegerForms.All(),
        .. LoadStoreForms.All(),
        .. BranchSystemForms.All(),
        .. FloatNeonForms.All(),
    ];

    /// <summary><paramref name="perForm"/> random samples of every form, interleaved.</summary>
    public static List<Sample> Samples(Random random, int perForm)
    {
        var samples = new List<Sample>(All.Count * perForm);
        for (var i = 0; i < perForm; i++)
            foreach (var form in All) samples.Add(form.Sample(random));
        return samples;
    }
}
