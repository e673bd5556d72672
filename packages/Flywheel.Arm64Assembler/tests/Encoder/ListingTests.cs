using System.Runtime.InteropServices;
using Flywheel.Arm64.Testing;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Encoder;

/// <summary>
/// ARM64 code is produced, listed and saved on whatever host runs the tests (x86-64 here): the
/// listing matches objdump's view of the saved bytes, and literal pools list as data.
/// </summary>
public sealed class ListingTests
{
    [Fact]
    public void Code_built_on_this_host_lists_like_objdump_and_saves_as_raw_bytes()
    {
        Assert.True(Testing.Binutils.Exists, Testing.Binutils.MissingMessage);
        var asm = new Arm64Assembler();
        var frame = new Aapcs64Frame(32, [X19, X20]);
        asm.Annotate("prologue");
        frame.EmitPrologue(asm);
        var loop = asm.CreateLabel();
        asm.Bind(loop);
        asm.LdrLiteral(X0, 0x1122_3344_5566_7788);
        asm.Subs(X19, X19, 1);
        asm.B(Condition.Ne, loop);
        asm.Annotate("epilogue");
        frame.EmitEpilogue(asm);
        var blob = asm.Finish();

        var path = Path.Combine(Path.GetTempPath(), $"flywheel-arm64-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, blob.Code.ToArray());
        try
        {
            var theirs = Testing.Binutils.Disassemble(File.ReadAllBytes(path), 0x4000);
            var ours = Arm64Disassembler.Listing(blob, 0x4000).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var instructions = ours.Where(l => !l.TrimStart().StartsWith(';')).ToList();
            Assert.Equal(theirs.Count, instructions.Count);
            var dataWords = 0;
            for (var i = 0; i < instructions.Count; i++)
            {
                var text = instructions[i].Split('\t', 3)[2];
                if (text.StartsWith(".word", StringComparison.Ordinal)) { dataWords++; continue; }
                Assert.Equal(theirs[i], text);
            }
            // The pool: one 8-byte literal, plus alignment padding marked as data too.
            Assert.Equal(blob.DataRegions.Sum(r => r.Length) / 4, dataWords);
            Assert.InRange(dataWords, 2, 3);
            Assert.Contains(ours, l => l.Contains("; prologue"));
            Assert.Contains(ours, l => l.Contains("; epilogue"));
            Assert.Contains(instructions, l => l.Contains("stp\tx29, x30, [sp, #-16]!"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Host_detection_reports_this_process()
    {
        Assert.Equal(RuntimeInformation.ProcessArchitecture == Architecture.Arm64, Arm64Host.IsArm64);
        Assert.Equal(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x64" : Arm64Host.NativeTargetName, Arm64Host.NativeTargetName);
        // On a host that needs no flush there is none; on ARM64 there always is one.
        Assert.Equal(Arm64Host.IsArm64, Arm64InstructionCache.ForHost is not null);
    }

    [Fact]
    public void Unknown_words_print_as_inst()
    {
        Assert.Equal(".inst\t0xffffffff ; undefined", Arm64Disassembler.Disassemble(0xFFFFFFFF));
        Assert.False(Arm64Disassembler.TryDisassemble(0xFFFFFFFF, 0, out _));
    }
}
