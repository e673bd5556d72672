using Flywheel.MachineCode;

namespace Flywheel.Arm64;

// Branches to labels (fixed up when the label is bound) and to registers. The raw-offset forms
// are internal: the test oracle needs every displacement, callers should use labels.
public sealed partial class Arm64Assembler
{
    /// <summary><c>b label</c> (±128 MiB).</summary>
    public void B(Label target) => EmitWithFixup(0x14000000, target, Arm64FixupKind.Branch26);

    /// <summary><c>bl label</c>: call, return address in x30.</summary>
    public void Bl(Label target) => EmitWithFixup(0x94000000, target, Arm64FixupKind.Branch26);

    /// <summary><c>b.cond label</c> (±1 MiB).</summary>
    public void B(Condition condition, Label target) => EmitWithFixup(0x54000000 | (uint)condition, target, Arm64FixupKind.Imm19);

    /// <summary><c>cbz rt, label</c>: branch if zero (±1 MiB).</summary>
    public void Cbz(Register rt, Label target) => EmitWithFixup(Sf(rt.Is64Bit) | 0x34000000 | (uint)rt.Code, target, Arm64FixupKind.Imm19);

    /// <summary><c>cbnz rt, label</c>: branch if not zero.</summary>
    public void Cbnz(Register rt, Label target) => EmitWithFixup(Sf(rt.Is64Bit) | 0x35000000 | (uint)rt.Code, target, Arm64FixupKind.Imm19);

    /// <summary><c>tbz rt, #bit, label</c>: branch if the bit is clear (±32 KiB).</summary>
    public void Tbz(Register rt, int bit, Label target) => EmitWithFixup(TestBit(0x36000000, rt, bit), target, Arm64FixupKind.Imm14);

    /// <summary><c>tbnz rt, #bit, label</c>: branch if the bit is set.</summary>
    public void Tbnz(Register rt, int bit, Label target) => EmitWithFixup(TestBit(0x37000000, rt, bit), target, Arm64FixupKind.Imm14);

    /// <summary>
    /// A conditional branch with the reach of <c>b</c> (±128 MiB): <c>b.!cond</c> over an
    /// unconditional <c>b label</c>. For code whose size may exceed b.cond's ±1 MiB; there are
    /// no automatic veneers, so a short branch that falls out of reach fails at <see cref="Bind"/>.
    /// </summary>
    public void BFar(Condition condition, Label target)
    {
        if (condition is Condition.Al or Condition.Nv) { B(target); return; }
        var skip = CreateLabel();
        B(condition.Invert(), skip);
        B(target);
        Bind(skip);
    }

    /// <summary><c>cbnz rt, +8; b label</c>: cbz with ±128 MiB reach.</summary>
    public void CbzFar(Register rt, Label target) { var skip = CreateLabel(); Cbnz(rt, skip); B(target); Bind(skip); }

    /// <summary><c>cbz rt, +8; b label</c>: cbnz with ±128 MiB reach.</summary>
    public void CbnzFar(Register rt, Label target) { var skip = CreateLabel(); Cbz(rt, skip); B(target); Bind(skip); }

    /// <summary><c>tbnz rt, #bit, +8; b label</c>: tbz with ±128 MiB reach.</summary>
    public void TbzFar(Register rt, int bit, Label target) { var skip = CreateLabel(); Tbnz(rt, bit, skip); B(target); Bind(skip); }

    /// <summary><c>tbz rt, #bit, +8; b label</c>: tbnz with ±128 MiB reach.</summary>
    public void TbnzFar(Register rt, int bit, Label target) { var skip = CreateLabel(); Tbz(rt, bit, skip); B(target); Bind(skip); }

    /// <summary><c>adr rd, label</c>: the label's address (±1 MiB).</summary>
    public void Adr(Register rd, Label target) { Need64(rd); EmitWithFixup(0x10000000 | (uint)rd.Code, target, Arm64FixupKind.Adr21); }

    /// <summary><c>br xn</c>: jump to the address in a register.</summary>
    public void Br(Register rn) { Need64(rn); Emit(0xD61F0000 | ((uint)rn.Code << 5)); }

    /// <summary><c>blr xn</c>: call the address in a register.</summary>
    public void Blr(Register rn) { Need64(rn); Emit(0xD63F0000 | ((uint)rn.Code << 5)); }

    /// <summary><c>ret {xn}</c>: return to the address in x30 or <paramref name="rn"/>.</summary>
    public void Ret(Register? rn = null)
    {
        var target = rn ?? Registers.LR;
        Need64(target);
        Emit(0xD65F0000 | ((uint)target.Code << 5));
    }

    /// <summary>
    /// Calls an absolute address through x16 (the intra-procedure-call scratch register, which
    /// AAPCS64 lets a call clobber), so the target may be anywhere in the address space.
    /// </summary>
    public void CallAbsolute(ulong address)
    {
        Mov(Registers.X16, address);
        Blr(Registers.X16);
    }

    internal void BranchOffset(bool link, long offset) => Emit(Arm64FixupKind.Branch26.Apply(link ? 0x94000000u : 0x14000000u, offset));

    internal void BranchOffset(Condition condition, long offset) => Emit(Arm64FixupKind.Imm19.Apply(0x54000000 | (uint)condition, offset));

    internal void CompareBranchOffset(bool nonZero, Register rt, long offset) =>
        Emit(Arm64FixupKind.Imm19.Apply(Sf(rt.Is64Bit) | (nonZero ? 0x35000000u : 0x34000000u) | (uint)rt.Code, offset));

    internal void TestBranchOffset(bool nonZero, Register rt, int bit, long offset) =>
        Emit(Arm64FixupKind.Imm14.Apply(TestBit(nonZero ? 0x37000000u : 0x36000000u, rt, bit), offset));

    internal void AdrOffset(Register rd, long offset) => Emit(Arm64FixupKind.Adr21.Apply(0x10000000 | (uint)rd.Code, offset));

    private static uint TestBit(uint opcode, Register rt, int bit)
    {
        CheckRange(bit, 0, rt.Width - 1, nameof(bit));
        return opcode | ((uint)(bit >> 5) << 31) | ((uint)(bit & 31) << 19) | (uint)rt.Code;
    }
}
