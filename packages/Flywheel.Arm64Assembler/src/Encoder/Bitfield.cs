namespace Flywheel.Arm64;

// Bitfield moves and their aliases (shifts by immediate, extract, insert, extend), register
// shifts and the one-source bit operations.
public sealed partial class Arm64Assembler
{
    /// <summary><c>sbfm rd, rn, #immr, #imms</c>.</summary>
    public void Sbfm(Register rd, Register rn, int immr, int imms) => Bitfield(0, rd, rn, immr, imms);

    /// <summary><c>bfm rd, rn, #immr, #imms</c>.</summary>
    public void Bfm(Register rd, Register rn, int immr, int imms) => Bitfield(1, rd, rn, immr, imms);

    /// <summary><c>ubfm rd, rn, #immr, #imms</c>.</summary>
    public void Ubfm(Register rd, Register rn, int immr, int imms) => Bitfield(2, rd, rn, immr, imms);

    /// <summary><c>lsl rd, rn, #shift</c>.</summary>
    public void Lsl(Register rd, Register rn, int shift)
    {
        CheckRange(shift, 0, rd.Width - 1, nameof(shift));
        Ubfm(rd, rn, (rd.Width - shift) % rd.Width, rd.Width - 1 - shift);
    }

    /// <summary><c>lsr rd, rn, #shift</c>.</summary>
    public void Lsr(Register rd, Register rn, int shift) { CheckRange(shift, 0, rd.Width - 1, nameof(shift)); Ubfm(rd, rn, shift, rd.Width - 1); }

    /// <summary><c>asr rd, rn, #shift</c>.</summary>
    public void Asr(Register rd, Register rn, int shift) { CheckRange(shift, 0, rd.Width - 1, nameof(shift)); Sbfm(rd, rn, shift, rd.Width - 1); }

    /// <summary><c>ror rd, rn, #shift</c> (<c>extr rd, rn, rn, #shift</c>).</summary>
    public void Ror(Register rd, Register rn, int shift) => Extr(rd, rn, rn, shift);

    /// <summary><c>ubfx rd, rn, #lsb, #width</c>: extract an unsigned field.</summary>
    public void Ubfx(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Ubfm(rd, rn, lsb, lsb + width - 1); }

    /// <summary><c>sbfx rd, rn, #lsb, #width</c>: extract a signed field.</summary>
    public void Sbfx(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Sbfm(rd, rn, lsb, lsb + width - 1); }

    /// <summary><c>ubfiz rd, rn, #lsb, #width</c>: the low field of rn, zero-extended and placed at <paramref name="lsb"/>.</summary>
    public void Ubfiz(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Ubfm(rd, rn, (rd.Width - lsb) % rd.Width, width - 1); }

    /// <summary><c>sbfiz rd, rn, #lsb, #width</c>.</summary>
    public void Sbfiz(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Sbfm(rd, rn, (rd.Width - lsb) % rd.Width, width - 1); }

    /// <summary><c>bfi rd, rn, #lsb, #width</c>: insert the low field of rn at <paramref name="lsb"/>.</summary>
    public void Bfi(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Bfm(rd, rn, (rd.Width - lsb) % rd.Width, width - 1); }

    /// <summary><c>bfxil rd, rn, #lsb, #width</c>: replace the low bits of rd with a field of rn.</summary>
    public void Bfxil(Register rd, Register rn, int lsb, int width) { CheckField(rd, lsb, width); Bfm(rd, rn, lsb, lsb + width - 1); }

    /// <summary><c>sxtb rd, wn</c>.</summary>
    public void Sxtb(Register rd, Register rn) => Sbfm(rd, rn.Is64Bit == rd.Is64Bit ? rn : rn.X, 0, 7);

    /// <summary><c>sxth rd, wn</c>.</summary>
    public void Sxth(Register rd, Register rn) => Sbfm(rd, rn.Is64Bit == rd.Is64Bit ? rn : rn.X, 0, 15);

    /// <summary><c>sxtw xd, wn</c>.</summary>
    public void Sxtw(Register rd, Register rn)
    {
        if (!rd.Is64Bit) throw new ArgumentException("sxtw writes an X register.", nameof(rd));
        Sbfm(rd, rn.X, 0, 31);
    }

