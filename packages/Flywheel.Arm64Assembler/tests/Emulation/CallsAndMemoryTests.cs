using Flywheel.Arm64.Testing;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>
/// Emulated code calling C# helpers and back, standard frames, and loads and stores on host
/// buffers mapped into the emulator (single, pair, indexed, vector, exclusive).
/// </summary>
public sealed class CallsAndMemoryTests
{
    [Fact]
    public void Code_calls_a_CSharp_helper_with_eight_arguments_and_uses_its_result()
    {
        using var emulator = Emu.Open();
        var seen = new List<ulong[]>();
        var helper = emulator.AddHelper(args => { seen.Add(args); return args.Aggregate(0UL, (s, a) => s * 31 + a); });
        // f(a, b) = helper(a, b, 3, 4, 5, 6, 7, a + b) * 2 + a, keeping a in a callee-saved register.
        var code = Emu.Load(emulator, a =>
        {
            var frame = new Aapcs64Frame(16, [X19]);
            frame.EmitPrologue(a);
            a.Mov(X19, X0);
            a.Add(X7, X0, X1);
            for (var i = 2; i < 7; i++) a.Mov(Register.FromX(i), (ulong)(i + 1));
            a.CallAbsolute(helper);
            a.Add(X0, X19, X0, Shift.Lsl, 1);
            frame.EmitEpilogue(a);
        });
        var result = emulator.Call(code, 100, 23);
        ulong[] expectedArgs = [100, 23, 3, 4, 5, 6, 7, 123];
        var single = Assert.Single(seen);
        Assert.Equal(expectedArgs, single);
        Assert.Equal(expectedArgs.Aggregate(0UL, (s, x) => s * 31 + x) * 2 + 100, result);
        Assert.Equal(1, emulator.HelperCalls);
    }

    [Fact]
    public void Frames_preserve_callee_saved_registers_across_helper_calls()
    {
        using var emulator = Emu.Open();
        // The helper scribbles nothing itself, but the callee below clobbers x19–x28 and d8–d15
        // inside its own frame; the caller checks they survive.
        var asm = new Arm64Assembler();
        var callee = asm.CreateLabel();
        var frame = new Aapcs64Frame(48, Aapcs64.CalleeSaved, Aapcs64.CalleeSavedFp);
        frame.EmitPrologue(asm);
        for (var i = 19; i <= 28; i++) asm.Mov(Register.FromX(i), (ulong)i);
        for (var i = 8; i <= 15; i++) asm.Fmov(FpRegister.From(i, FpSize.D), 2.0);
        asm.Bl(callee);
        asm.Mov(X0, 0L);
        for (var i = 19; i <= 28; i++) asm.Add(X0, X0, Register.FromX(i));
        for (var i = 8; i <= 15; i++) { asm.Fcvtzs(X1, FpRegister.From(i, FpSize.D)); asm.Add(X0, X0, X1); }
        frame.EmitEpilogue(asm);
        asm.Bind(callee);
        var calleeFrame = new Aapcs64Frame(5000, Aapcs64.CalleeSaved, Aapcs64.CalleeSavedFp);
        calleeFrame.EmitPrologue(asm);
        for (var i = 19; i <= 28; i++) asm.Mov(Register.FromX(i), 0xDEADL);
        for (var i = 8; i <= 15; i++) asm.Fmov(FpRegister.From(i, FpSize.D), XZR);
        asm.Str(X19, Mem.At(SP, 4992));
        calleeFrame.EmitEpilogue(asm);
        var code = emulator.Load(asm.Finish());
        Assert.Equal((ulong)(Enumerable.Range(19, 10).Sum() + 8 * 2), emulator.Call(code));
    }

