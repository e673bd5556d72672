namespace Flywheel.Arm64;

// Barriers, hints, breakpoints, system-register moves and the cache maintenance a code heap needs.
public sealed partial class Arm64Assembler
{
    /// <summary><c>nop</c>.</summary>
    public void Nop() => Emit(0xD503201F);

    /// <summary><c>hint #imm</c> (0–127); many values have names (<c>yield</c>, <c>bti c</c>, …).</summary>
    public void Hint(int imm)
    {
        CheckRange(imm, 0, 127, nameof(imm));
        Emit(0xD503201F | ((uint)imm << 5));
    }

    /// <summary><c>dmb option</c>: data memory barrier.</summary>
    public void Dmb(BarrierOption option = BarrierOption.Ish) => Emit(0xD50330BF | ((uint)option << 8));

    /// <summary><c>dsb option</c>: data synchronization barrier.</summary>
    public void Dsb(BarrierOption option = BarrierOption.Ish) => Emit(0xD503309F | ((uint)option << 8));

    /// <summary><c>isb</c>: flush the pipeline so later instructions are fetched anew.</summary>
    public void Isb() => Emit(0xD5033FDF);

    /// <summary><c>brk #imm</c>: breakpoint (a trap the JIT uses for unreachable code).</summary>
    public void Brk(int imm = 0)
    {
        CheckRange(imm, 0, 0xFFFF, nameof(imm));
        Emit(0xD4200000 | ((uint)imm << 5));
    }

    /// <summary><c>udf #imm</c>: permanently undefined.</summary>
    public void Udf(int imm = 0)
    {
        CheckRange(imm, 0, 0xFFFF, nameof(imm));
        Emit((uint)imm);
    }

    /// <summary><c>mrs xt, sysreg</c>.</summary>
    public void Mrs(Register rt, SystemRegister register) { Need64(rt); Emit(0xD5300000 | ((uint)register << 5) | (uint)rt.Code); }

    /// <summary><c>msr sysreg, xt</c>.</summary>
    public void Msr(SystemRegister register, Register rt) { Need64(rt); Emit(0xD5100000 | ((uint)register << 5) | (uint)rt.Code); }

    /// <summary><c>dc cvau, xt</c> or <c>ic ivau, xt</c>.</summary>
    public void CacheMaintenance(CacheOperation operation, Register rt)
    {
        Need64(rt);
        Emit((operation == CacheOperation.DcCvau ? 0xD50B7B20u : 0xD50B7520u) | (uint)rt.Code);
    }
}
