using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The one JavaScript stack, in unmanaged memory, shared by the interpreter and (later) baseline
/// code. It grows upward in 8-byte value slots. Frame layout, relative to the frame pointer fp:
/// <code>
///   fp[-argc] … fp[-1]   actual arguments, pushed by the caller
///   fp[0]  argc            int32
///   fp[1]  callee          the function object
///   fp[2]  receiver        this as passed (before sloppy-mode coercion)
///   fp[3]  new.target      undefined for calls
///   fp[4]  context         the current context cell (or undefined)
///   fp[5]  caller fp       int32: slot index of the caller's fp from the stack base (-1 = none)
///   fp[6]  return pc       int32: bytecode offset in the caller to resume at
///   fp[7]  frame flags     int32: <see cref="FrameFlags"/>
///   fp[8 + i]              register ri (parameters are r0 … r(paramCount-1))
///   sp = fp + 8 + registerCount
/// </code>
/// Every slot between the base and the top always holds a valid value (raw words are int32-tagged),
/// so the GC scans the used stack linearly and precisely.
/// </summary>
internal sealed unsafe class JsStack : IDisposable
{
    public const int HeaderSlots = 8;
    public const int ArgcSlot = 0, CalleeSlot = 1, ReceiverSlot = 2, NewTargetSlot = 3, ContextSlot = 4, CallerFpSlot = 5, ReturnPcSlot = 6, FlagsSlot = 7;

    public readonly ulong* Base;
    public readonly ulong* Limit;
    /// <summary>First free slot.</summary>
    public ulong* Top;
    readonly long slots;

    public JsStack(long bytes)
    {
        slots = Math.Max(16 * 1024, bytes / 8);
        Base = (ulong*)NativeMemory.Alloc((nuint)(slots * 8));
        Limit = Base + slots - 1024;
        Top = Base;
    }

    public long UsedBytes => (Top - Base) * 8;

    public void Dispose() => NativeMemory.Free(Base);
}

/// <summary>Bits of a frame's flags slot.</summary>
[Flags]
internal enum FrameFlags
{
    None = 0,
    /// <summary>Entered from C# (Interp.Call): returning from it leaves the dispatch loop.</summary>
    Entry = 1,
    /// <summary>A [[Construct]] call: a non-object return value is replaced by the receiver.</summary>
    Construct = 2,
    /// <summary>A generator resumed by next()/throw()/return(): its registers are saved on return.</summary>
    Generator = 4,
    /// <summary>
    /// With <see cref="Generator"/>: a generator resumed by its caller's <c>IteratorStep</c> in the
    /// caller's dispatch loop (the return pc is after that instruction). A yield continues the caller
    /// after the IteratorStep with the value in the accumulator, a return takes the IteratorStep's
    /// exit jump, so no iterator result object is made and no C# frame nests per generator.
    /// </summary>
    IteratorStep = 8,
    /// <summary>
    /// A getter or setter that baseline code called for its <c>GetNamed</c> or <c>SetNamed</c> in place
    /// of the interpreter's nested call (<c>Interp.Call</c> with an <see cref="Entry"/> frame), made to
    /// be indistinguishable from it: the frame sits where that call puts it, above the receiver and the
    /// accessor function (and, for a setter, the value: <c>fp[-2]</c>), and it counts toward
    /// <c>Interp.MaxNativeDepth</c> as the nested call does. Its return runs no safepoint (the entry
    /// frame's return to C# runs none) and continues the caller at the return pc, the instruction
    /// after the access, with the getter's result in the accumulator.
    /// </summary>
    Accessor = 16,
    /// <summary>
    /// With <see cref="Accessor"/>: a setter's frame, whose return leaves the assigned value
    /// (<c>fp[-2]</c>) in the accumulator instead of the setter's result, as a <c>SetNamed</c> does.
    /// </summary>
    Setter = 32,
}
