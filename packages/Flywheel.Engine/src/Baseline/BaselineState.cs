using System.Runtime.InteropServices;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// The memory baseline code and the interpreter exchange state through, one per engine, in unmanaged
/// memory (r13 in machine code). One activation of machine code (an <c>Enter</c>) runs from a frame
/// and bytecode offset through any number of JavaScript calls and returns made in machine code,
/// until an instruction it leaves to the interpreter; it then stores the accumulator, the frame it is
/// in and that instruction's offset here and returns. The offsets are what the code generator uses.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal unsafe struct BaselineState
{
    public const int AccOffset = 0, PcOffset = 8, BudgetOffset = 12;
    public const int FpOffset = 16, StackBaseOffset = 24, StackLimitOffset = 32, CallTableOffset = 40, GlobalReceiverOffset = 48;
    public const int ScratchOffset = 56, CallTableLengthOffset = 64, DepthOffset = 68, MaxDepthOffset = 72, CallDepthOffset = 76, ContinuationsOffset = 80;
    public const int RuntimeOffset = 144, SavedRspOffset = 152, SafepointDueOffset = 160, NativesInlineOffset = 164, NativeDepthOffset = 168, HostCallOffset = 172, InitialBudgetOffset = 176;

    /// <summary>
    /// What a runtime stub returns for a call it did not make (no effect: the code exits before the
    /// call) and for a call that threw (the code exits at the call, where the interpreter raises the
    /// exception). Neither is a value: both have the "other" tag bit but are not a defined constant,
    /// and neither is a cell address (not 8-byte aligned).
    /// </summary>
    public const ulong CallNotMade = 0x12, CallThrew = 0x16;

    /// <summary>
    /// <see cref="SafepointDue"/> values: set by a construction's receiver allocation, which took the
    /// safepoint's budget, and by a native call, which took none.
    /// </summary>
    public const int SafepointDueAfterAllocation = 1, SafepointDueAfterCall = 2;

    /// <summary>
    /// <see cref="Pc"/> on exit when the activation's entry frame returned to the host: its Return
    /// popped it in machine code and returned into the entry stub, which called it (<see cref="HostCall"/>);
    /// <see cref="Acc"/> holds the result.
    /// </summary>
    public const int ReturnedToHost = -1;

    /// <summary>How many callers' resume addresses an entry can push (<see cref="Continuations"/>).</summary>
    public const int MaxContinuations = 2;

    /// <summary>
    /// Calls made in machine code one activation may nest before the next call exits (and the
    /// interpreter starts a new activation for the callee): it bounds the native stack an activation
    /// uses to one return address per nested call.
    /// </summary>
    public const int MaxMachineCallDepth = 8192;

    /// <summary>The accumulator on entry and on exit.</summary>
    [FieldOffset(AccOffset)] public ulong Acc;

    /// <summary>On exit: the bytecode offset of the instruction the interpreter is to run next, in the frame <see cref="Fp"/>.</summary>
    [FieldOffset(PcOffset)] public int Pc;

    /// <summary>
    /// Safepoints (calls, returns, loop back-edges) left before the code exits to let the interpreter
    /// run one: the interpreter's own interrupt budget, or 1 when a collection is due.
    /// </summary>
    [FieldOffset(BudgetOffset)] public int Budget;

    /// <summary>On exit: the frame the code was running, which calls and returns in machine code may have changed.</summary>
    [FieldOffset(FpOffset)] public ulong* Fp;

    /// <summary>The JavaScript stack's base (frames record their caller as a slot index from it) and its limit.</summary>
    [FieldOffset(StackBaseOffset)] public ulong* StackBase;

    /// <inheritdoc cref="StackBase"/>
    [FieldOffset(StackLimitOffset)] public ulong* StackLimit;

    /// <summary>
    /// Machine-code entries by function template index, two words each: the call entry and the
    /// construct entry (0: such calls exit); see <see cref="BaselineJit.SetCallEntries"/>.
    /// <see cref="CallTableLength"/> templates.
    /// </summary>
    [FieldOffset(CallTableOffset)] public nint* CallTable;

    /// <summary>The receiver a sloppy-mode function sees for an undefined or null <c>this</c>.</summary>
    [FieldOffset(GlobalReceiverOffset)] public ulong GlobalReceiver;

    /// <summary>A word call sites count into when call feedback is off.</summary>
    [FieldOffset(ScratchOffset)] public long Scratch;

    /// <inheritdoc cref="CallTable"/>
    [FieldOffset(CallTableLengthOffset)] public int CallTableLength;

    /// <summary>The interpreter's frame depth, kept by calls and returns in machine code, and its limit.</summary>
    [FieldOffset(DepthOffset)] public int Depth;

    /// <inheritdoc cref="Depth"/>
    [FieldOffset(MaxDepthOffset)] public int MaxDepth;

    /// <summary>
    /// Return addresses the current activation has on the native stack: a Return in machine code with
    /// none exits, so the interpreter returns from the frame (an entry frame, a generator, or a frame
    /// whose caller runs in the interpreter). On entry: how many of <see cref="Continuations"/> to push.
    /// </summary>
    [FieldOffset(CallDepthOffset)] public int CallDepth;

    /// <summary>
    /// On entry: the resume addresses in the callers' code that the entered frame and its callers
    /// return to, innermost first, for the chain of callers that have baseline code. The entry stub
    /// pushes them as if machine code had made those calls, so those frames return in machine code.
    /// </summary>
    [FieldOffset(ContinuationsOffset)] public fixed long Continuations[MaxContinuations];

    /// <summary>A GC handle to the interpreter, the first argument of the runtime stubs machine code calls.</summary>
    [FieldOffset(RuntimeOffset)] public nint Runtime;

    /// <summary>The stack pointer across a runtime stub call, which realigns the native stack.</summary>
    [FieldOffset(SavedRspOffset)] public nint SavedRsp;

    /// <summary>
    /// Set by a runtime stub whose allocation made a collection due: the code exits after the
    /// instruction's effect and the interpreter runs the safepoint the instruction has in the interpreter.
    /// </summary>
    [FieldOffset(SafepointDueOffset)] public int SafepointDue;

    /// <summary>
    /// Whether the activation may compute calls of built-ins inline (BaselineCompiler.Intrinsics.cs): 0
    /// when the interpreter's call of a native would overflow the .NET stack (the code then makes the
    /// call through the stub, which raises the RangeError). Set on entry. The native depth, which
    /// getters and setters raise within an activation, is checked at the call (<see cref="NativeDepth"/>).
    /// </summary>
    [FieldOffset(NativesInlineOffset)] public int NativesInline;

    /// <summary>
    /// The interpreter's native nesting depth (<c>Interp.MaxNativeDepth</c>) while the code runs: getters
    /// and setters called from machine code count toward it as the interpreter's nested calls do
    /// (<see cref="Interpreter.FrameFlags.Accessor"/>).
    /// </summary>
    [FieldOffset(NativeDepthOffset)] public int NativeDepth;

    /// <summary>
    /// On entry: nonzero when the activation starts an entry frame that native code called
    /// (Interp.RunEntryFrameInMachineCode): the entry stub then calls the code as machine code calls a
    /// function, with <see cref="CallDepth"/> 1 and no continuations, so the frame's Return returns into
    /// the stub and the activation ends with <see cref="Pc"/> = <see cref="ReturnedToHost"/>.
    /// </summary>
    [FieldOffset(HostCallOffset)] public int HostCall;

    /// <summary>
    /// The <see cref="Budget"/> the activation was given (or last re-based to): the interpreter's own
    /// budget is <see cref="Budget"/> - InitialBudget ahead of its count, which the interpreter settles
    /// when the activation exits and before it works on the code's behalf (Interp.OnBehalfOfMachineCode),
    /// where nested calls take from its budget too.
    /// </summary>
    [FieldOffset(InitialBudgetOffset)] public int InitialBudget;
}
