using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The interpreter's side of the baseline tier. Baseline code shares the interpreter's frames, so
/// the dispatch loop hands a frame to its function's machine code at the points where control
/// arrives at an instruction (function entry, a return into the frame, a loop back-edge, after any
/// instruction it ran itself) and takes it back when the code exits before an instruction it leaves
/// to the interpreter. Machine code calls and returns between compiled functions itself, so the
/// frame it exits in may be another than the one it was entered with: the loop then continues in
/// that frame. Machine code calls .NET only through <c>[UnmanagedCallersOnly]</c> runtime stubs
/// (<see cref="ConstructReceiverStub"/>, <see cref="CallNativeStub"/>), and no .NET exception ever
/// unwinds through machine code.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>The baseline tier, when the engine runs with it.</summary>
    public BaselineJit? Jit;

    /// <summary>Safepoints one entry into machine code runs before it exits to let the interpreter run one.</summary>
    const int MaxSafepointsPerEntry = 1000;

    /// <summary>
    /// Runs <paramref name="t"/>'s baseline code (compiling it first when the tier compiles on first
    /// call) for frame <paramref name="fp"/> from <paramref name="pc"/> with the accumulator in
    /// <paramref name="st"/>. Afterwards <paramref name="st"/> holds the frame, instruction and
    /// accumulator the interpreter is to continue with; returns false when no code ran (then only
    /// <see cref="LoopState.Pc"/> was set, to <paramref name="pc"/>) or when the code exited in the
    /// frame it was entered with: then the caller's frame-derived locals are still right.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    bool EnterBaseline(ulong* fp, FunctionTemplate t, byte* pc, LoopState* st)
    {
        st->Pc = pc;
        var code = BaselineCodeOf(t);
        if (code == null) return false;
        nint target = code.ResumeAddress((int)(pc - t.Code));
        if (target == 0) return false;
        var state = Jit!.State;
        BeginActivation(fp, st->Acc);
        // Frames that will return into callers with baseline code return in machine code, as if
        // machine code had called them: the entry stub pushes the callers' resume addresses.
        int continuations = 0;
        for (ulong* f = fp; continuations < BaselineState.MaxContinuations; continuations++)
        {
            if ((new JsValue(f[JsStack.FlagsSlot]).Int32 & (int)(FrameFlags.Entry | FrameFlags.Generator)) != 0) break;
            ulong* caller = Stack.Base + new JsValue(f[JsStack.CallerFpSlot]).Int32;
            nint resume = FrameTemplate(caller).Baseline?.ResumeAddress(new JsValue(f[JsStack.ReturnPcSlot]).Int32) ?? 0;
            if (resume == 0) break;
            state->Continuations[continuations] = resume;
            f = caller;
        }
        state->CallDepth = continuations;
        ulong entryCallee = fp[JsStack.CalleeSlot];
        Jit.Run(code, fp, target);
        return FinishActivation(fp, t, entryCallee, st);
    }

    /// <summary>
    /// <paramref name="t"/>'s baseline code, compiled first when the tier compiles on first call;
    /// null when it has none (and will not get any now).
    /// </summary>
    BaselineCode? BaselineCodeOf(FunctionTemplate t)
    {
        var jit = Jit;
        if (jit == null) return null;
        var code = t.Baseline;
        if (code == null)
        {
            if (t.BaselineRejected || !jit.CompileOnFirstCall) return null;
            jit.Compile(t);
            code = t.Baseline;
        }
        return code;
    }

    /// <summary>
    /// Sets up the state for an activation of machine code in frame <paramref name="fp"/> with
    /// accumulator <paramref name="acc"/>, except its continuations, with a share of the safepoint
    /// budget (<see cref="BaselineState.InitialBudget"/>) that <see cref="FinishActivation"/> (or a
    /// return to the host) settles.
    /// </summary>
    void BeginActivation(ulong* fp, JsValue acc)
    {
        var state = Jit!.State;
        if (state->Runtime == 0) state->Runtime = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        state->Acc = acc.Bits;
        state->Fp = fp;
        state->StackBase = Stack.Base;
        state->StackLimit = Stack.Limit;
        state->Depth = Depth;
        state->NativeDepth = nativeDepth;
        state->MaxDepth = realm.Limits.MaxCallDepth;
        state->GlobalReceiver = (ulong)realm.GlobalObject;
        // The code runs safepoints (calls, returns, back-edges) against the interpreter's budget and
        // exits before the one that would run it out, or before the first one when the interpreter's
        // next safepoint would collect or sample: the interpreter then runs that instruction and its
        // safepoint, so limits, collections and samples happen where they would in the interpreter.
        bool safepointDue = realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes) || realm.Profiling.SampleDue;
        // At most MaxSafepointsPerEntry in any case: the entry skips the GC-mode transition, so a .NET
        // collection on another thread waits for the next exit.
        int initialBudget = safepointDue ? 1 : (int)Math.Min(budget, MaxSafepointsPerEntry);
        state->Budget = initialBudget;
        state->InitialBudget = initialBudget;
        state->NativesInline = RuntimeHelpers.TryEnsureSufficientExecutionStack() ? 1 : 0;
        state->HostCall = 0;
    }

    /// <summary>
    /// After an activation entered in frame <paramref name="fp"/> (running <paramref name="t"/>, with
    /// callee <paramref name="entryCallee"/>) exited: takes over the frame, instruction and
    /// accumulator it exited at into <paramref name="st"/> and the depths and budget share it used, raises
    /// the exception a native it called threw, and runs the safepoint an allocation made due.
    /// Returns whether the code exited in another frame than <paramref name="fp"/>.
    /// </summary>
    bool FinishActivation(ulong* fp, FunctionTemplate t, ulong entryCallee, LoopState* st)
    {
        var state = Jit!.State;
        int left = state->Budget;
        // An exit for a used-up budget gave its safepoint back: the interpreter runs it.
        budget -= state->InitialBudget - left - (left <= 0 ? 1 : 0);
        Depth = state->Depth;
        // Getters and setters the code called and is still in (FrameFlags.Accessor) count as nested calls.
        nativeDepth = state->NativeDepth;
        // The same frame pointer with the same callee is the same frame (or one just like it): the
        // template and stack top are unchanged.
        bool sameFrame = state->Fp == fp && fp[JsStack.CalleeSlot] == entryCallee;
        if (!sameFrame)
        {
            fp = state->Fp;
            t = FrameTemplate(fp);
            Stack.Top = fp + JsStack.HeaderSlots + t.RegisterCount;
            st->Fp = fp;
        }
        st->Acc = new JsValue(state->Acc);
        byte* next = t.Code + state->Pc;
        st->Pc = next;
        Jit.Exits[*next]++;
        if (pendingMachineThrow != null)
        {
            // A native called from machine code threw: raised here, at the call, as the interpreter would.
            var pending = pendingMachineThrow;
            pendingMachineThrow = null;
            state->SafepointDue = 0;
            pending.Throw();
        }
        if (state->SafepointDue != 0)
        {
            // A construction in machine code allocated and made a collection due: its safepoint, whose
            // budget the code already took (hence the +1), runs here in the new frame. After a native
            // call or a slow path that allocated, the collection runs here, where the interpreter has no
            // safepoint: the +1 keeps the budget (statement limits, time checks) counting as the interpreter's.
            state->SafepointDue = 0;
            budget++;
            Safepoint(st->Acc, fp);
        }
        return !sameFrame;
    }

    /// <summary>
    /// Runs the entry frame <paramref name="fp"/> that a call from native code (a callback of a
    /// built-in, a getter, a host call) pushed for <paramref name="t"/>, whose baseline code is
    /// <paramref name="code"/>, starting in that code without a dispatch loop: the entry stub calls the
    /// code as machine code calls a function (<see cref="BaselineState.HostCall"/>), so the frame's Return returns in
    /// machine code (without a safepoint, as the interpreter's return to C# has none) and the
    /// activation ends with the result. Everything else (an exit anywhere, a throw) continues in a
    /// dispatch loop from where the code exited, exactly as if the loop had entered the code.
    /// </summary>
    JsValue RunEntryFrameInMachineCode(ulong* fp, FunctionTemplate t, BaselineCode code)
    {
        var jit = Jit!;
        var state = jit.State;
        LoopState st;
        st.Fp = fp;
        st.Pc = t.Code;
        st.Acc = JsValue.Undefined;
        // Natives the code calls (CallNativeStub) link their frames and stack traces from here, as from the loop's state.
        var outer = active;
        active = &st;
        BeginActivation(fp, st.Acc);
        state->HostCall = 1;
        ulong entryCallee = fp[JsStack.CalleeSlot];
        jit.Run(code, fp, code.ResumeAddress(0));
        active = outer;
        if (state->Pc == BaselineState.ReturnedToHost)
        {
            // The frame's Return popped it in machine code (Depth included); the rest of the interpreter's return of an entry frame.
            budget -= state->InitialBudget - state->Budget;
            Depth = state->Depth;
            nativeDepth = state->NativeDepth;
            Stack.Top = fp - new JsValue(fp[JsStack.ArgcSlot]).Int32;
            Yielded = false;
            return new JsValue(state->Acc);
        }
        return Loop(fp, &st, afterExit: true, entryCallee);
    }

    /// <summary>The address of <see cref="ConstructReceiverStub"/>, which baseline code calls.</summary>
    public static nint ConstructReceiverStubAddress => (nint)(delegate* unmanaged<nint, ulong, ulong>)&ConstructReceiverStub;

    /// <summary>
    /// A runtime stub for baseline code: the receiver <see cref="ConstructReceiver"/> makes for a
    /// construction of bytecode function <paramref name="callee"/>, or 0 when that failed; the code
    /// then exits and the interpreter makes the construction, raising whatever error it raises. No
    /// exception may unwind into machine code.
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong ConstructReceiverStub(nint runtime, ulong callee)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            return interp.ConstructReceiverForMachineCode(new JsValue(callee));
        }
#pragma warning disable CA1031 // Any exception: the interpreter repeats the allocation and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    ulong ConstructReceiverForMachineCode(JsValue callee)
    {
        var receiver = ConstructReceiver(Functions.Template(realm, callee.Ptr), callee);
        if (realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes)) Jit!.State->SafepointDue = BaselineState.SafepointDueAfterAllocation;
        return receiver.Bits;
    }
}
