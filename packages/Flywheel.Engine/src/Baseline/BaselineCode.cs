using Flywheel.MachineCode;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// A function's baseline machine code. The code starts with an entry stub,
/// <c>void Enter(ulong* fp, BaselineState* state, byte* target)</c>, which saves the host's registers,
/// loads the frame pointer and accumulator, pushes <see cref="BaselineState.Continuations"/> (the
/// callers' resume addresses), and jumps to <c>target</c>: the code of the bytecode instruction to resume at. Every
/// instruction start is a resume point, because the interpreter hands control back after each
/// instruction it ran for the code (a slow path, a safepoint, a call machine code does not make),
/// and because a Return in machine code returns to the instruction after the call. Functions called
/// from machine code also have a call entry and a construct entry (BaselineCompiler.Calls.cs).
/// </summary>
internal sealed unsafe class BaselineCode(InstalledCode code, int[] resumeOffsets, int bytecodeLength)
{
    readonly int[] resumeOffsets = resumeOffsets;

    /// <summary>The installed code; freed when evicted, when its template is collected, or with the engine.</summary>
    public InstalledCode Code { get; } = code;

    /// <summary>Compile order, to evict the oldest first among equally cold functions.</summary>
    public long Serial { get; init; }

    /// <summary>The function's invocations + back-edges at the last eviction (or at compile time): activity since then is what keeps code.</summary>
    public long ActivityAtLastEviction { get; set; }

    /// <summary>Size of the bytecode compiled, for code-size-per-bytecode statistics.</summary>
    public int BytecodeLength { get; } = bytecodeLength;

    /// <summary>
    /// The entry stub: a regular unmanaged call, because baseline code calls runtime stubs
    /// (<c>[UnmanagedCallersOnly]</c> methods, which cannot be entered without the GC-mode transition).
    /// </summary>
    public delegate* unmanaged<ulong*, BaselineState*, nint, void> Enter =>
        (delegate* unmanaged<ulong*, BaselineState*, nint, void>)Code.Address;

    /// <summary>Address of the code for the instruction at bytecode offset <paramref name="pc"/>, or 0 when it is not an instruction start.</summary>
    public nint ResumeAddress(int pc)
    {
        int offset = (uint)pc < (uint)resumeOffsets.Length ? resumeOffsets[pc] : -1;
        return offset < 0 ? 0 : Code.Address + offset;
    }
}
