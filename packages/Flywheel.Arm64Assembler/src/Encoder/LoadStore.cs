using Flywheel.MachineCode;

namespace Flywheel.Arm64;

// Single-register loads and stores in every addressing mode, and PC-relative literal loads.
public sealed partial class Arm64Assembler
{
    /// <summary>The <c>size:V:opc</c> triple of a load/store form.</summary>
    private readonly record struct Access(uint Size, uint Vector, uint Opc, int Bytes);

    /// <summary><c>ldr rt, mem</c>: load a word or doubleword.</summary>
    public void Ldr(Register rt, Mem mem) => LoadStore(new(rt.Is64Bit ? 3u : 2u, 0, 1, rt.Is64Bit ? 8 : 4), rt.Code, mem);

    /// <summary><c>str rt, mem</c>.</summary>
    public void Str(Register rt, Mem mem) => LoadStore(new(rt.Is64Bit ? 3u : 2u, 0, 0, rt.Is64Bit ? 8 : 4), rt.Code, mem);

    /// <summary><c>ldrb wt, mem</c>: load a byte, zero-extended.</summary>
    public void Ldrb(Register rt, Mem mem) => LoadStore(new(0, 0, 1, 1), W(rt), mem);

    /// <summary><c>strb wt, mem</c>.</summary>
    public void Strb(Register rt, Mem mem) => LoadStore(new(0, 0, 0, 1), W(rt), mem);

    /// <summary><c>ldrh wt, mem</c>: load a halfword, zero-extended.</summary>
    public void Ldrh(Register rt, Mem mem) => LoadStore(new(1, 0, 1, 2), W(rt), mem);

    /// <summary><c>strh wt, mem</c>.</summary>
    public void Strh(Register rt, Mem mem) => LoadStore(new(1, 0, 0, 2), W(rt), mem);

    /// <summary><c>ldrsb rt, mem</c>: load a byte, sign-extended to W or X.</summary>
    public void Ldrsb(Register rt, Mem mem) => LoadStore(new(0, 0, rt.Is64Bit ? 2u : 3u, 1), rt.Code, mem);

    /// <summary><c>ldrsh rt, mem</c>: load a halfword, sign-extended to W or X.</summary>
    public void Ldrsh(Register rt, Mem mem) => LoadStore(new(1, 0, rt.Is64Bit ? 2u : 3u, 2), rt.Code, mem);

    /// <summary><c>ldrsw xt, mem</c>: load a word, sign-extended.</summary>
    public void Ldrsw(Register rt, Mem mem) { Need64(rt); LoadStore(new(2, 0, 2, 4), rt.Code, mem); }

    /// <summary><c>ldr st/dt/qt, mem</c>.</summary>
    public void Ldr(FpRegister rt, Mem mem) => LoadStore(FpAccess(rt, load: true), rt.Code, mem);

    /// <summary><c>str st/dt/qt, mem</c>.</summary>
    public void Str(FpRegister rt, Mem mem) => LoadStore(FpAccess(rt, load: false), rt.Code, mem);

    /// <summary><c>ldur rt, [base, #offset]</c>: always the unscaled 9-bit form.</summary>
    public void Ldur(Register rt, RegisterOrSp @base, int offset) => Unscaled(new(rt.Is64Bit ? 3u : 2u, 0, 1, rt.Is64Bit ? 8 : 4), rt.Code, @base, offset);

    /// <summary><c>stur rt, [base, #offset]</c>.</summary>
    public void Stur(Register rt, RegisterOrSp @base, int offset) => Unscaled(new(rt.Is64Bit ? 3u : 2u, 0, 0, rt.Is64Bit ? 8 : 4), rt.Code, @base, offset);

    /// <summary><c>ldur st/dt/qt, [base, #offset]</c>.</summary>
    public void Ldur(FpRegister rt, RegisterOrSp @base, int offset) => Unscaled(FpAccess(rt, load: true), rt.Code, @base, offset);

    /// <summary><c>stur st/dt/qt, [base, #offset]</c>.</summary>
    public void Stur(FpRegister rt, RegisterOrSp @base, int offset) => Unscaled(FpAccess(rt, load: false), rt.Code, @base, offset);

    /// <summary><c>ldr rt, label</c>: a PC-relative literal load (±1 MiB).</summary>
    public void Ldr(Register rt, Label literal) => EmitWithFixup((rt.Is64Bit ? 0x58000000u : 0x18000000u) | (uint)rt.Code, literal, Arm64FixupKind.Imm19);

