using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64;

/// <summary>
/// The register conventions of the ARM64 procedure-call standard (AAPCS64) as used on Linux,
/// macOS and Windows alike for the parts a JIT touches.
/// </summary>
public static class Aapcs64
{
    /// <summary>Integer and pointer arguments, in order (x0–x7); x0 also carries the result.</summary>
    public static IReadOnlyList<Register> ArgumentRegisters { get; } = [X0, X1, X2, X3, X4, X5, X6, X7];

    /// <summary>Floating-point arguments, in order (d0–d7); d0 also carries the result.</summary>
    public static IReadOnlyList<FpRegister> FpArgumentRegisters { get; } = [D0, D1, D2, D3, D4, D5, D6, D7];

    /// <summary>General registers a callee must preserve (x19–x28; x29 and x30 are saved by the frame record).</summary>
    public static IReadOnlyList<Register> CalleeSaved { get; } = [X19, X20, X21, X22, X23, X24, X25, X26, X27, X28];

    /// <summary>FP registers whose low 64 bits a callee must preserve (d8–d15).</summary>
    public static IReadOnlyList<FpRegister> CalleeSavedFp { get; } = [D8, D9, D10, D11, D12, D13, D14, D15];

    /// <summary>Temporaries a call may clobber that carry no arguments (x9–x15).</summary>
    public static IReadOnlyList<Register> Temporaries { get; } = [X9, X10, X11, X12, X13, X14, X15];

    /// <summary>The intra-procedure-call scratch registers (x16, x17): veneers and PLT stubs may clobber them between a call and its callee.</summary>
    public static IReadOnlyList<Register> IntraProcedureScratch { get; } = [X16, X17];

    /// <summary>The platform register (x18): reserved on macOS and Windows, so generated code never uses it.</summary>
    public static Register PlatformRegister => X18;

    /// <summary>The stack pointer must be a multiple of this at every public interface and every access through sp.</summary>
    public const int StackAlignment = 16;
}

/// <summary>
/// A standard frame: a frame record (x29, x30) at the top, then saved callee-saved registers in
/// pairs, then locals, keeping sp 16-byte aligned. x29 points at the frame record, so debuggers
/// and profilers can walk the stack.
/// </summary>
public sealed class Aapcs64Frame
{
    private readonly Register[] _saved;
    private readonly FpRegister[] _savedFp;

    /// <summary>Describes a frame saving <paramref name="saved"/> and <paramref name="savedFp"/> with <paramref name="localBytes"/> of locals.</summary>
    public Aapcs64Frame(int localBytes, IEnumerable<Register>? saved = null, IEnumerable<FpRegister>? savedFp = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localBytes, 0xFFF000);
        _saved = [.. (saved ?? []).Select(r => r.X)];
        _savedFp = [.. (savedFp ?? []).Select(r => FpRegister.From(r.Code, FpSize.D))];
        LocalBytes = (localBytes + 15) & ~15;
    }

    /// <summary>The bytes of locals, rounded up to 16; they start at [sp] after the prologue.</summary>
    public int LocalBytes { get; }

    /// <summary>The whole frame size in bytes, frame record included.</summary>
    public int FrameBytes => 16 + 16 * ((_saved.Length + 1) / 2) + 16 * ((_savedFp.Length + 1) / 2) + LocalBytes;

    /// <summary>Emits the prologue: push the frame record, set x29, save registers, reserve locals.</summary>
    public void EmitPrologue(Arm64Assembler asm)
    {
        asm.Stp(FP, LR, Mem.PreIndex(SP, -16));
        asm.Mov(SP_As(FP), SP);
        for (var i = 0; i < _saved.Length; i += 2)
        {
            if (i + 1 < _saved.Length) asm.Stp(_saved[i], _saved[i + 1], Mem.PreIndex(SP, -16));
            else asm.Str(_saved[i], Mem.PreIndex(SP, -16));
        }
        for (var i = 0; i < _savedFp.Length; i += 2)
        {
            if (i + 1 < _savedFp.Length) asm.Stp(_savedFp[i], _savedFp[i + 1], Mem.PreIndex(SP, -16));
            else asm.Str(_savedFp[i], Mem.PreIndex(SP, -16));
        }
        AdjustSp(asm, -LocalBytes);
    }

    /// <summary>Emits the epilogue, the prologue's mirror image, followed by <c>ret</c>.</summary>
    public void EmitEpilogue(Arm64Assembler asm)
    {
        AdjustSp(asm, LocalBytes);
        for (var i = (_savedFp.Length - 1) & ~1; i >= 0; i -= 2)
        {
            if (i + 1 < _savedFp.Length) asm.Ldp(_savedFp[i], _savedFp[i + 1], Mem.PostIndex(SP, 16));
            else asm.Ldr(_savedFp[i], Mem.PostIndex(SP, 16));
        }
        for (var i = (_saved.Length - 1) & ~1; i >= 0; i -= 2)
        {
            if (i + 1 < _saved.Length) asm.Ldp(_saved[i], _saved[i + 1], Mem.PostIndex(SP, 16));
            else asm.Ldr(_saved[i], Mem.PostIndex(SP, 16));
        }
        asm.Ldp(FP, LR, Mem.PostIndex(SP, 16));
        asm.Ret();
    }

    private static RegisterOrSp SP_As(Register register) => register;

    private static void AdjustSp(Arm64Assembler asm, int delta)
    {
        var amount = Math.Abs(delta);
        // Two steps keep any size up to 16 MiB encodable: the high part uses the shifted immediate.
        var high = amount & 0xFFF000;
        var low = amount & 0xFFF;
        if (delta < 0)
        {
            if (high != 0) asm.Sub(SP, SP, high);
            if (low != 0) asm.Sub(SP, SP, low);
        }
        else
        {
            if (high != 0) asm.Add(SP, SP, high);
            if (low != 0) asm.Add(SP, SP, low);
        }
    }
}
