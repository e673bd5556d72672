namespace Flywheel.Arm64;

// The NEON subset later vectorization needs: integer and float arithmetic on 4S and 2D,
// fused multiply-add, whole-register moves, duplicates, and multi-register loads and stores.
public sealed partial class Arm64Assembler
{
    /// <summary><c>add vd.T, vn.T, vm.T</c>.</summary>
    public void Add(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x4E208400, vd, vn, vm, Size(vd));

    /// <summary><c>sub vd.T, vn.T, vm.T</c>.</summary>
    public void Sub(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x6E208400, vd, vn, vm, Size(vd));

    /// <summary><c>mul vd.4s, vn.4s, vm.4s</c> (there is no 2D integer multiply).</summary>
    public void Mul(VRegister vd, VRegister vn, VRegister vm)
    {
        if (vd.Arrangement != Arrangement.S4) throw new ArgumentException("Vector mul has no 2D form.", nameof(vd));
        Vector3(0x4E209C00, vd, vn, vm, Size(vd));
    }

    /// <summary><c>fadd vd.T, vn.T, vm.T</c>.</summary>
    public void Fadd(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x4E20D400, vd, vn, vm, Sz(vd));

    /// <summary><c>fsub vd.T, vn.T, vm.T</c>.</summary>
    public void Fsub(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x4EA0D400, vd, vn, vm, Sz(vd));

    /// <summary><c>fmul vd.T, vn.T, vm.T</c>.</summary>
    public void Fmul(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x6E20DC00, vd, vn, vm, Sz(vd));

    /// <summary><c>fdiv vd.T, vn.T, vm.T</c>.</summary>
    public void Fdiv(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x6E20FC00, vd, vn, vm, Sz(vd));

    /// <summary><c>fmla vd.T, vn.T, vm.T</c>: vd += vn × vm, fused.</summary>
    public void Fmla(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x4E20CC00, vd, vn, vm, Sz(vd));

    /// <summary><c>fmls vd.T, vn.T, vm.T</c>: vd −= vn × vm, fused.</summary>
    public void Fmls(VRegister vd, VRegister vn, VRegister vm) => Vector3(0x4EA0CC00, vd, vn, vm, Sz(vd));

    /// <summary><c>mov vd.16b, vn.16b</c>: copy a whole vector register.</summary>
    public void Mov(VRegister vd, VRegister vn) => Emit(0x4EA01C00 | ((uint)vn.Code << 16) | ((uint)vn.Code << 5) | (uint)vd.Code);

    /// <summary><c>dup vd.T, rn</c>: every lane gets the general register (W for 4S, X for 2D).</summary>
    public void Dup(VRegister vd, Register rn)
    {
        if (rn.Is64Bit != (vd.Arrangement == Arrangement.D2)) throw new ArgumentException($"dup {vd} takes a{(rn.Is64Bit ? " W" : "n X")} register.", nameof(rn));
        Emit(0x4E000C00 | (LaneImm5(vd.Arrangement, 0) << 16) | ((uint)rn.Code << 5) | (uint)vd.Code);
    }

    /// <summary><c>dup vd.T, vn.E[index]</c>: every lane gets one lane of vn.</summary>
    public void Dup(VRegister vd, VRegister vn, int index)
    {
        CheckRange(index, 0, vd.Arrangement == Arrangement.S4 ? 3 : 1, nameof(index));
        Emit(0x4E000400 | (LaneImm5(vd.Arrangement, index) << 16) | ((uint)vn.Code << 5) | (uint)vd.Code);
    }

    /// <summary><c>ld1 {vt.T, …}, [xn]</c>: 1–4 consecutive registers from memory.</summary>
    public void Ld1(VRegister first, int count, RegisterOrSp rn) => Structure(true, first, count, rn, postIndex: false);

    /// <summary><c>st1 {vt.T, …}, [xn]</c>.</summary>
    public void St1(VRegister first, int count, RegisterOrSp rn) => Structure(false, first, count, rn, postIndex: false);

    /// <summary><c>ld1 {vt.T, …}, [xn], #16·count</c>: then advance the base past the data.</summary>
    public void Ld1PostIndex(VRegister first, int count, RegisterOrSp rn) => Structure(true, first, count, rn, postIndex: true);

    /// <summary><c>st1 {vt.T, …}, [xn], #16·count</c>.</summary>
    public void St1PostIndex(VRegister first, int count, RegisterOrSp rn) => Structure(false, first, count, rn, postIndex: true);

    private static uint Size(VRegister v) => v.Arrangement == Arrangement.S4 ? 2u : 3u;

    private static uint Sz(VRegister v) => v.Arrangement == Arrangement.S4 ? 0u : 1u;

    private static uint LaneImm5(Arrangement arrangement, int index) =>
        arrangement == Arrangement.S4 ? ((uint)index << 3) | 0b100 : ((uint)index << 4) | 0b1000;

    private void Vector3(uint bits, VRegister vd, VRegister vn, VRegister vm, uint size)
    {
        if (vn.Arrangement != vd.Arrangement || vm.Arrangement != vd.Arrangement)
            throw new ArgumentException($"The operands must share one arrangement ({vd}, {vn}, {vm}).");
        Emit(bits | (size << 22) | ((uint)vm.Code << 16) | ((uint)vn.Code << 5) | (uint)vd.Code);
    }

    private void Structure(bool load, VRegister first, int count, RegisterOrSp rn, bool postIndex)
    {
        var opcode = count switch
        {
            1 => 0b0111u,
            2 => 0b1010u,
            3 => 0b0110u,
            4 => 0b0010u,
            _ => throw new ArgumentOutOfRangeException(nameof(count), count, "ld1/st1 move 1 to 4 registers."),
        };
        if (!rn.Is64Bit) throw new ArgumentException("A base register must be 64-bit.", nameof(rn));
        Emit(0x4C000000 | (postIndex ? 0x009F0000u : 0) | (load ? 1u << 22 : 0) | (opcode << 12) | (Size(first) << 10)
             | ((uint)rn.Code << 5) | (uint)first.Code);
    }
}