    [Fact]
    public void Loads_and_stores_reach_host_memory_in_every_addressing_mode()
    {
        using var emulator = Emu.Open();
        using var buffer = HostBuffer.Allocate(4096);
        for (var i = 0; i < 64; i++) buffer.WriteUInt64(8 * i, (ulong)(i * i + 1));
        emulator.MapHost(buffer.Pointer, buffer.Size);
        var code = Emu.Load(emulator, a =>
        {
            // [100] = sum of words 0..15, read with post-indexed loads.
            a.Mov(X9, X0);
            a.Mov(X10, 0L);
            a.Mov(X11, 16L);
            var loop = a.CreateLabel();
            a.Bind(loop);
            a.Ldr(X12, Mem.PostIndex(X9, 8));
            a.Add(X10, X10, X12);
            a.Subs(X11, X11, 1);
            a.B(Condition.Ne, loop);
            a.Str(X10, Mem.At(X0, 8 * 100));
            // [101] = word 20 (scaled X index), [102] = word 27 (negative sign-extended W index).
            a.Mov(X13, 20L);
            a.Ldr(X14, Mem.Indexed(X0, X13, IndexExtend.Lsl, scaled: true));
            a.Add(X1, X0, 8 * 30);
            a.Mov(W15, -3L);
            a.Ldr(X16, Mem.Indexed(X1, W15, IndexExtend.Sxtw, scaled: true));
            a.Add(X17, X0, 8 * 101);
            a.Stp(X14, X16, Mem.At(X17));
            // [103] (halfword) = low + high half of word 20, through a W pair load.
            a.Ldp(W1, W2, Mem.At(X0, 8 * 20));
            a.Add(W3, W1, W2);
            a.Strh(W3, Mem.At(X0, 8 * 103));
            // [104] = word 9, through an unscaled negative offset.
            a.Add(X6, X0, 8 * 10);
            a.Ldr(X7, Mem.At(X6, -8));
            a.Str(X7, Mem.At(X0, 8 * 104));
            // [105] = word 9 again, pre-indexed; [106] = the updated base.
            a.Add(X5, X0, 8 * 100);
            a.Str(X7, Mem.PreIndex(X5, 40));
            a.Str(X5, Mem.At(X0, 8 * 106));
            // [107] (byte) = low byte of word 3; [108] = sign-extended byte 0xF0.
            a.Ldrb(W8, Mem.At(X0, 8 * 3));
            a.Strb(W8, Mem.At(X0, 8 * 107));
            a.Mov(W8, 0xF0L);
            a.Strb(W8, Mem.At(X0, 8 * 108));
            a.Ldrsb(X8, Mem.At(X0, 8 * 108));
            a.Str(X8, Mem.At(X0, 8 * 109));
            a.Ret();
        });
        emulator.Call(code, (ulong)buffer.Pointer);
        ulong Word(int i) => buffer.ReadUInt64(8 * i);
        ulong Initial(int i) => (ulong)(i * i + 1);
        Assert.Equal(Enumerable.Range(0, 16).Aggregate(0UL, (s, i) => s + Initial(i)), Word(100));
        Assert.Equal(Initial(20), Word(101));
        Assert.Equal(Initial(27), Word(102));
        Assert.Equal((ushort)(uint)Initial(20), (ushort)Word(103));
        Assert.Equal(Initial(9), Word(104));
        Assert.Equal(Initial(9), Word(105));
        Assert.Equal((ulong)buffer.Pointer + 8 * 105, Word(106));
        Assert.Equal((byte)Initial(3), (byte)Word(107));
        Assert.Equal(unchecked((ulong)(long)(sbyte)0xF0), Word(109));
    }

