namespace Flywheel.Arm64;

// Logical operations: shifted register and bitmask immediate forms, with their aliases.
public sealed partial class Arm64Assembler
{
    private enum LogicalOp : uint { And = 0, Orr = 1, Eor = 2, Ands = 3 }

    /// <summary><c>and rd, rn, rm{, shift #amount}</c>.</summary>
    public void And(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.And, false, rd, rn, rm, shift, amount);

    /// <summary><c>bic rd, rn, rm{, shift #amount}</c>: rn AND NOT rm.</summary>
    public void Bic(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.And, true, rd, rn, rm, shift, amount);

    /// <summary><c>orr rd, rn, rm{, shift #amount}</c>.</summary>
    public void Orr(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Orr, false, rd, rn, rm, shift, amount);

    /// <summary><c>orn rd, rn, rm{, shift #amount}</c>: rn OR NOT rm.</summary>
    public void Orn(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Orr, true, rd, rn, rm, shift, amount);

    /// <summary><c>eor rd, rn, rm{, shift #amount}</c>.</summary>
    public void Eor(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Eor, false, rd, rn, rm, shift, amount);

    /// <summary><c>eon rd, rn, rm{, shift #amount}</c>: rn XOR NOT rm.</summary>
    public void Eon(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Eor, true, rd, rn, rm, shift, amount);

    /// <summary><c>ands rd, rn, rm{, shift #amount}</c>.</summary>
    public void Ands(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Ands, false, rd, rn, rm, shift, amount);

    /// <summary><c>bics rd, rn, rm{, shift #amount}</c>.</summary>
    public void Bics(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Ands, true, rd, rn, rm, shift, amount);

    /// <summary><c>tst rn, rm{, shift #amount}</c> (<c>ands zr, rn, rm</c>).</summary>
    public void Tst(Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Ands, false, Zero(rn), rn, rm, shift, amount);

    /// <summary><c>mov rd, rm</c> between general registers (<c>orr rd, zr, rm</c>).</summary>
    public void Mov(Register rd, Register rm) => LogicalShifted(LogicalOp.Orr, false, rd, Zero(rd), rm, Shift.Lsl, 0);

    /// <summary><c>mvn rd, rm{, shift #amount}</c> (<c>orn rd, zr, rm</c>).</summary>
    public void Mvn(Register rd, Register rm, Shift shift = Shift.Lsl, int amount = 0) => LogicalShifted(LogicalOp.Orr, true, rd, Zero(rd), rm, shift, amount);

    /// <summary><c>and rd, rn, #imm</c> with a bitmask immediate.</summary>
    /// <exception cref="ArgumentException">The value has no bitmask encoding (see <see cref="LogicalImmediate.TryEncode"/>).</exception>
    public void And(RegisterOrSp rd, Register rn, ulong imm) => LogicalImmediateOp(LogicalOp.And, rd.Code, rd.Is64Bit, rn, imm);

    /// <summary><c>orr rd, rn, #imm</c> with a bitmask immediate.</summary>
    public void Orr(RegisterOrSp rd, Register rn, ulong imm) => LogicalImmediateOp(LogicalOp.Orr, rd.Code, rd.Is64Bit, rn, imm);

    /// <summary><c>eor rd, rn, #imm</c> with a bitmask immediate.</summary>
    public void Eor(RegisterOrSp rd, Register rn, ulong imm) => LogicalImmediateOp(LogicalOp.Eor, rd.Code, rd.Is64Bit, rn, imm);

    /// <summary><c>ands rd, rn, #imm</c> with a bitmask immediate.</summary>
    public void Ands(Register rd, Register rn, ulong imm) => LogicalImmediateOp(LogicalOp.Ands, rd.Code, rd.Is64Bit, rn, imm);

    /// <summary><c>tst rn, #imm</c> with a bitmask immediate.</summary>
    public void Tst(Register rn, ulong imm) => LogicalImmediateOp(LogicalOp.Ands, 31, rn.Is64Bit, rn, imm);

    private static Register Zero(Register like) => like.Is64Bit ? Registers.XZR : Registers.WZR;

    private void LogicalShifted(LogicalOp op, bool invert, Register rd, Register rn, Register rm, Shift shift, int amount)
    {
        SameWidth(rd, rn, rm);
        CheckRange(amount, 0, rd.Width - 1, nameof(amount));
        Emit(Sf(rd.Is64Bit) | ((uint)op << 29) | 0x0A000000 | ((uint)shift << 22) | (invert ? 1u << 21 : 0)
             | ((uint)rm.Code << 16) | ((uint)amount << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void LogicalImmediateOp(LogicalOp op, int rd, bool is64, Register rn, ulong imm)
    {
        if (rn.Is64Bit != is64) throw new ArgumentException($"The operands must all be X or all W registers ({rn}).");
        var width = is64 ? 64 : 32;
        if (!is64 && imm > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(imm), imm, "A 32-bit logical immediate must fit 32 bits.");
        if (!LogicalImmediate.TryEncode(imm, width, out var field))
            throw new ArgumentException($"0x{imm:X} is not encodable as a {width}-bit logical immediate.", nameof(imm));
        Emit(Sf(is64) | ((uint)op << 29) | 0x12000000 | (field << 10) | ((uint)rn.Code << 5) | (uint)rd);
    }
}
