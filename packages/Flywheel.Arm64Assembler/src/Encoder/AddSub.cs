namespace Flywheel.Arm64;

// Add/subtract in its three operand shapes: immediate, shifted register, extended register.
public sealed partial class Arm64Assembler
{
    /// <summary><c>add rd, rn, #imm</c>: <paramref name="imm"/> is 0–4095 or a multiple of 4096 up to 0xFFF000 (shifted form).</summary>
    public void Add(RegisterOrSp rd, RegisterOrSp rn, long imm) => AddSubImmediate(false, false, rd.Code, rn, rd.Is64Bit, imm);

    /// <summary><c>sub rd, rn, #imm</c>.</summary>
    public void Sub(RegisterOrSp rd, RegisterOrSp rn, long imm) => AddSubImmediate(true, false, rd.Code, rn, rd.Is64Bit, imm);

    /// <summary><c>adds rd, rn, #imm</c> (sets flags; <paramref name="rd"/> may be the zero register).</summary>
    public void Adds(Register rd, RegisterOrSp rn, long imm) => AddSubImmediate(false, true, rd.Code, rn, rd.Is64Bit, imm);

    /// <summary><c>subs rd, rn, #imm</c>.</summary>
    public void Subs(Register rd, RegisterOrSp rn, long imm) => AddSubImmediate(true, true, rd.Code, rn, rd.Is64Bit, imm);

    /// <summary><c>cmp rn, #imm</c> (<c>subs zr, rn, #imm</c>).</summary>
    public void Cmp(RegisterOrSp rn, long imm) => AddSubImmediate(true, true, 31, rn, rn.Is64Bit, imm);

    /// <summary><c>cmn rn, #imm</c> (<c>adds zr, rn, #imm</c>).</summary>
    public void Cmn(RegisterOrSp rn, long imm) => AddSubImmediate(false, true, 31, rn, rn.Is64Bit, imm);

    /// <summary><c>mov rd, rn</c> where either is SP (<c>add rd, rn, #0</c>).</summary>
    public void Mov(RegisterOrSp rd, RegisterOrSp rn) => AddSubImmediate(false, false, rd.Code, rn, rd.Is64Bit, 0);

