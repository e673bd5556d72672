namespace Flywheel.Arm64;

// Register pairs, and the exclusive and acquire/release accesses that atomics are built from.
public sealed partial class Arm64Assembler
{
    /// <summary><c>ldp rt1, rt2, mem</c> (offset, pre- or post-index; offset a multiple of the size in [−64, 63] × size).</summary>
    public void Ldp(Register rt1, Register rt2, Mem mem) { SameWidth(rt1, rt2); Pair(rt1.Is64Bit ? 2u : 0u, 0, true, rt1.Is64Bit ? 8 : 4, rt1.Code, rt2.Code, mem); }

    /// <summary><c>stp rt1, rt2, mem</c>.</summary>
    public void Stp(Register rt1, Register rt2, Mem mem) { SameWidth(rt1, rt2); Pair(rt1.Is64Bit ? 2u : 0u, 0, false, rt1.Is64Bit ? 8 : 4, rt1.Code, rt2.Code, mem); }

    /// <summary><c>ldpsw xt1, xt2, mem</c>: two sign-extended words.</summary>
    public void Ldpsw(Register rt1, Register rt2, Mem mem) { Need64(rt1); SameWidth(rt1, rt2); Pair(1, 0, true, 4, rt1.Code, rt2.Code, mem); }

    /// <summary><c>ldp st1/dt1/qt1, …, mem</c>.</summary>
    public void Ldp(FpRegister rt1, FpRegister rt2, Mem mem) { SameSize(rt1, rt2); Pair(FpPairOpc(rt1), 1, true, FpBytes(rt1), rt1.Code, rt2.Code, mem); }

    /// <summary><c>stp st1/dt1/qt1, …, mem</c>.</summary>
    public void Stp(FpRegister rt1, FpRegister rt2, Mem mem) { SameSize(rt1, rt2); Pair(FpPairOpc(rt1), 1, false, FpBytes(rt1), rt1.Code, rt2.Code, mem); }

    /// <summary><c>ldxr rt, [rn]</c>: load exclusive.</summary>
    public void Ldxr(Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x085F7C00, 31, rt, rn);

    /// <summary><c>ldaxr rt, [rn]</c>: load-acquire exclusive.</summary>
    public void Ldaxr(Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x085FFC00, 31, rt, rn);

    /// <summary><c>stxr ws, rt, [rn]</c>: store exclusive; <paramref name="status"/> is 0 on success.</summary>
    public void Stxr(Register status, Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x08007C00, Status(status, rt, rn), rt, rn);

    /// <summary><c>stlxr ws, rt, [rn]</c>: store-release exclusive.</summary>
    public void Stlxr(Register status, Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x0800FC00, Status(status, rt, rn), rt, rn);

    /// <summary><c>ldar rt, [rn]</c>: load-acquire.</summary>
    public void Ldar(Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x08DFFC00, 31, rt, rn);

    /// <summary><c>stlr rt, [rn]</c>: store-release.</summary>
    public void Stlr(Register rt, RegisterOrSp rn) => Exclusive(rt.Is64Bit ? 3u : 2u, 0x089FFC00, 31, rt, rn);

    /// <summary><c>ldarb wt, [rn]</c>.</summary>
    public void Ldarb(Register rt, RegisterOrSp rn) => Exclusive(0, 0x08DFFC00, 31, WOnly(rt), rn);

    /// <summary><c>ldarh wt, [rn]</c>.</summary>
    public void Ldarh(Register rt, RegisterOrSp rn) => Exclusive(1, 0x08DFFC00, 31, WOnly(rt), rn);

    /// <summary><c>stlrb wt, [rn]</c>.</summary>
    public void Stlrb(Register rt, RegisterOrSp rn) => Exclusive(0, 0x089FFC00, 31, WOnly(rt), rn);

    /// <summary><c>stlrh wt, [rn]</c>.</summary>
    public void Stlrh(Register rt, RegisterOrSp rn) => Exclusive(1, 0x089FFC00, 31, WOnly(rt), rn);

    private static Register WOnly(Register rt) => Register.FromW(W(rt));

    private static void SameSize(FpRegister a, FpRegister b)
    {
        if (a.Size != b.Size) throw new ArgumentException($"A pair needs two registers of one size ({a}, {b}).");
    }

    private static uint FpPairOpc(FpRegister rt) => rt.Size switch { FpSize.S => 0u, FpSize.D => 1u, _ => 2u };

    private static int FpBytes(FpRegister rt) => rt.Size switch { FpSize.S => 4, FpSize.D => 8, _ => 16 };

    private static int Status(Register status, Register rt, RegisterOrSp rn)
    {
        if (status.Is64Bit) throw new ArgumentException("The exclusive-store status is a W register.", nameof(status));
        // The architecture leaves a status register equal to the data or base register unpredictable.
        if (status.Code == rt.Code || (status.Code == rn.Code && !rn.IsSp))
            throw new ArgumentException($"The status register {status} must differ from {rt} and {rn}.", nameof(status));
        return status.Code;
    }

    private void Pair(uint opc, uint vector, bool load, int bytes, int rt1, int rt2, Mem mem)
    {
        // The architecture leaves these unpredictable; refuse them rather than emit them.
        if (load && rt1 == rt2) throw new ArgumentException("A pair load needs two different registers.", nameof(rt2));
        if (vector == 0 && mem.Mode != AddressingMode.Offset && !mem.Base.IsSp && (mem.Base.Code == rt1 || mem.Base.Code == rt2))
            throw new ArgumentException($"Writeback to {mem.Base} while transferring it is unpredictable.", nameof(mem));
        var mode = mem.Mode switch
        {
            AddressingMode.PostIndex => 0b001u,
            AddressingMode.Offset => 0b010u,
            AddressingMode.PreIndex => 0b011u,
            _ => throw new ArgumentException("Pairs take an immediate offset, pre-index or post-index address.", nameof(mem)),
        };
        if (mem.Offset % bytes != 0) throw new ArgumentException($"A pair offset must be a multiple of {bytes}.", nameof(mem));
        CheckRange(mem.Offset / bytes, -64, 63, nameof(mem));
        var imm7 = (uint)(mem.Offset / bytes) & 0x7F;
        Emit((opc << 30) | 0x28000000 | (vector << 26) | (mode << 23) | (load ? 1u << 22 : 0) | (imm7 << 15)
             | ((uint)rt2 << 10) | ((uint)mem.Base.Code << 5) | (uint)rt1);
    }

    private void Exclusive(uint size, uint bits, int rs, Register rt, RegisterOrSp rn)
    {
        if (!rn.Is64Bit) throw new ArgumentException("A base register must be 64-bit.", nameof(rn));
        Emit((size << 30) | bits | ((uint)rs << 16) | ((uint)rn.Code << 5) | (uint)rt.Code);
    }
}
