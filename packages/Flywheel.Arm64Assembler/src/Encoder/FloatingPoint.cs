namespace Flywheel.Arm64;

// Scalar floating point on S and D registers: arithmetic, compare, select, conversions, moves.
public sealed partial class Arm64Assembler
{
    /// <summary><c>fadd d, n, m</c>.</summary>
    public void Fadd(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0010, rd, rn, rm);

    /// <summary><c>fsub d, n, m</c>.</summary>
    public void Fsub(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0011, rd, rn, rm);

    /// <summary><c>fmul d, n, m</c>.</summary>
    public void Fmul(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0000, rd, rn, rm);

    /// <summary><c>fdiv d, n, m</c>.</summary>
    public void Fdiv(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0001, rd, rn, rm);

    /// <summary><c>fmax d, n, m</c>: NaN if either is NaN; +0 is larger than −0.</summary>
    public void Fmax(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0100, rd, rn, rm);

    /// <summary><c>fmin d, n, m</c>.</summary>
    public void Fmin(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0101, rd, rn, rm);

    /// <summary><c>fmaxnm d, n, m</c>: the number when one operand is a quiet NaN.</summary>
    public void Fmaxnm(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0110, rd, rn, rm);

    /// <summary><c>fminnm d, n, m</c>.</summary>
    public void Fminnm(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b0111, rd, rn, rm);

    /// <summary><c>fnmul d, n, m</c>: −(n × m).</summary>
    public void Fnmul(FpRegister rd, FpRegister rn, FpRegister rm) => FpTwoSource(0b1000, rd, rn, rm);

    /// <summary><c>fmov d, n</c> between FP registers.</summary>
    public void Fmov(FpRegister rd, FpRegister rn) => FpOneSource(0b000000, rd, rn);

    /// <summary><c>fabs d, n</c>.</summary>
    public void Fabs(FpRegister rd, FpRegister rn) => FpOneSource(0b000001, rd, rn);

    /// <summary><c>fneg d, n</c>.</summary>
    public void Fneg(FpRegister rd, FpRegister rn) => FpOneSource(0b000010, rd, rn);

    /// <summary><c>fsqrt d, n</c>.</summary>
    public void Fsqrt(FpRegister rd, FpRegister rn) => FpOneSource(0b000011, rd, rn);

    /// <summary><c>frintn d, n</c>: round to nearest, ties to even.</summary>
    public void Frintn(FpRegister rd, FpRegister rn) => FpOneSource(0b001000, rd, rn);

    /// <summary><c>frintp d, n</c>: round toward +∞ (ceil).</summary>
    public void Frintp(FpRegister rd, FpRegister rn) => FpOneSource(0b001001, rd, rn);

    /// <summary><c>frintm d, n</c>: round toward −∞ (floor).</summary>
    public void Frintm(FpRegister rd, FpRegister rn) => FpOneSource(0b001010, rd, rn);

    /// <summary><c>frintz d, n</c>: round toward zero (trunc).</summary>
    public void Frintz(FpRegister rd, FpRegister rn) => FpOneSource(0b001011, rd, rn);

    /// <summary><c>frinta d, n</c>: round to nearest, ties away from zero.</summary>
    public void Frinta(FpRegister rd, FpRegister rn) => FpOneSource(0b001100, rd, rn);