    /// <summary><c>ldrsw xt, label</c>.</summary>
    public void Ldrsw(Register rt, Label literal) { Need64(rt); EmitWithFixup(0x98000000u | (uint)rt.Code, literal, Arm64FixupKind.Imm19); }

    /// <summary><c>ldr st/dt/qt, label</c>.</summary>
    public void Ldr(FpRegister rt, Label literal)
    {
        var opc = rt.Size switch { FpSize.S => 0u, FpSize.D => 1u, _ => 2u };
        EmitWithFixup((opc << 30) | 0x1C000000u | (uint)rt.Code, literal, Arm64FixupKind.Imm19);
    }

    /// <summary>Loads a 64-bit (X) or 32-bit (W) constant from the literal pool.</summary>
    public void LdrLiteral(Register rt, ulong value) =>
        Ldr(rt, rt.Is64Bit ? AddLiteral(value) : AddLiteral((uint)value));

    /// <summary>Loads a double (D) or single (S) constant from the literal pool.</summary>
    public void LdrLiteral(FpRegister rt, double value) => Ldr(rt, rt.Size switch
    {
        FpSize.D => AddLiteral(BitConverter.DoubleToUInt64Bits(value)),
        FpSize.S => AddLiteral(BitConverter.SingleToUInt32Bits((float)value)),
        _ => throw new ArgumentException("Use AddLiteral(low, high) and Ldr(q, label) for 128-bit literals.", nameof(rt)),
    });

    /// <summary>A literal load with a raw byte offset; <paramref name="opcode"/> is the form's fixed bits (0x58000000 for ldr x).</summary>
    internal void LiteralOffset(uint opcode, int rt, long offset) => Emit(Arm64FixupKind.Imm19.Apply(opcode | (uint)rt, offset));

    private static int W(Register rt) =>
        rt.Is64Bit ? throw new ArgumentException($"Byte and halfword accesses take a W register, not {rt}.", nameof(rt)) : rt.Code;

    private static Access FpAccess(FpRegister rt, bool load) => rt.Size switch
    {
        FpSize.S => new(2, 1, load ? 1u : 0u, 4),
        FpSize.D => new(3, 1, load ? 1u : 0u, 8),
        _ => new(0, 1, load ? 3u : 2u, 16),
    };

    private static uint AccessBits(Access access) => (access.Size << 30) | (access.Vector << 26) | (access.Opc << 22);

    private void LoadStore(Access access, int rt, Mem mem)
    {
        var baseBits = (uint)mem.Base.Code << 5 | (uint)rt;
        switch (mem.Mode)
        {
            case AddressingMode.Offset:
                if (mem.Offset >= 0 && mem.Offset % access.Bytes == 0 && mem.Offset / access.Bytes <= 0xFFF)
                {
                    Emit(0x39000000 | AccessBits(access) | ((uint)(mem.Offset / access.Bytes) << 10) | baseBits);
                    return;
                }
                if (mem.Offset is >= -256 and <= 255)
                {
                    Emit(0x38000000 | AccessBits(access) | (((uint)mem.Offset & 0x1FF) << 12) | baseBits);
                    return;
                }
                throw new ArgumentOutOfRangeException(nameof(mem), mem.Offset,
                    $"An offset is either a multiple of {access.Bytes} in [0, {access.Bytes * 4095}] or in [-256, 255]; materialize larger ones in a register.");
            case AddressingMode.PreIndex:
            case AddressingMode.PostIndex:
                CheckRange(mem.Offset, -256, 255, nameof(mem));
                // Writing back into the register being transferred is unpredictable.
                if (access.Vector == 0 && mem.Base.Code == rt && !mem.Base.IsSp)
                    throw new ArgumentException($"Writeback to {mem.Base} while transferring it is unpredictable.", nameof(mem));
                var index = mem.Mode == AddressingMode.PreIndex ? 0b11u : 0b01u;
                Emit(0x38000000 | AccessBits(access) | (((uint)mem.Offset & 0x1FF) << 12) | (index << 10) | baseBits);
                return;
            default:
                Emit(0x38200800 | AccessBits(access) | ((uint)mem.Index.Code << 16) | ((uint)mem.Extend << 13)
                     | (mem.Scaled ? 1u << 12 : 0) | baseBits);
                return;
        }
    }

    private void Unscaled(Access access, int rt, RegisterOrSp @base, int offset)
    {
        CheckRange(offset, -256, 255, nameof(offset));
        if (!@base.Is64Bit) throw new ArgumentException("A base register must be 64-bit.", nameof(@base));
        Emit(0x38000000 | AccessBits(access) | (((uint)offset & 0x1FF) << 12) | ((uint)@base.Code << 5) | (uint)rt);
    }
}
