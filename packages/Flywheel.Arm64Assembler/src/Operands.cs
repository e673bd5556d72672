namespace Flywheel.Arm64;

/// <summary>A condition code, numbered as the <c>cond</c> field encodes it.</summary>
public enum Condition
{
    /// <summary>Equal (Z set).</summary>
    Eq = 0,
    /// <summary>Not equal.</summary>
    Ne = 1,
    /// <summary>Carry set / unsigned higher or same.</summary>
    Hs = 2,
    /// <summary>Carry clear / unsigned lower.</summary>
    Lo = 3,
    /// <summary>Negative.</summary>
    Mi = 4,
    /// <summary>Positive or zero.</summary>
    Pl = 5,
    /// <summary>Overflow.</summary>
    Vs = 6,
    /// <summary>No overflow.</summary>
    Vc = 7,
    /// <summary>Unsigned higher.</summary>
    Hi = 8,
    /// <summary>Unsigned lower or same.</summary>
    Ls = 9,
    /// <summary>Signed greater or equal.</summary>
    Ge = 10,
    /// <summary>Signed less than.</summary>
    Lt = 11,
    /// <summary>Signed greater than.</summary>
    Gt = 12,
    /// <summary>Signed less or equal.</summary>
    Le = 13,
    /// <summary>Always.</summary>
    Al = 14,
    /// <summary>Always (encoded as 0b1111; behaves as <see cref="Al"/>).</summary>
    Nv = 15,
}

/// <summary>Helpers for <see cref="Condition"/>.</summary>
public static class ConditionExtensions
{
    /// <summary>The condition that holds exactly when <paramref name="condition"/> does not (not defined for al/nv).</summary>
    public static Condition Invert(this Condition condition) => (Condition)((int)condition ^ 1);

    /// <summary>The lower-case name objdump prints (<c>hs</c>, <c>lo</c>, …).</summary>
    public static string Name(this Condition condition) => condition.ToString().ToLowerInvariant();
}

/// <summary>A shift applied to the second register operand, numbered as the <c>shift</c> field encodes it.</summary>
public enum Shift
{
    /// <summary>Logical shift left.</summary>
    Lsl = 0,
    /// <summary>Logical shift right.</summary>
    Lsr = 1,
    /// <summary>Arithmetic shift right.</summary>
    Asr = 2,
    /// <summary>Rotate right (logical instructions only).</summary>
    Ror = 3,
}

/// <summary>An extension applied to the second register of add/sub (extended register), numbered as the <c>option</c> field encodes it.</summary>
public enum Extend
{
    /// <summary>Zero-extend the low byte.</summary>
    Uxtb = 0,
    /// <summary>Zero-extend the low halfword.</summary>
    Uxth = 1,
    /// <summary>Zero-extend the low word.</summary>
    Uxtw = 2,
    /// <summary>Use all 64 bits (printed <c>lsl</c> when SP is involved).</summary>
    Uxtx = 3,
    /// <summary>Sign-extend the low byte.</summary>
    Sxtb = 4,
    /// <summary>Sign-extend the low halfword.</summary>
    Sxth = 5,
    /// <summary>Sign-extend the low word.</summary>
    Sxtw = 6,
    /// <summary>Use all 64 bits, signed.</summary>
    Sxtx = 7,
}

/// <summary>How a load/store index register is extended, numbered as the <c>option</c> field encodes it.</summary>
public enum IndexExtend
{
    /// <summary>A W index, zero-extended.</summary>
    Uxtw = 2,
    /// <summary>An X index (printed as <c>lsl</c>).</summary>
    Lsl = 3,
    /// <summary>A W index, sign-extended.</summary>
    Sxtw = 6,
    /// <summary>An X index, printed as <c>sxtx</c>.</summary>
    Sxtx = 7,
}

/// <summary>The domain and access type of a memory barrier, numbered as the <c>CRm</c> field encodes it.</summary>
public enum BarrierOption
{
    /// <summary>Outer shareable, loads.</summary>
    OshLd = 1,
    /// <summary>Outer shareable, stores.</summary>
    OshSt = 2,
    /// <summary>Outer shareable, all.</summary>
    Osh = 3,
    /// <summary>Non-shareable, loads.</summary>
    NshLd = 5,
    /// <summary>Non-shareable, stores.</summary>
    NshSt = 6,
    /// <summary>Non-shareable, all.</summary>
    Nsh = 7,
    /// <summary>Inner shareable, loads.</summary>
    IshLd = 9,
    /// <summary>Inner shareable, stores.</summary>
    IshSt = 10,
    /// <summary>Inner shareable, all: the usual choice between threads.</summary>
    Ish = 11,
    /// <summary>Full system, loads.</summary>
    Ld = 13,
    /// <summary>Full system, stores.</summary>
    St = 14,
    /// <summary>Full system, all.</summary>
    Sy = 15,
}

/// <summary>System registers readable at EL0 that JIT code needs, valued as their <c>op0:op1:CRn:CRm:op2</c> encoding.</summary>
public enum SystemRegister
{
    /// <summary>Condition flags.</summary>
    Nzcv = 0b11_011_0100_0010_000,
    /// <summary>FP control (rounding mode).</summary>
    Fpcr = 0b11_011_0100_0100_000,
    /// <summary>FP status (cumulative exception flags).</summary>
    Fpsr = 0b11_011_0100_0100_001,
    /// <summary>Cache type register: the cache line sizes an instruction-cache flush steps by.</summary>
    CtrEl0 = 0b11_011_0000_0000_001,
    /// <summary>Thread pointer.</summary>
    TpidrEl0 = 0b11_011_1101_0000_010,
    /// <summary>Virtual counter, a cheap clock.</summary>
    CntvctEl0 = 0b11_011_1110_0000_010,
}

/// <summary>Cache maintenance by virtual address that an instruction-cache flush needs.</summary>
public enum CacheOperation
{
    /// <summary><c>dc cvau</c>: clean data cache line to the point of unification.</summary>
    DcCvau,
    /// <summary><c>ic ivau</c>: invalidate instruction cache line to the point of unification.</summary>
    IcIvau,
}