    /// <summary><c>fcvt d, n</c>: convert between single and double precision.</summary>
    public void Fcvt(FpRegister rd, FpRegister rn)
    {
        CheckScalar(rd); CheckScalar(rn);
        if (rd.Size == rn.Size) throw new ArgumentException("fcvt converts between S and D.", nameof(rd));
        Emit(0x1E204000 | (Ftype(rn) << 22) | ((rd.IsDouble ? 0b000101u : 0b000100u) << 15) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    /// <summary><c>fmadd d, n, m, a</c>: a + n × m, rounded once.</summary>
    public void Fmadd(FpRegister rd, FpRegister rn, FpRegister rm, FpRegister ra) => FpThreeSource(false, false, rd, rn, rm, ra);

    /// <summary><c>fmsub d, n, m, a</c>: a − n × m.</summary>
    public void Fmsub(FpRegister rd, FpRegister rn, FpRegister rm, FpRegister ra) => FpThreeSource(false, true, rd, rn, rm, ra);

    /// <summary><c>fnmadd d, n, m, a</c>: −a − n × m.</summary>
    public void Fnmadd(FpRegister rd, FpRegister rn, FpRegister rm, FpRegister ra) => FpThreeSource(true, false, rd, rn, rm, ra);

    /// <summary><c>fnmsub d, n, m, a</c>: −a + n × m.</summary>
    public void Fnmsub(FpRegister rd, FpRegister rn, FpRegister rm, FpRegister ra) => FpThreeSource(true, true, rd, rn, rm, ra);

    /// <summary><c>fcmp n, m</c>: unordered sets C and V.</summary>
    public void Fcmp(FpRegister rn, FpRegister rm) { SameFp(rn, rm); Emit(0x1E202000 | (Ftype(rn) << 22) | ((uint)rm.Code << 16) | ((uint)rn.Code << 5)); }

    /// <summary><c>fcmp n, #0.0</c>.</summary>
    public void FcmpZero(FpRegister rn) { CheckScalar(rn); Emit(0x1E202008 | (Ftype(rn) << 22) | ((uint)rn.Code << 5)); }

    /// <summary><c>fcmpe n, m</c>: as fcmp, but quiet NaNs also raise Invalid Operation.</summary>
    public void Fcmpe(FpRegister rn, FpRegister rm) { SameFp(rn, rm); Emit(0x1E202010 | (Ftype(rn) << 22) | ((uint)rm.Code << 16) | ((uint)rn.Code << 5)); }

    /// <summary><c>fcsel d, n, m, cond</c>.</summary>
    public void Fcsel(FpRegister rd, FpRegister rn, FpRegister rm, Condition condition)
    {
        SameFp(rd, rn); SameFp(rd, rm);
        Emit(0x1E200C00 | (Ftype(rd) << 22) | ((uint)rm.Code << 16) | ((uint)condition << 12) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    /// <summary><c>fmov d, #imm</c>: one of the 256 values <see cref="FpImmediate"/> encodes.</summary>
    /// <exception cref="ArgumentException">The value is not encodable (0.0 included; use <c>fmov d, xzr</c>).</exception>
    public void Fmov(FpRegister rd, double value)
    {
        CheckScalar(rd);
        if (!FpImmediate.TryEncode(value, out var imm8))
            throw new ArgumentException($"{value} is not an 8-bit floating-point immediate.", nameof(value));
        Emit(0x1E201000 | (Ftype(rd) << 22) | ((uint)imm8 << 13) | (uint)rd.Code);
    }

    /// <summary><c>fmov d, x</c> / <c>fmov s, w</c>: copy bits from a general register.</summary>
    public void Fmov(FpRegister rd, Register rn) { GeneralPair(rd, rn); Convert(rn.Is64Bit, rd, 0b00, 0b111, rd.Code, rn.Code); }

    /// <summary><c>fmov x, d</c> / <c>fmov w, s</c>: copy bits to a general register.</summary>
    public void Fmov(Register rd, FpRegister rn) { GeneralPair(rn, rd); Convert(rd.Is64Bit, rn, 0b00, 0b110, rd.Code, rn.Code); }

    /// <summary><c>scvtf d, r</c>: signed integer to floating point.</summary>
    public void Scvtf(FpRegister rd, Register rn) => Convert(rn.Is64Bit, rd, 0b00, 0b010, rd.Code, rn.Code);

    /// <summary><c>ucvtf d, r</c>: unsigned integer to floating point.</summary>
    public void Ucvtf(FpRegister rd, Register rn) => Convert(rn.Is64Bit, rd, 0b00, 0b011, rd.Code, rn.Code);

    /// <summary><c>fcvtzs r, d</c>: to signed integer, toward zero, saturating (NaN gives 0).</summary>
    public void Fcvtzs(Register rd, FpRegister rn) => Convert(rd.Is64Bit, rn, 0b11, 0b000, rd.Code, rn.Code);

    /// <summary><c>fcvtzu r, d</c>: to unsigned integer, toward zero, saturating.</summary>
    public void Fcvtzu(Register rd, FpRegister rn) => Convert(rd.Is64Bit, rn, 0b11, 0b001, rd.Code, rn.Code);

    /// <summary><c>fcvtms r, d</c>: to signed integer, toward −∞.</summary>
    public void Fcvtms(Register rd, FpRegister rn) => Convert(rd.Is64Bit, rn, 0b10, 0b000, rd.Code, rn.Code);

    /// <summary><c>fcvtps r, d</c>: to signed integer, toward +∞.</summary>
    public void Fcvtps(Register rd, FpRegister rn) => Convert(rd.Is64Bit, rn, 0b01, 0b000, rd.Code, rn.Code);

    /// <summary><c>fcvtns r, d</c>: to signed integer, to nearest, ties to even.</summary>
    public void Fcvtns(Register rd, FpRegister rn) => Convert(rd.Is64Bit, rn, 0b00, 0b000, rd.Code, rn.Code);

    /// <summary><c>fjcvtzs wd, dn</c>: JavaScript ToInt32 (modulo 2^32, toward zero); Z is set when exact (ARMv8.3).</summary>
    public void Fjcvtzs(Register rd, FpRegister rn)
    {
        if (rd.Is64Bit || !rn.IsDouble) throw new ArgumentException("fjcvtzs converts a D register to a W register.");
        Emit(0x1E7E0000 | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private static uint Ftype(FpRegister r) => r.IsDouble ? 1u : 0u;

    private static void CheckScalar(FpRegister r)
    {
        if (r.Size == FpSize.Q) throw new ArgumentException($"{r}: scalar arithmetic works on S and D registers.");
    }

    private static void SameFp(FpRegister a, FpRegister b)
    {
        CheckScalar(a);
        if (a.Size != b.Size) throw new ArgumentException($"The operands must be all S or all D ({a}, {b}).");
    }

    private static void GeneralPair(FpRegister fp, Register general)
    {
        CheckScalar(fp);
        if (fp.IsDouble != general.Is64Bit) throw new ArgumentException($"fmov pairs D with X and S with W ({fp}, {general}).");
    }

    private void FpTwoSource(uint opcode, FpRegister rd, FpRegister rn, FpRegister rm)
    {
        SameFp(rd, rn); SameFp(rd, rm);
        Emit(0x1E200800 | (Ftype(rd) << 22) | ((uint)rm.Code << 16) | (opcode << 12) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void FpOneSource(uint opcode, FpRegister rd, FpRegister rn)
    {
        SameFp(rd, rn);
        Emit(0x1E204000 | (Ftype(rd) << 22) | (opcode << 15) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void FpThreeSource(bool o1, bool o0, FpRegister rd, FpRegister rn, FpRegister rm, FpRegister ra)
    {
        SameFp(rd, rn); SameFp(rd, rm); SameFp(rd, ra);
        Emit(0x1F000000 | (Ftype(rd) << 22) | (o1 ? 1u << 21 : 0) | ((uint)rm.Code << 16) | (o0 ? 1u << 15 : 0)
             | ((uint)ra.Code << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void Convert(bool sf, FpRegister fp, uint rmode, uint opcode, int rd, int rn)
    {
        CheckScalar(fp);
        Emit(Sf(sf) | 0x1E200000 | (Ftype(fp) << 22) | (rmode << 19) | (opcode << 16) | ((uint)rn << 5) | (uint)rd);
    }
}
