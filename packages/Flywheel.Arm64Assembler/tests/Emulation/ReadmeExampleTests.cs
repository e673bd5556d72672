using Flywheel.MachineCode;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>The README's example, verbatim except for where it runs: it must build and compute what it says.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_assembles_lists_and_runs()
    {
        var asm = new Arm64Assembler();
        var frame = new Aapcs64Frame(localBytes: 16, saved: [X19]);
        frame.EmitPrologue(asm);
        asm.Mov(X19, X0);
        asm.Mov(X0, 0x1234_5678_9ABC_DEF0UL);
        var loop = asm.CreateLabel();
        asm.Bind(loop);
        asm.Ldr(X2, Mem.PostIndex(X19, 8));
        asm.Eor(X0, X0, X2, Shift.Ror, 7);
        asm.Subs(X1, X1, 1);
        asm.B(Condition.Ne, loop);
        asm.LdrLiteral(D0, Math.PI);
        frame.EmitEpilogue(asm);
        CodeBlob code = asm.Finish();

        var listing = Arm64Disassembler.Listing(code);
        Assert.Contains("stp\tx29, x30, [sp, #-16]!", listing);
        Assert.Contains("ldr\tx2, [x19], #8", listing);
        Assert.Contains(".word", listing);

        using var emulator = Emu.Open();
        using var buffer = HostBuffer.Allocate(4096);
        ulong[] words = [0x1111, 0xABCDEF, ulong.MaxValue];
        for (var i = 0; i < words.Length; i++) buffer.WriteUInt64(8 * i, words[i]);
        emulator.MapHost(buffer.Pointer, buffer.Size);
        var (x0, d0) = emulator.Call(emulator.Load(code), [(ulong)buffer.Pointer, (ulong)words.Length], []);
        Assert.Equal(words.Aggregate(0x1234_5678_9ABC_DEF0UL, (h, w) => h ^ ulong.RotateRight(w, 7)), x0);
        Assert.Equal(Math.PI, BitConverter.UInt64BitsToDouble(d0));
    }
}
