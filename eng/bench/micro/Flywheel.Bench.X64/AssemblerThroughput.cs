using BenchmarkDotNet.Attributes;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.Bench.X64;

/// <summary>
/// The same instruction stream — a JIT-like mix of moves, ALU ops, memory operands and a branch
/// every ten instructions — through raw Iced (<c>Assembler</c> + <c>BlockEncoder</c>) and through
/// <see cref="X64Assembler"/>, which streams each instruction into a <c>CodeBuffer</c>.
/// Ratio = our overhead over Iced.
/// </summary>
[MemoryDiagnoser]
public class AssemblerThroughput
{
    public const int Instructions = 1000;
    private const int BranchEvery = 10;

    [Benchmark(Baseline = true)]
    public int RawIced()
    {
        var asm = new Assembler(64);
        var labels = new Iced.Intel.Label[Instructions / BranchEvery];
        for (var i = 0; i < labels.Length; i++) labels[i] = asm.CreateLabel();
        for (var i = 0; i < Instructions; i++)
        {
            if (i % BranchEvery == 0)
            {
                var n = i / BranchEvery;
                asm.Label(ref labels[n]);
                asm.jne(labels[(n + 3) % labels.Length]);
                continue;
            }
            EmitBody(asm, i);
        }
        var writer = new CountingWriter();
        asm.Assemble(writer, 0);
        return writer.Count;
    }

    [Benchmark]
    public int Flywheel()
    {
        var masm = new X64Assembler();
        var labels = new Flywheel.MachineCode.Label[Instructions / BranchEvery];
        for (var i = 0; i < labels.Length; i++) labels[i] = masm.CreateLabel();
        for (var i = 0; i < Instructions; i++)
        {
            if (i % BranchEvery == 0)
            {
                var n = i / BranchEvery;
                masm.Bind(labels[n]);
                masm.Jump(Condition.NotEqual, labels[(n + 3) % labels.Length]);
                continue;
            }
            EmitBody(masm.Iced, i);
        }
        return masm.Finish().Length;
    }

    private static void EmitBody(Assembler asm, int i)
    {
        switch (i % 6)
        {
            case 0: asm.mov(rax, __qword_ptr[rbx + rcx * 8 + 16]); break;
            case 1: asm.add(rax, rdx); break;
            case 2: asm.cmp(rax, 0x1234); break;
            case 3: asm.mov(__qword_ptr[rsp + 8], rax); break;
            case 4: asm.lea(rsi, __[rdi + 24]); break;
            default: asm.addsd(xmm0, xmm1); break;
        }
    }

    private sealed class CountingWriter : CodeWriter
    {
        public int Count;

        public override void WriteByte(byte value) => Count++;
    }
}