    /// <summary><c>uxtb wd, wn</c>.</summary>
    public void Uxtb(Register rd, Register rn) => Ubfm(rd.W, rn.W, 0, 7);

    /// <summary><c>uxth wd, wn</c>.</summary>
    public void Uxth(Register rd, Register rn) => Ubfm(rd.W, rn.W, 0, 15);

    /// <summary><c>extr rd, rn, rm, #lsb</c>: bits lsb+width−1..lsb of the pair rn:rm.</summary>
    public void Extr(Register rd, Register rn, Register rm, int lsb)
    {
        SameWidth(rd, rn, rm);
        CheckRange(lsb, 0, rd.Width - 1, nameof(lsb));
        var n = rd.Is64Bit ? 1u << 22 : 0;
        Emit(Sf(rd.Is64Bit) | 0x13800000 | n | ((uint)rm.Code << 16) | ((uint)lsb << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    /// <summary><c>lsl rd, rn, rm</c> (<c>lslv</c>): shift by rm modulo the width.</summary>
    public void Lsl(Register rd, Register rn, Register rm) => TwoSource(0b001000, rd, rn, rm);

    /// <summary><c>lsr rd, rn, rm</c> (<c>lsrv</c>).</summary>
    public void Lsr(Register rd, Register rn, Register rm) => TwoSource(0b001001, rd, rn, rm);

    /// <summary><c>asr rd, rn, rm</c> (<c>asrv</c>).</summary>
    public void Asr(Register rd, Register rn, Register rm) => TwoSource(0b001010, rd, rn, rm);

    /// <summary><c>ror rd, rn, rm</c> (<c>rorv</c>).</summary>
    public void Ror(Register rd, Register rn, Register rm) => TwoSource(0b001011, rd, rn, rm);

    /// <summary><c>rbit rd, rn</c>: reverse the bit order.</summary>
    public void Rbit(Register rd, Register rn) => OneSource(0b000000, rd, rn);

    /// <summary><c>rev16 rd, rn</c>: reverse bytes in each halfword.</summary>
    public void Rev16(Register rd, Register rn) => OneSource(0b000001, rd, rn);

    /// <summary><c>rev32 xd, xn</c>: reverse bytes in each word.</summary>
    public void Rev32(Register rd, Register rn)
    {
        if (!rd.Is64Bit) throw new ArgumentException("rev32 is a 64-bit instruction (use rev for a W register).", nameof(rd));
        OneSource(0b000010, rd, rn);
    }

    /// <summary><c>rev rd, rn</c>: reverse the byte order.</summary>
    public void Rev(Register rd, Register rn) => OneSource(rd.Is64Bit ? 0b000011u : 0b000010u, rd, rn);

    /// <summary><c>clz rd, rn</c>: count leading zeros.</summary>
    public void Clz(Register rd, Register rn) => OneSource(0b000100, rd, rn);

    /// <summary><c>cls rd, rn</c>: count leading sign bits.</summary>
    public void Cls(Register rd, Register rn) => OneSource(0b000101, rd, rn);

    private void Bitfield(uint opc, Register rd, Register rn, int immr, int imms)
    {
        SameWidth(rd, rn);
        CheckRange(immr, 0, rd.Width - 1, nameof(immr));
        CheckRange(imms, 0, rd.Width - 1, nameof(imms));
        var n = rd.Is64Bit ? 1u << 22 : 0;
        Emit(Sf(rd.Is64Bit) | (opc << 29) | 0x13000000 | n | ((uint)immr << 16) | ((uint)imms << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private static void CheckField(Register rd, int lsb, int width)
    {
        CheckRange(lsb, 0, rd.Width - 1, nameof(lsb));
        CheckRange(width, 1, rd.Width - lsb, nameof(width));
    }

    private void TwoSource(uint opcode, Register rd, Register rn, Register rm)
    {
        SameWidth(rd, rn, rm);
        Emit(Sf(rd.Is64Bit) | 0x1AC00000 | ((uint)rm.Code << 16) | (opcode << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void OneSource(uint opcode, Register rd, Register rn)
    {
        SameWidth(rd, rn);
        Emit(Sf(rd.Is64Bit) | 0x5AC00000 | (opcode << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }
}
