using System.Runtime.InteropServices;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// The memory baseline code and the interpreter exchange state through, one per engine, in unmanaged
/// memory (r13 in machine code). Baseline code never changes frames: it runs one frame from a
/// bytecode offset until an instruction it leaves to the interpreter, then stores the accumulator
/// and that instruction's offset here and returns. The offsets are what the code generator uses.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal struct BaselineState
{
    public const int AccOffset = 0, PcOffset = 8, BudgetOffset = 12;

    /// <summary>The accumulator on entry and on exit.</summary>
    [FieldOffset(AccOffset)] public ulong Acc;

    /// <summary>On exit: the bytecode offset of the instruction the interpreter is to run next.</summary>
    [FieldOffset(PcOffset)] public int Pc;

    /// <summary>Loop back-edges left before the code exits to let the interpreter run a safepoint (GC, time limits, interrupts).</summary>
    [FieldOffset(BudgetOffset)] public int Budget;
}
