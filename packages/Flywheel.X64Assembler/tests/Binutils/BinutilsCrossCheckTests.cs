using System.Text.RegularExpressions;
using Flywheel.MachineCode;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.X64.Tests.Binutils;

/// <summary>
/// Checks our encodings against GNU binutils, an x86-64 encoder and decoder independent of Iced.
/// </summary>
public partial class BinutilsCrossCheckTests
{
    private const string InstallHint = "GNU binutils (as, objdump) are missing: eng/install-deps.sh installs Debian's binutils";

    [Fact]
    public void Random_instructions_encode_as_GNU_as_assembles_them()
    {
        Assert.True(GnuTools.Available, InstallHint);
        var random = new Random(20261124);
        var cases = Enumerable.Range(0, 3000).Select(_ => RandomInstructions.Next(random)).ToList();

        var ours = new List<byte[]>();
        foreach (var (_, emit) in cases)
        {
            var masm = new X64Assembler();
            emit(masm);
            ours.Add(masm.Finish().Code.ToArray());
        }
        var theirs = GnuTools.Assemble(cases.Select(c => c.Text).ToList());
        Assert.Equal(cases.Count, theirs.Count);

        // Where the bytes differ, x86 may simply offer two encodings of the same instruction
        // (e.g. "add rax, rbx" as 01 /r or 03 /r): then objdump must decode both to the same text.
        var differing = Enumerable.Range(0, cases.Count).Where(i => !ours[i].AsSpan().SequenceEqual(theirs[i])).ToList();
        var decodedOurs = GnuTools.Decode(differing.SelectMany(i => ours[i]).ToArray());
        var decodedTheirs = GnuTools.Decode(differing.SelectMany(i => theirs[i]).ToArray());
        Assert.Equal(differing.Count, decodedOurs.Count);
        var mismatches = Enumerable.Range(0, differing.Count)
            .Where(k => decodedOurs[k].Text != decodedTheirs[k].Text)
            .Select(k => $"{cases[differing[k]].Text}: ours {Convert.ToHexString(ours[differing[k]])} = '{decodedOurs[k].Text}', as {Convert.ToHexString(theirs[differing[k]])} = '{decodedTheirs[k].Text}'")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
        // Alternate encodings are allowed, but they must stay the exception.
        Assert.True(differing.Count < cases.Count / 10, $"{differing.Count} of {cases.Count} instructions encode differently from GNU as");
    }

    /// <summary>Our hand-encoded branches and calls decode, in objdump, to the offsets their labels were bound to.</summary>
    [Fact]
    public void Branches_and_calls_reach_their_labels_according_to_objdump()
    {
        Assert.True(GnuTools.Available, InstallHint);
        var random = new Random(7);
        var masm = new X64Assembler();
        var labels = Enumerable.Range(0, 40).Select(_ => masm.CreateLabel()).ToList();
        var expected = new List<(int Offset, Label Target)>();
        var unbound = new List<Label>(labels);
        for (var step = 0; step < 400; step++)
        {
            if (unbound.Count > 0 && random.Next(8) == 0)
            {
                var label = unbound[random.Next(unbound.Count)];
                unbound.Remove(label);
                masm.Bind(label);
                continue;
            }
            var target = labels[random.Next(labels.Count)];
            var at = masm.Offset;
            switch (random.Next(4))
            {
                case 0: masm.Jump(target); break;
                case 1: masm.Jump((Condition)random.Next(16), target); break;
                case 2: masm.Call(target); break;
                default:
                    for (var i = random.Next(1, 200); i > 0; i--) masm.Iced.nop();
                    continue;
            }
            expected.Add((at, target));
        }
        foreach (var label in unbound) masm.Bind(label);
        var blob = masm.Finish();

        var decoded = GnuTools.Decode(blob.Code.ToArray());
        var offsets = new Dictionary<int, string>();
        var position = 0;
        foreach (var (bytes, text) in decoded)
        {
            offsets[position] = text;
            position += bytes.Length;
        }
        foreach (var (offset, target) in expected)
        {
            var text = offsets[offset];
            var match = BranchTarget().Match(text);
            Assert.True(match.Success, $"objdump decoded '{text}' at 0x{offset:x}, not a branch");
            Assert.Equal(blob.GetLabelOffset(target), Convert.ToInt32(match.Groups[1].Value, 16));
        }
    }

    [GeneratedRegex(@"^(?:j[a-z]+|call)\s+0x([0-9a-f]+)")]
    private static partial Regex BranchTarget();
}