    [Fact]
    public void Vector_code_adds_and_fuses_arrays_in_host_memory()
    {
        using var emulator = Emu.Open();
        using var buffer = HostBuffer.Allocate(4096);
        var data = buffer.Span;
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data[..256]);
        var doubles = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(data[256..512]);
        var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(data[512..768]);
        for (var i = 0; i < 16; i++) { floats[i] = i * 0.5f; doubles[i] = i * 1.25; ints[i] = i * 1000 - 3; }
        emulator.MapHost(buffer.Pointer, buffer.Size);
        var code = Emu.Load(emulator, a =>
        {
            // floats[0..4) = floats[0..4) * floats[4..8) + floats[8..12)  (fmla)
            a.Mov(X1, X0);
            a.Ld1PostIndex(V0.S4, 3, X1);
            a.Fmla(V2.S4, V0.S4, V1.S4);
            a.St1(V2.S4, 1, X0);
            // doubles[0..2) = (doubles[0..2) + doubles[2..4)) / dup(doubles[4])
            a.Add(X2, X0, 256);
            a.Ld1(V4.D2, 2, X2);
            a.Fadd(V6.D2, V4.D2, V5.D2);
            a.Ldr(D7, Mem.At(X2, 32));
            a.Dup(V7.D2, V7.D2, 0);
            a.Fdiv(V6.D2, V6.D2, V7.D2);
            a.St1(V6.D2, 1, X2);
            // ints[0..4) = ints[0..4) * ints[4..8) - dup(w9)
            a.Add(X3, X0, 512);
            a.Ld1(V16.S4, 2, X3);
            a.Mul(V18.S4, V16.S4, V17.S4);
            a.Mov(W9, 7L);
            a.Dup(V19.S4, W9);
            a.Sub(V18.S4, V18.S4, V19.S4);
            a.Mov(V20.S4, V18.S4);
            a.St1(V20.S4, 1, X3);
            a.Ret();
        });
        var f = floats.ToArray();
        var d = doubles.ToArray();
        var n = ints.ToArray();
        emulator.Call(code, (ulong)buffer.Pointer);
        for (var i = 0; i < 4; i++) Assert.Equal(MathF.FusedMultiplyAdd(f[i], f[i + 4], f[i + 8]), floats[i]);
        for (var i = 0; i < 2; i++) Assert.Equal((d[i] + d[i + 2]) / d[4], doubles[i]);
        for (var i = 0; i < 4; i++) Assert.Equal(unchecked(n[i] * n[i + 4] - 7), ints[i]);
    }

    [Fact]
    public void Exclusive_and_acquire_release_accesses_update_host_memory()
    {
        using var emulator = Emu.Open();
        using var buffer = HostBuffer.Allocate(4096);
        buffer.WriteUInt64(0, 40);
        emulator.MapHost(buffer.Pointer, buffer.Size);
        // Atomic fetch-and-add of x1 to [x0]; returns the old value. Then a release store and an
        // acquire load of a flag word.
        var code = Emu.Load(emulator, a =>
        {
            var retry = a.CreateLabel();
            a.Bind(retry);
            a.Ldaxr(X2, X0);
            a.Add(X3, X2, X1);
            a.Stlxr(W4, X3, X0);
            a.Cbnz(W4, retry);
            a.Add(X5, X0, 8);
            a.Mov(W6, 1L);
            a.Stlr(W6, X5);
            a.Dmb(BarrierOption.Ish);
            a.Ldar(W7, X5);
            a.Add(X0, X2, X7, Shift.Lsl, 32);
            a.Ret();
        });
        var result = emulator.Call(code, (ulong)buffer.Pointer, 2);
        Assert.Equal(40UL | (1UL << 32), result);
        Assert.Equal(42UL, buffer.ReadUInt64(0));
        Assert.Equal(1UL, buffer.ReadUInt64(8));
    }

    [Fact]
    public void The_emitted_instruction_cache_flush_runs()
    {
        using var emulator = Emu.Open();
        using var buffer = HostBuffer.Allocate(8192);
        emulator.MapHost(buffer.Pointer, buffer.Size);
        var flush = Emu.Load(emulator, Arm64InstructionCache.EmitFlushRoutine);
        // It walks the range line by line and returns; under Unicorn the maintenance is a no-op,
        // so what is proven is that the loop terminates and touches only the given range.
        var start = (ulong)buffer.Pointer + 100;
        emulator.Call(flush, start, 5000);
        var stoppedAt = emulator.ReadX(2);
        Assert.InRange(stoppedAt, start + 5000, start + 5000 + 2048);
    }
}
