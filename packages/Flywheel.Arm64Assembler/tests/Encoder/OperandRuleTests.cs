using Flywheel.MachineCode;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Encoder;

/// <summary>Operands the architecture forbids or leaves unpredictable are refused before anything is emitted.</summary>
public sealed class OperandRuleTests
{
    public static TheoryData<string, Action<Arm64Assembler>> Refused => new()
    {
        { "zero register where 31 means SP", a => a.Add(XZR, X1, 1) },
        { "mixed widths", a => a.Add(X0, W1, X2) },
        { "add immediate out of range", a => a.Add(X0, X1, 4097) },
        { "negative add immediate", a => a.Add(X0, X1, -1) },
        { "ror on add", a => a.Add(X0, X1, X2, Shift.Ror, 1) },
        { "shift amount too large", a => a.Lsl(W0, W1, 32) },
        { "bitfield wider than the register", a => a.Ubfx(X0, X1, 60, 5) },
        { "movz shift not a multiple of 16", a => a.Movz(X0, 1, 8) },
        { "movz shift 32 on W", a => a.Movz(W0, 1, 32) },
        { "load offset unencodable", a => a.Ldr(X0, Mem.At(X1, 32761)) },
        { "pre-index out of range", a => a.Ldr(X0, Mem.PreIndex(X1, 256)) },
        { "writeback into the loaded register", a => a.Ldr(X1, Mem.PostIndex(X1, 8)) },
        { "pair load into one register twice", a => a.Ldp(X0, X0, Mem.At(X1)) },
        { "pair offset misaligned", a => a.Ldp(X0, X2, Mem.At(X1, 4)) },
        { "pair writeback into a transferred register", a => a.Stp(X0, X1, Mem.PreIndex(X1, 16)) },
        { "byte load into X", a => a.Ldrb(X0, Mem.At(X1)) },
        { "status register equal to data", a => a.Stxr(W0, X0, X1) },
        { "cset with al", a => a.Cset(X0, Condition.Al) },
        { "fmov immediate not encodable", a => a.Fmov(D0, 0.1) },
        { "fcvt to the same size", a => a.Fcvt(D0, D1) },
        { "fjcvtzs to X", a => a.Fjcvtzs(X0, D1) },
        { "2D vector mul", a => a.Mul(V0.D2, V1.D2, V2.D2) },
        { "ld1 of five registers", a => a.Ld1(V0.S4, 5, X0) },
        { "dup 4S from X", a => a.Dup(V0.S4, X1) },
        { "tbz bit 32 of W", a => a.Tbz(W0, 32, a.CreateLabel()) },
        { "smulh on W", a => a.Smulh(W0, W1, W2) },
        { "32-bit base register", a => a.Ldr(X0, Mem.At(W1)) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Is_refused_without_emitting(string why, Action<Arm64Assembler> emit)
    {
        var asm = new Arm64Assembler();
        Assert.ThrowsAny<ArgumentException>(() => emit(asm));
        Assert.True(asm.Offset == 0, why);
    }

    [Fact]
    public void Sp_and_zero_register_are_different_types()
    {
        RegisterOrSp fromX1 = X1;
        Assert.Equal(1, fromX1.Code);
        Assert.True(SP.IsSp);
        Assert.True(XZR.IsZero);
        Assert.Equal("sp", SP.ToString());
        Assert.Equal("xzr", XZR.ToString());
        Assert.Equal("wsp", WSP.ToString());
        Assert.Throws<ArgumentException>(() => { RegisterOrSp bad = WZR; });
    }

    [Fact]
    public void Fixup_kinds_know_their_reach()
    {
        Assert.True(Arm64FixupKind.Branch26.IsInRange((1L << 27) - 4));
        Assert.False(Arm64FixupKind.Branch26.IsInRange(1L << 27));
        Assert.True(Arm64FixupKind.Imm19.IsInRange(-(1L << 20)));
        Assert.False(Arm64FixupKind.Imm19.IsInRange(-(1L << 20) - 4));
        Assert.False(Arm64FixupKind.Imm14.IsInRange(2));
        Assert.True(Arm64FixupKind.Adr21.IsInRange(-3));
        Assert.False(Arm64FixupKind.Adr21.IsInRange(1 << 20));
    }

    [Fact]
    public void An_unbound_label_fails_at_finish_naming_it()
    {
        var asm = new Arm64Assembler();
        var label = asm.CreateLabel();
        asm.Cbz(X0, label);
        var error = Assert.Throws<CodeBufferException>(() => asm.Finish());
        Assert.Contains(label.ToString(), error.Message);
    }
}
