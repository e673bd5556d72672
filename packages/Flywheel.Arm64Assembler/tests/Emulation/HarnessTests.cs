using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>The emulator harness itself: patching, 32-bit constants, helper failures.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void Patched_code_runs_the_new_instruction()
    {
        using var emulator = Emu.Open();
        var code = Emu.Load(emulator, a => { a.Movz(X0, 1111); a.Ret(); });
        Assert.Equal(1111UL, emulator.Call(code));
        var patch = new Arm64Assembler();
        patch.Movz(X0, 2222);
        emulator.Patch(code, patch.Buffer.Bytes);
        // Without dropping Unicorn's translations the old block would run again.
        Assert.Equal(2222UL, emulator.Call(code));
    }

    [Fact]
    public void W_constants_are_materialized_and_clear_the_upper_half()
    {
        using var emulator = Emu.Open();
        var random = new Random(5);
        var values = Enumerable.Range(0, 300).Select(_ => (uint)random.NextInt64(0, 1L << 32)).Concat([0u, uint.MaxValue, 0xFFFF0000u, 0x0000FFFFu, 0x80000000u]).ToList();
        var asm = new Arm64Assembler();
        var entries = new List<Flywheel.MachineCode.Label>();
        foreach (var value in values)
        {
            var entry = asm.CreateLabel();
            asm.Bind(entry);
            entries.Add(entry);
            asm.Mov(X0, ulong.MaxValue);
            var before = asm.Offset;
            asm.Mov(W0, value);
            Assert.InRange((asm.Offset - before) / 4, 1, 2);
            asm.Ret();
        }
        var addresses = Emu.Load(emulator, asm.Finish(), entries);
        for (var i = 0; i < values.Count; i++) Assert.Equal(values[i], emulator.Call(addresses[i]));
    }

    [Fact]
    public void A_throwing_helper_stops_emulation_with_its_message()
    {
        using var emulator = Emu.Open();
        var helper = emulator.AddHelper(_ => throw new InvalidOperationException("helper says no"));
        var code = Emu.Load(emulator, a =>
        {
            a.Stp(FP, LR, Mem.PreIndex(SP, -16));
            a.CallAbsolute(helper);
            a.Ldp(FP, LR, Mem.PostIndex(SP, 16));
            a.Ret();
        });
        var error = Assert.Throws<Testing.EmulatorException>(() => emulator.Call(code));
        Assert.Contains("helper says no", error.Message);
    }

    [Fact]
    public void A_trap_is_reported_with_its_address()
    {
        using var emulator = Emu.Open();
        var code = Emu.Load(emulator, a => { a.Nop(); a.Brk(7); a.Ret(); });
        var error = Assert.Throws<Testing.EmulatorException>(() => emulator.Call(code));
        Assert.Contains($"0x{code + 4:x}", error.Message);
    }
}
