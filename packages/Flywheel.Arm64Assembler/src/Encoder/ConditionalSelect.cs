namespace Flywheel.Arm64;

// Conditional select and its aliases (cset, csetm, cinc, cinv, cneg).
public sealed partial class Arm64Assembler
{
    /// <summary><c>csel rd, rn, rm, cond</c>: rd = cond ? rn : rm.</summary>
    public void Csel(Register rd, Register rn, Register rm, Condition condition) => CondSelect(false, false, rd, rn, rm, condition);

    /// <summary><c>csinc rd, rn, rm, cond</c>: rd = cond ? rn : rm + 1.</summary>
    public void Csinc(Register rd, Register rn, Register rm, Condition condition) => CondSelect(false, true, rd, rn, rm, condition);

    /// <summary><c>csinv rd, rn, rm, cond</c>: rd = cond ? rn : NOT rm.</summary>
    public void Csinv(Register rd, Register rn, Register rm, Condition condition) => CondSelect(true, false, rd, rn, rm, condition);

    /// <summary><c>csneg rd, rn, rm, cond</c>: rd = cond ? rn : −rm.</summary>
    public void Csneg(Register rd, Register rn, Register rm, Condition condition) => CondSelect(true, true, rd, rn, rm, condition);

    /// <summary><c>cset rd, cond</c>: rd = cond ? 1 : 0.</summary>
    public void Cset(Register rd, Condition condition) => Csinc(rd, Zero(rd), Zero(rd), Invertible(condition).Invert());

    /// <summary><c>csetm rd, cond</c>: rd = cond ? −1 : 0.</summary>
    public void Csetm(Register rd, Condition condition) => Csinv(rd, Zero(rd), Zero(rd), Invertible(condition).Invert());

    /// <summary><c>cinc rd, rn, cond</c>: rd = cond ? rn + 1 : rn.</summary>
    public void Cinc(Register rd, Register rn, Condition condition) => Csinc(rd, rn, rn, Invertible(condition).Invert());

    /// <summary><c>cinv rd, rn, cond</c>: rd = cond ? NOT rn : rn.</summary>
    public void Cinv(Register rd, Register rn, Condition condition) => Csinv(rd, rn, rn, Invertible(condition).Invert());

    /// <summary><c>cneg rd, rn, cond</c>: rd = cond ? −rn : rn.</summary>
    public void Cneg(Register rd, Register rn, Condition condition) => Csneg(rd, rn, rn, Invertible(condition).Invert());

    private static Condition Invertible(Condition condition) =>
        condition is Condition.Al or Condition.Nv
            ? throw new ArgumentException("This alias inverts its condition, which al/nv do not allow.", nameof(condition))
            : condition;

    private void CondSelect(bool op, bool o2, Register rd, Register rn, Register rm, Condition condition)
    {
        SameWidth(rd, rn, rm);
        Emit(Sf(rd.Is64Bit) | (op ? 1u << 30 : 0) | 0x1A800000 | ((uint)rm.Code << 16) | ((uint)condition << 12)
             | (o2 ? 1u << 10 : 0) | ((uint)rn.Code << 5) | (uint)rd.Code);
    }
}
