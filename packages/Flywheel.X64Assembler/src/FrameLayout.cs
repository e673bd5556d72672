using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.X64;

/// <summary>
/// A classic rbp-based frame: saved rbp, callee-saved registers, 8-byte local slots and room for
/// outgoing arguments, sized so that rsp is 16-byte aligned at every call made from the body.
/// </summary>
/// <remarks>
/// Layout, from higher to lower addresses: return address, saved rbp (rbp points here), saved
/// registers, locals (slot 0 nearest rbp), outgoing stack arguments and shadow space at rsp.
/// Only general-purpose registers are saved; Win64 code that uses xmm6–xmm15 must save them in a local.
/// </remarks>
public sealed class FrameLayout
{
    /// <summary>Describes a frame.</summary>
    /// <param name="convention">The convention the function is called with and calls out with.</param>
    /// <param name="savedRegisters">Callee-saved registers the body clobbers (rbp is always saved).</param>
    /// <param name="localSlots">How many 8-byte local slots the body needs.</param>
    /// <param name="outgoingStackArguments">The most stack-passed arguments any call in the body makes.</param>
    public FrameLayout(X64CallingConvention convention, IEnumerable<AssemblerRegister64> savedRegisters, int localSlots = 0, int outgoingStackArguments = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(outgoingStackArguments);
        Convention = convention;
        SavedRegisters = savedRegisters.Where(r => r != rbp).Distinct().ToArray();
        var notCalleeSaved = SavedRegisters.FirstOrDefault(r => !convention.CalleeSaved.Contains(r));
        if (notCalleeSaved != default)
            throw new ArgumentException($"{notCalleeSaved} is not callee-saved in {convention}; a frame does not preserve it.", nameof(savedRegisters));
        LocalSlots = localSlots;
        var below = 8 * localSlots + 8 * outgoingStackArguments + convention.ShadowSpaceBytes;
        var pushed = 8 * SavedRegisters.Count;
        // On entry rsp is 8 mod 16 (the return address); push rbp makes it 0.
        StackAdjustment = (below + pushed + 15) / 16 * 16 - pushed;
    }

    /// <summary>The convention the frame follows.</summary>
    public X64CallingConvention Convention { get; }

    /// <summary>The callee-saved registers pushed after rbp, in push order.</summary>
    public IReadOnlyList<AssemblerRegister64> SavedRegisters { get; }

    /// <summary>How many 8-byte locals the frame holds.</summary>
    public int LocalSlots { get; }

    /// <summary>How far the prologue lowers rsp after the pushes.</summary>
    public int StackAdjustment { get; }

    /// <summary>The rbp-relative memory operand of local slot <paramref name="index"/>.</summary>
    public AssemblerMemoryOperand Local(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, LocalSlots);
        return __qword_ptr[rbp - 8 * (SavedRegisters.Count + 1 + index)];
    }
}

public sealed partial class X64Assembler
{
    /// <summary>Emits the prologue of <paramref name="frame"/>.</summary>
    public void EmitPrologue(FrameLayout frame)
    {
        _iced.push(rbp);
        _iced.mov(rbp, rsp);
        foreach (var register in frame.SavedRegisters) _iced.push(register);
        if (frame.StackAdjustment > 0) _iced.sub(rsp, frame.StackAdjustment);
        Flush();
    }

    /// <summary>Emits the epilogue of <paramref name="frame"/>, ending with <c>ret</c>.</summary>
    public void EmitEpilogue(FrameLayout frame)
    {
        if (frame.SavedRegisters.Count > 0) _iced.lea(rsp, __[rbp - 8 * frame.SavedRegisters.Count]);
        else _iced.mov(rsp, rbp);
        for (var i = frame.SavedRegisters.Count - 1; i >= 0; i--) _iced.pop(frame.SavedRegisters[i]);
        _iced.pop(rbp);
        _iced.ret();
        Flush();
    }
}
