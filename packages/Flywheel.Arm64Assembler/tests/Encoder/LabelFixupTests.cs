using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Encoder;

/// <summary>
/// Label references resolve to exactly the encodings the raw-offset forms produce (which the
/// binutils cross-check covers), forward and backward, bound before or after the reference.
/// </summary>
public sealed class LabelFixupTests
{
    private static readonly (string Name, Action<Arm64Assembler, MachineCode.Label> ByLabel, Action<Arm64Assembler, long> ByOffset, int Reach)[] s_kinds =
    [
        ("b", (a, l) => a.B(l), (a, o) => a.BranchOffset(false, o), 1 << 16),
        ("bl", (a, l) => a.Bl(l), (a, o) => a.BranchOffset(true, o), 1 << 16),
        ("b.gt", (a, l) => a.B(Condition.Gt, l), (a, o) => a.BranchOffset(Condition.Gt, o), 1 << 16),
        ("cbz", (a, l) => a.Cbz(W3, l), (a, o) => a.CompareBranchOffset(false, W3, o), 1 << 16),
        ("cbnz", (a, l) => a.Cbnz(X4, l), (a, o) => a.CompareBranchOffset(true, X4, o), 1 << 16),
        ("tbz", (a, l) => a.Tbz(X5, 40, l), (a, o) => a.TestBranchOffset(false, X5, 40, o), 1 << 15),
        ("tbnz", (a, l) => a.Tbnz(W6, 7, l), (a, o) => a.TestBranchOffset(true, W6, 7, o), 1 << 15),
        ("adr", (a, l) => a.Adr(X7, l), (a, o) => a.AdrOffset(X7, o), 1 << 16),
        ("ldr literal", (a, l) => a.Ldr(X8, l), (a, o) => a.LiteralOffset(0x58000000, 8, o), 1 << 16),
    ];

    [Fact]
    public void Label_fixups_match_raw_offsets_forward_and_backward()
    {
        var random = new Random(99);
        foreach (var (name, byLabel, byOffset, reach) in s_kinds)
        {
            for (var trial = 0; trial < 40; trial++)
            {
                var distance = (long)random.Next(-reach / 4, reach / 4) * 4;
                var site = distance < 0 ? (int)-distance + 4 * random.Next(0, 4) : 4 * random.Next(0, 4);
                var asm = new Arm64Assembler();
                var label = asm.CreateLabel();
                for (var i = 0; i < site / 4; i++) asm.Nop();
                if (distance <= 0) asm.Buffer.BindAt(label, site + (int)distance);
                byLabel(asm, label);
                if (distance > 0)
                {
                    while (asm.Offset < site + distance) asm.Nop();
                    asm.Bind(label);
                }
                var expected = new Arm64Assembler();
                byOffset(expected, distance);
                Assert.True(expected.Buffer.ReadUInt32(0) == asm.Buffer.ReadUInt32(site), $"{name} over {distance} bytes");
            }
        }
    }
}
