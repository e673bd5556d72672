namespace Flywheel.Arm64;

// Move-wide instructions and materializing arbitrary constants.
public sealed partial class Arm64Assembler
{
    /// <summary><c>movz rd, #imm16, lsl #shift</c> (shift 0/16, or 32/48 for X).</summary>
    public void Movz(Register rd, int imm16, int shift = 0) => MoveWide(0b10, rd, imm16, shift);

    /// <summary><c>movn rd, #imm16, lsl #shift</c>: rd = NOT(imm16 &lt;&lt; shift).</summary>
    public void Movn(Register rd, int imm16, int shift = 0) => MoveWide(0b00, rd, imm16, shift);

    /// <summary><c>movk rd, #imm16, lsl #shift</c>: replace one halfword, keep the rest.</summary>
    public void Movk(Register rd, int imm16, int shift = 0) => MoveWide(0b11, rd, imm16, shift);

    /// <summary>
    /// Sets <paramref name="rd"/> to <paramref name="value"/> in the fewest instructions this
    /// assembler knows: one movz, movn or orr (bitmask immediate) when possible, else movz/movn
    /// followed by movk for each remaining halfword, or a bitmask immediate patched by one or two
    /// movk — whichever is shortest. For a W register only the low 32 bits count.
    /// </summary>
    public void Mov(Register rd, ulong value)
    {
        foreach (var step in ConstantPlan.For(value, rd.Is64Bit))
        {
            switch (step.Kind)
            {
                case ConstantPlan.StepKind.Movz: Movz(rd, step.Imm16, step.Shift); break;
                case ConstantPlan.StepKind.Movn: Movn(rd, step.Imm16, step.Shift); break;
                case ConstantPlan.StepKind.Movk: Movk(rd, step.Imm16, step.Shift); break;
                default: Orr(rd, rd.Is64Bit ? Registers.XZR : Registers.WZR, step.Bitmask); break;
            }
        }
    }

    /// <summary>Sets <paramref name="rd"/> to the signed <paramref name="value"/> (see <see cref="Mov(Register, ulong)"/>).</summary>
    public void Mov(Register rd, long value) => Mov(rd, rd.Is64Bit ? (ulong)value : (uint)value);

    /// <summary>How many instructions <see cref="Mov(Register, ulong)"/> emits for <paramref name="value"/>.</summary>
    public static int CountMovInstructions(ulong value, bool is64) => ConstantPlan.For(value, is64).Count;

    private void MoveWide(uint opc, Register rd, int imm16, int shift)
    {
        CheckRange(imm16, 0, 0xFFFF, nameof(imm16));
        if (shift % 16 != 0 || shift < 0 || shift >= rd.Width)
            throw new ArgumentOutOfRangeException(nameof(shift), shift, $"A move-wide shift is 0, 16{(rd.Is64Bit ? ", 32 or 48" : "")}.");
        Emit(Sf(rd.Is64Bit) | (opc << 29) | 0x12800000 | ((uint)(shift / 16) << 21) | ((uint)imm16 << 5) | (uint)rd.Code);
    }
}

/// <summary>Chooses the shortest instruction sequence for a constant.</summary>
internal static class ConstantPlan
{
    public enum StepKind { Movz, Movn, Movk, Orr }

    public readonly record struct Step(StepKind Kind, int Imm16, int Shift, ulong Bitmask);

    public static List<Step> For(ulong value, bool is64)
    {
        var chunks = is64 ? 4 : 2;
        if (!is64) value &= 0xFFFF_FFFF;
        var width = is64 ? 64 : 32;

        var best = MoveWidePlan(value, chunks, inverted: false);
        var inverted = MoveWidePlan(value, chunks, inverted: true);
        if (inverted.Count < best.Count) best = inverted;
        if (best.Count == 1) return best;

        if (LogicalImmediate.IsEncodable(value, width)) return [new Step(StepKind.Orr, 0, 0, value)];
        if (best.Count == 2) return best;

        // A bitmask immediate that agrees with the value in all but one or two halfwords, then
        // movk for those. Candidates for a replaced halfword: zeros, ones, or a copy of another
        // halfword (repeating patterns are what bitmask immediates are made of).
        for (var movks = 1; movks <= 2 && movks + 1 < best.Count; movks++)
        {
            var found = TryBitmaskPlus(value, chunks, width, movks);
            if (found is not null) return found;
        }
        return best;
    }

    private static List<Step> MoveWidePlan(ulong value, int chunks, bool inverted)
    {
        var skip = inverted ? 0xFFFFu : 0u;
        var steps = new List<Step>();
        for (var i = 0; i < chunks; i++)
        {
            var chunk = (int)((value >> (16 * i)) & 0xFFFF);
            if (chunk == skip) continue;
            steps.Add(steps.Count == 0
                ? new Step(inverted ? StepKind.Movn : StepKind.Movz, inverted ? chunk ^ 0xFFFF : chunk, 16 * i, 0)
                : new Step(StepKind.Movk, chunk, 16 * i, 0));
        }
        if (steps.Count == 0) steps.Add(new Step(inverted ? StepKind.Movn : StepKind.Movz, 0, 0, 0));
        return steps;
    }

    private static List<Step>? TryBitmaskPlus(ulong value, int chunks, int width, int movks)
    {
        for (var i = 0; i < chunks; i++)
        {
            for (var j = movks == 2 ? i + 1 : i; j < (movks == 2 ? chunks : i + 1); j++)
            {
                foreach (var a in Candidates(value, chunks, i))
                {
                    var withI = Replace(value, i, a);
                    foreach (var b in movks == 2 ? Candidates(value, chunks, j) : [0UL])
                    {
                        var pattern = movks == 2 ? Replace(withI, j, b) : withI;
                        if (!LogicalImmediate.IsEncodable(pattern, width)) continue;
                        var steps = new List<Step> { new(StepKind.Orr, 0, 0, pattern) };
                        if (Chunk(pattern, i) != Chunk(value, i)) steps.Add(new Step(StepKind.Movk, (int)Chunk(value, i), 16 * i, 0));
                        if (movks == 2 && Chunk(pattern, j) != Chunk(value, j)) steps.Add(new Step(StepKind.Movk, (int)Chunk(value, j), 16 * j, 0));
                        return steps;
                    }
                }
            }
        }
        return null;
    }

    private static IEnumerable<ulong> Candidates(ulong value, int chunks, int index)
    {
        yield return 0;
        yield return 0xFFFF;
        for (var k = 0; k < chunks; k++)
            if (k != index) yield return Chunk(value, k);
    }

    private static ulong Chunk(ulong value, int index) => (value >> (16 * index)) & 0xFFFF;

    private static ulong Replace(ulong value, int index, ulong chunk) =>
        (value & ~(0xFFFFUL << (16 * index))) | (chunk << (16 * index));
}
