namespace Flywheel.Arm64;

// Multiply, multiply-accumulate, high multiplies and division.
public sealed partial class Arm64Assembler
{
    /// <summary><c>madd rd, rn, rm, ra</c>: ra + rn × rm.</summary>
    public void Madd(Register rd, Register rn, Register rm, Register ra) => ThreeSource(0b000, false, rd, rn, rm, ra);

    /// <summary><c>msub rd, rn, rm, ra</c>: ra − rn × rm.</summary>
    public void Msub(Register rd, Register rn, Register rm, Register ra) => ThreeSource(0b000, true, rd, rn, rm, ra);

    /// <summary><c>mul rd, rn, rm</c>.</summary>
    public void Mul(Register rd, Register rn, Register rm) => Madd(rd, rn, rm, Zero(rd));

    /// <summary><c>mneg rd, rn, rm</c>: −(rn × rm).</summary>
    public void Mneg(Register rd, Register rn, Register rm) => Msub(rd, rn, rm, Zero(rd));

    /// <summary><c>smulh xd, xn, xm</c>: high 64 bits of the signed 128-bit product.</summary>
    public void Smulh(Register rd, Register rn, Register rm) { Need64(rd); ThreeSource(0b010, false, rd, rn, rm, Registers.XZR); }

    /// <summary><c>umulh xd, xn, xm</c>: high 64 bits of the unsigned 128-bit product.</summary>
    public void Umulh(Register rd, Register rn, Register rm) { Need64(rd); ThreeSource(0b110, false, rd, rn, rm, Registers.XZR); }

    /// <summary><c>smaddl xd, wn, wm, xa</c>: xa + sext(wn) × sext(wm).</summary>
    public void Smaddl(Register rd, Register rn, Register rm, Register ra) => Long(0b001, false, rd, rn, rm, ra);

    /// <summary><c>umaddl xd, wn, wm, xa</c>.</summary>
    public void Umaddl(Register rd, Register rn, Register rm, Register ra) => Long(0b101, false, rd, rn, rm, ra);

    /// <summary><c>smsubl xd, wn, wm, xa</c>.</summary>
    public void Smsubl(Register rd, Register rn, Register rm, Register ra) => Long(0b001, true, rd, rn, rm, ra);

    /// <summary><c>umsubl xd, wn, wm, xa</c>.</summary>
    public void Umsubl(Register rd, Register rn, Register rm, Register ra) => Long(0b101, true, rd, rn, rm, ra);

    /// <summary><c>smull xd, wn, wm</c>: the full signed 64-bit product of two words.</summary>
    public void Smull(Register rd, Register rn, Register rm) => Smaddl(rd, rn, rm, Registers.XZR);

    /// <summary><c>umull xd, wn, wm</c>.</summary>
    public void Umull(Register rd, Register rn, Register rm) => Umaddl(rd, rn, rm, Registers.XZR);

    /// <summary><c>sdiv rd, rn, rm</c>: signed division rounding toward zero; ÷0 gives 0, MIN÷−1 gives MIN.</summary>
    public void Sdiv(Register rd, Register rn, Register rm) => TwoSource(0b000011, rd, rn, rm);

    /// <summary><c>udiv rd, rn, rm</c>: unsigned division; ÷0 gives 0.</summary>
    public void Udiv(Register rd, Register rn, Register rm) => TwoSource(0b000010, rd, rn, rm);

    private static void Need64(Register rd)
    {
        if (!rd.Is64Bit) throw new ArgumentException("This instruction works on X registers only.", nameof(rd));
    }

    private void Long(uint op31, bool subtract, Register rd, Register rn, Register rm, Register ra)
    {
        if (!rd.Is64Bit || !ra.Is64Bit || rn.Is64Bit || rm.Is64Bit)
            throw new ArgumentException("Widening multiplies take W sources and X destination and addend.");
        Emit(0x9B000000 | (op31 << 21) | ((uint)rm.Code << 16) | (subtract ? 1u << 15 : 0) | ((uint)ra.Code << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void ThreeSource(uint op31, bool subtract, Register rd, Register rn, Register rm, Register ra)
    {
        SameWidth(rd, rn, rm);
        SameWidth(rd, ra);
        Emit(Sf(rd.Is64Bit) | 0x1B000000 | (op31 << 21) | ((uint)rm.Code << 16) | (subtract ? 1u << 15 : 0) | ((uint)ra.Code << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }
}
