using System.Diagnostics;
using Flywheel.MachineCode;
using Xunit.Abstractions;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>Label branches and literal pools, run; range errors; and the emulator's speed.</summary>
public sealed class BranchesAndPoolsTests(ITestOutputHelper output)
{
    [Fact]
    public void Forward_and_backward_label_branches_of_every_kind_execute()
    {
        using var emulator = Emu.Open();
        // popcount(x0) by tbz over each bit, plus 100 if x0 == 0 (cbz), plus 1000 if bit 63 set (tbnz),
        // plus 10000 if x0 < 0 as signed (b.lt).
        var code = Emu.Load(emulator, a =>
        {
            a.Mov(X1, 0L);
            a.Mov(X2, 0L);
            var loop = a.CreateLabel();
            var skip = a.CreateLabel();
            a.Bind(loop);
            a.Lsr(X3, X0, X2);
            a.Tbz(X3, 0, skip);
            a.Add(X1, X1, 1);
            a.Bind(skip);
            a.Add(X2, X2, 1);
            a.Cmp(X2, 64);
            a.B(Condition.Ne, loop);
            var notZero = a.CreateLabel();
            a.Cbnz(X0, notZero);
            a.Add(X1, X1, 100);
            a.Bind(notZero);
            var noTop = a.CreateLabel();
            a.Tbz(X0, 63, noTop);
            a.Add(X1, X1, 1000);
            a.Bind(noTop);
            var done = a.CreateLabel();
            a.Cmp(X0, 0);
            a.B(Condition.Ge, done);
            a.Mov(X4, 10000L);
            a.Add(X1, X1, X4);
            a.Bind(done);
            var exit = a.CreateLabel();
            a.Cbz(XZR, exit);
            a.Brk(1);
            a.Bind(exit);
            a.Mov(X0, X1);
            a.Ret();
        });
        Assert.Equal(100UL, emulator.Call(code, 0));
        Assert.Equal(3UL, emulator.Call(code, 0b1011));
        Assert.Equal(64UL + 1000 + 10000, emulator.Call(code, ulong.MaxValue));
    }

    [Fact]
    public void Bl_adr_and_blr_reach_their_labels()
    {
        using var emulator = Emu.Open();
        var asm = new Arm64Assembler();
        var square = asm.CreateLabel();
        var frame = new Aapcs64Frame(0);
        frame.EmitPrologue(asm);
        asm.Bl(square);                 // x0 = x0²
        asm.Adr(X9, square);
        asm.Blr(X9);                    // x0 = x0⁴
        frame.EmitEpilogue(asm);
        asm.Bind(square);
        asm.Mul(X0, X0, X0);
        asm.Ret();
        var code = emulator.Load(asm.Finish());
        Assert.Equal(81UL, emulator.Call(code, 3));
    }

    [Fact]
    public void Literal_pools_are_placed_automatically_before_loads_go_out_of_reach()
    {
        using var emulator = Emu.Open();
        var asm = new Arm64Assembler { LiteralPoolDistance = 64 << 10 };
        var values = Enumerable.Range(0, 40).Select(i => 0x0123_4567_89AB_CDEFUL * (ulong)(i + 3)).ToList();
        asm.Mov(X0, 0L);
        foreach (var value in values)
        {
            asm.LdrLiteral(X1, value);
            asm.Eor(X0, X0, X1, Shift.Ror, 7);
            // Straight-line filler pushes later code past the pool distance.
            for (var i = 0; i < 1000; i++) asm.Nop();
        }
        asm.LdrLiteral(D0, Math.PI);
        asm.Fcvtzs(X2, D0);
        asm.Add(X0, X0, X2);
        asm.Ret();
        var blob = asm.Finish();
        Assert.True(blob.DataRegions.Count > 1, $"expected several pools, got {blob.DataRegions.Count}");
        var code = emulator.Load(blob);
        var expected = values.Aggregate(0UL, (acc, v) => acc ^ ulong.RotateRight(v, 7)) + 3;
        Assert.Equal(expected, emulator.Call(code));
    }

    [Fact]
    public void A_branch_out_of_range_fails_with_a_clear_error()
    {
        var asm = new Arm64Assembler();
        var far = asm.CreateLabel();
        asm.Tbz(X0, 3, far);
        for (var i = 0; i < 8192; i++) asm.Nop();
        var error = Assert.Throws<CodeBufferException>(() => asm.Bind(far));
        Assert.Contains("imm14", error.Message);
        Assert.Contains(far.ToString(), error.Message);

        var near = new Arm64Assembler();
        var ok = near.CreateLabel();
        near.Tbz(X0, 3, ok);
        for (var i = 0; i < 8190; i++) near.Nop();
        near.Bind(ok);
        Assert.Equal(8191 * 4, near.Finish().Length);
    }

    [Fact]
    public void Far_branches_reach_past_the_short_ranges()
    {
        using var emulator = Emu.Open();
        // Each far branch jumps over 2 MiB of traps (beyond b.cond/cbz's 1 MiB and tbz's 32 KiB)
        // when taken, and falls through when not.
        var asm = new Arm64Assembler();
        asm.Mov(X9, 0L);
        asm.Cmp(X0, X1);
        void Far(Action<Arm64Assembler, Label> branch, int bit)
        {
            var target = asm.CreateLabel();
            var fallThrough = asm.CreateLabel();
            branch(asm, target);
            asm.B(fallThrough);
            for (var i = 0; i < (2 << 20) / 4; i++) asm.Brk(1);
            asm.Bind(target);
            asm.Orr(X9, X9, 1UL << bit);
            asm.Bind(fallThrough);
        }
        Far((a, l) => a.BFar(Condition.Eq, l), 0);       // x0 == x1
        Far((a, l) => a.CbzFar(X2, l), 1);
        Far((a, l) => a.CbnzFar(X2, l), 2);
        Far((a, l) => a.TbzFar(X3, 5, l), 3);
        Far((a, l) => a.TbnzFar(X3, 5, l), 4);
        asm.Mov(X0, X9);
        asm.Ret();
        var blob = asm.Finish();
        Assert.True(blob.Length > 10 << 20);
        var code = emulator.Load(blob);
        // Arguments: x0, x1 (compared for BFar eq), x2 (cbz/cbnz), x3 (bit 5 for tbz/tbnz).
        Assert.Equal(0b01011UL, emulator.Call(code, 0, 0, 0, 0));
        Assert.Equal(0b10100UL, emulator.Call(code, 0, 1, 1, 1 << 5));
    }

    [Fact]
    public void Emulated_loop_speed_is_measured()
    {
        using var emulator = Emu.Open();
        // 4 instructions per iteration.
        var code = Emu.Load(emulator, a =>
        {
            var loop = a.CreateLabel();
            a.Bind(loop);
            a.Add(X1, X1, X0);
            a.Eor(X2, X2, X1);
            a.Subs(X0, X0, 1);
            a.B(Condition.Ne, loop);
            a.Mov(X0, X2);
            a.Ret();
        });
        emulator.Call(code, 1000);
        const ulong iterations = 50_000_000;
        var clock = Stopwatch.StartNew();
        emulator.Call(code, iterations);
        clock.Stop();
        var perSecond = iterations * 4 / clock.Elapsed.TotalSeconds;
        output.WriteLine($"Unicorn: {perSecond / 1e6:F0} M emulated instructions/s ({iterations * 4} in {clock.Elapsed.TotalMilliseconds:F0} ms)");
        Assert.True(perSecond > 20e6, $"only {perSecond / 1e6:F1} M instructions/s");
    }
}