    /// <summary><c>add rd, rn, rm{, shift #amount}</c>; <paramref name="shift"/> may not be ror.</summary>
    public void Add(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(false, false, rd, rn, rm, shift, amount);

    /// <summary><c>sub rd, rn, rm{, shift #amount}</c>.</summary>
    public void Sub(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(true, false, rd, rn, rm, shift, amount);

    /// <summary><c>adds rd, rn, rm{, shift #amount}</c>.</summary>
    public void Adds(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(false, true, rd, rn, rm, shift, amount);

    /// <summary><c>subs rd, rn, rm{, shift #amount}</c>.</summary>
    public void Subs(Register rd, Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(true, true, rd, rn, rm, shift, amount);

    /// <summary><c>cmp rn, rm{, shift #amount}</c>.</summary>
    public void Cmp(Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(true, true, rn.Is64Bit ? Registers.XZR : Registers.WZR, rn, rm, shift, amount);

    /// <summary><c>cmn rn, rm{, shift #amount}</c>.</summary>
    public void Cmn(Register rn, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(false, true, rn.Is64Bit ? Registers.XZR : Registers.WZR, rn, rm, shift, amount);

    /// <summary><c>neg rd, rm{, shift #amount}</c> (<c>sub rd, zr, rm</c>).</summary>
    public void Neg(Register rd, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(true, false, rd, rd.Is64Bit ? Registers.XZR : Registers.WZR, rm, shift, amount);

    /// <summary><c>negs rd, rm{, shift #amount}</c>.</summary>
    public void Negs(Register rd, Register rm, Shift shift = Shift.Lsl, int amount = 0) => AddSubShifted(true, true, rd, rd.Is64Bit ? Registers.XZR : Registers.WZR, rm, shift, amount);

    /// <summary><c>add rd, rn, rm, extend {#amount}</c>: the extended-register form (amount 0–4), the one that accepts SP.</summary>
    public void Add(RegisterOrSp rd, RegisterOrSp rn, Register rm, Extend extend, int amount = 0) => AddSubExtended(false, false, rd.Code, rd.Is64Bit, rn, rm, extend, amount);

    /// <summary><c>sub rd, rn, rm, extend {#amount}</c>.</summary>
    public void Sub(RegisterOrSp rd, RegisterOrSp rn, Register rm, Extend extend, int amount = 0) => AddSubExtended(true, false, rd.Code, rd.Is64Bit, rn, rm, extend, amount);

    /// <summary><c>adds rd, rn, rm, extend {#amount}</c>.</summary>
    public void Adds(Register rd, RegisterOrSp rn, Register rm, Extend extend, int amount = 0) => AddSubExtended(false, true, rd.Code, rd.Is64Bit, rn, rm, extend, amount);

    /// <summary><c>subs rd, rn, rm, extend {#amount}</c>.</summary>
    public void Subs(Register rd, RegisterOrSp rn, Register rm, Extend extend, int amount = 0) => AddSubExtended(true, true, rd.Code, rd.Is64Bit, rn, rm, extend, amount);

    /// <summary><c>adc rd, rn, rm</c>: add with carry.</summary>
    public void Adc(Register rd, Register rn, Register rm) => AddSubCarry(false, false, rd, rn, rm);

    /// <summary><c>adcs rd, rn, rm</c>.</summary>
    public void Adcs(Register rd, Register rn, Register rm) => AddSubCarry(false, true, rd, rn, rm);

    /// <summary><c>sbc rd, rn, rm</c>: subtract with carry.</summary>
    public void Sbc(Register rd, Register rn, Register rm) => AddSubCarry(true, false, rd, rn, rm);

    /// <summary><c>sbcs rd, rn, rm</c>.</summary>
    public void Sbcs(Register rd, Register rn, Register rm) => AddSubCarry(true, true, rd, rn, rm);

    /// <summary><c>ccmp rn, #imm, #nzcv, cond</c>: compare if <paramref name="condition"/>, else set flags to <paramref name="nzcv"/>.</summary>
    public void Ccmp(Register rn, int imm, int nzcv, Condition condition) => CondCompare(true, rn, (uint)imm, true, nzcv, condition);

    /// <summary><c>ccmn rn, #imm, #nzcv, cond</c>.</summary>
    public void Ccmn(Register rn, int imm, int nzcv, Condition condition) => CondCompare(false, rn, (uint)imm, true, nzcv, condition);

    /// <summary><c>ccmp rn, rm, #nzcv, cond</c>.</summary>
    public void Ccmp(Register rn, Register rm, int nzcv, Condition condition) { SameWidth(rn, rm); CondCompare(true, rn, (uint)rm.Code, false, nzcv, condition); }

    /// <summary><c>ccmn rn, rm, #nzcv, cond</c>.</summary>
    public void Ccmn(Register rn, Register rm, int nzcv, Condition condition) { SameWidth(rn, rm); CondCompare(false, rn, (uint)rm.Code, false, nzcv, condition); }

    private void AddSubImmediate(bool sub, bool setFlags, int rd, RegisterOrSp rn, bool is64, long imm)
    {
        if (rn.Is64Bit != is64) throw new ArgumentException($"The operands must all be X or all W registers ({rn}).");
        uint shift = 0;
        if (imm is < 0 or > 0xFFF)
        {
            if (imm is > 0 and <= 0xFFF000 && (imm & 0xFFF) == 0) { imm >>= 12; shift = 1; }
            else throw new ArgumentOutOfRangeException(nameof(imm), imm, "An add/sub immediate is 0–4095, optionally shifted left by 12.");
        }
        Emit(Sf(is64) | (sub ? 1u << 30 : 0) | (setFlags ? 1u << 29 : 0) | 0x11000000 | (shift << 22) | ((uint)imm << 10) | ((uint)rn.Code << 5) | (uint)rd);
    }

    private void AddSubShifted(bool sub, bool setFlags, Register rd, Register rn, Register rm, Shift shift, int amount)
    {
        SameWidth(rd, rn, rm);
        if (shift == Shift.Ror) throw new ArgumentException("Add/sub cannot rotate its operand.", nameof(shift));
        CheckRange(amount, 0, rd.Width - 1, nameof(amount));
        Emit(Sf(rd.Is64Bit) | (sub ? 1u << 30 : 0) | (setFlags ? 1u << 29 : 0) | 0x0B000000 | ((uint)shift << 22)
             | ((uint)rm.Code << 16) | ((uint)amount << 10) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void AddSubExtended(bool sub, bool setFlags, int rd, bool is64, RegisterOrSp rn, Register rm, Extend extend, int amount)
    {
        if (rn.Is64Bit != is64) throw new ArgumentException($"The operands must all be X or all W registers ({rn}).");
        var wantsX = extend is Extend.Uxtx or Extend.Sxtx;
        if (rm.Is64Bit != wantsX && (is64 || rm.Is64Bit))
            throw new ArgumentException($"{extend} needs a{(wantsX ? "n X" : " W")} register, not {rm}.", nameof(rm));
        CheckRange(amount, 0, 4, nameof(amount));
        Emit(Sf(is64) | (sub ? 1u << 30 : 0) | (setFlags ? 1u << 29 : 0) | 0x0B200000 | ((uint)rm.Code << 16)
             | ((uint)extend << 13) | ((uint)amount << 10) | ((uint)rn.Code << 5) | (uint)rd);
    }

    private void AddSubCarry(bool sub, bool setFlags, Register rd, Register rn, Register rm)
    {
        SameWidth(rd, rn, rm);
        Emit(Sf(rd.Is64Bit) | (sub ? 1u << 30 : 0) | (setFlags ? 1u << 29 : 0) | 0x1A000000 | ((uint)rm.Code << 16) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }

    private void CondCompare(bool compare, Register rn, uint operand, bool immediate, int nzcv, Condition condition)
    {
        CheckRange(operand, 0, 31, immediate ? "imm" : "rm");
        CheckRange(nzcv, 0, 15, nameof(nzcv));
        Emit(Sf(rn.Is64Bit) | (compare ? 1u << 30 : 0) | 0x3A400000 | (operand << 16) | ((uint)condition << 12)
             | (immediate ? 1u << 11 : 0) | ((uint)rn.Code << 5) | (uint)nzcv);
    }
}
