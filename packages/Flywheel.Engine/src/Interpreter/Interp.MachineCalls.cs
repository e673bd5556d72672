using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The interpreter working on baseline code's behalf without the code exiting: calls of native (and
/// bound) functions (<see cref="CallNativeStub"/>) and the slow path of any instruction that neither
/// changes frames nor runs a safepoint (<see cref="StepStub"/>, which runs the instruction in the
/// dispatch loop itself, so its meaning is the interpreter's by construction). Both run on the
/// interpreter's state made to look as if the interpreter were at that instruction. What they run may
/// call back into JavaScript, which starts a nested activation of machine code: the
/// activation-specific words of the shared <see cref="BaselineState"/> are saved around it and
/// restored before the code continues.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>A thrown exception waiting for the code's exit, which raises it at the instruction (see <see cref="EnterBaseline"/>).</summary>
    ExceptionDispatchInfo? pendingMachineThrow;

    /// <summary>Set by a single-instruction dispatch that did nothing because the instruction must run in a full loop.</summary>
    bool stepDeclined;

    /// <summary>Slow paths baseline code ran through <see cref="StepStub"/>, by opcode.</summary>
    public readonly long[] MachineCodeSteps = new long[256];

    /// <summary>Calls baseline code made through <see cref="CallNativeStub"/> (built-ins computed inline are not among them).</summary>
    public long MachineCodeNativeCalls;

    /// <summary>The address of <see cref="CallNativeStub"/>, which baseline code calls.</summary>
    public static nint CallNativeStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong>)&CallNativeStub;

    /// <summary>The address of <see cref="StepStub"/>, which baseline code calls.</summary>
    public static nint StepStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&StepStub;

    /// <summary>
    /// A runtime stub for baseline code: makes the call (<c>Call</c>, <c>CallSpread</c>,
    /// <c>Construct</c>, <c>ConstructSpread</c>) at bytecode offset <paramref name="pc"/> of frame
    /// <paramref name="fp"/> when its callee is a native function (possibly through bound functions
    /// and <c>call</c>), and returns the result. <see cref="BaselineState.CallNotMade"/>: the call was
    /// not made and had no effect (the code exits and the interpreter makes it);
    /// <see cref="BaselineState.CallThrew"/>: it threw (the code exits at the call and the interpreter
    /// raises the exception there). No exception may unwind into machine code.
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong CallNativeStub(nint runtime, ulong* fp, int pc)
    {
        try
        {
            return ((Interp)GCHandle.FromIntPtr(runtime).Target!).OnBehalfOfMachineCode(fp, pc, JsValue.Undefined, step: false);
        }
#pragma warning disable CA1031 // Nothing may unwind into machine code; OnBehalfOfMachineCode keeps what it catches.
        catch (Exception)
#pragma warning restore CA1031
        {
            return BaselineState.CallNotMade;
        }
    }

    /// <summary>
    /// A runtime stub for baseline code: runs the instruction at bytecode offset <paramref name="pc"/>
    /// of frame <paramref name="fp"/> with accumulator <paramref name="acc"/> as the interpreter does
    /// and returns the new accumulator, with the offset of the instruction to continue at in
    /// <see cref="BaselineState.Pc"/> (the next one, or a jump's target; <paramref name="pc"/> itself
    /// when it fails);
    /// <see cref="BaselineState.CallNotMade"/> when it did nothing because the instruction must run in
    /// the interpreter's own loop (an IteratorStep resuming a generator there: the code exits);
    /// <see cref="BaselineState.CallThrew"/> when it threw (the code exits at the instruction, where
    /// the interpreter raises the exception). No exception may unwind into machine code.
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong StepStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            return ((Interp)GCHandle.FromIntPtr(runtime).Target!).OnBehalfOfMachineCode(fp, pc, new JsValue(acc), step: true);
        }
#pragma warning disable CA1031 // As CallNativeStub.
        catch (Exception)
#pragma warning restore CA1031
        {
            return BaselineState.CallNotMade;
        }
    }

    ulong OnBehalfOfMachineCode(ulong* fp, int pc, JsValue acc, bool step)
    {
        var state = Jit!.State;
        // The words of the activation a nested one overwrites (the others are the same for every
        // activation, or read only on entry).
        ulong savedAcc = state->Acc;
        ulong* savedFp = state->Fp;
        int savedBudget = state->Budget, savedDepth = state->Depth, savedCallDepth = state->CallDepth;
        int savedNativesInline = state->NativesInline, savedNativeDepth = state->NativeDepth;
        nint savedRsp = state->SavedRsp;
        // The budget the code took so far is the interpreter's from here: what runs now (nested calls,
        // their safepoints) counts on from where the interpreter would be, and the code goes on with
        // no more than is left (see the finally block), so both stop at the same safepoint.
        budget -= state->InitialBudget - savedBudget;
        var outer = active;
        ulong* top = Stack.Top;
        int depth = Depth, nesting = nativeDepth;
        var t = FrameTemplate(fp);
        // The interpreter's view of the machine code's position: where stack traces start, where
        // nested frames link to, and the top of the stack the callee's frames go above.
        LoopState here;
        here.Fp = fp;
        here.Pc = t.Code + pc;
        here.Acc = acc;
        active = &here;
        Stack.Top = fp + JsStack.HeaderSlots + t.RegisterCount;
        Depth = state->Depth;
        // Getters and setters machine code is in count as nested calls (FrameFlags.Accessor).
        nativeDepth = state->NativeDepth;
        bool collectionDue = false, completed = false;
        try
        {
            JsValue result;
            if (step)
            {
                MachineCodeSteps[t.Code[pc]]++;
                result = Dispatch<SingleInstruction>(fp, &here);
                if (stepDeclined)
                {
                    stepDeclined = false;
                    MachineCodeSteps[t.Code[pc]]--;
                    return BaselineState.CallNotMade;
                }
                // Steppable instructions never change frames (Dispatch<SingleInstruction> keeps it so); if one
                // did, continuing the code in the wrong frame would corrupt it: fail the script instead.
                if (here.Fp != fp) throw new InvalidOperationException($"a stepped {(Opcode)t.Code[pc]} changed frames");
            }
            else
            {
                result = CallNative(fp, t, here.Pc);
                if (result.Bits == BaselineState.CallNotMade) return BaselineState.CallNotMade;
                MachineCodeNativeCalls++;
            }
            collectionDue = realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes);
            completed = true;
            return result.Bits;
        }
#pragma warning disable CA1031 // Raised again by the interpreter at the instruction, where it happened.
        catch (Exception e)
#pragma warning restore CA1031
        {
            pendingMachineThrow = ExceptionDispatchInfo.Capture(e);
            return BaselineState.CallThrew;
        }
        finally
        {
            state->Acc = savedAcc;
            state->Fp = savedFp;
            int share = (int)Math.Min(savedBudget, budget);
            state->Budget = share;
            state->InitialBudget = share;
            state->Depth = savedDepth;
            state->CallDepth = savedCallDepth;
            state->NativesInline = savedNativesInline;
            state->NativeDepth = savedNativeDepth;
            state->SavedRsp = savedRsp;
            // Where the code goes on: the next instruction, or this one when it exits for a throw or a decline.
            state->Pc = !completed ? pc : step ? (int)(here.Pc - t.Code) : pc + Sizes[t.Code[pc]];
            // The collection runs at the interpreter's safepoint: the code exits after the instruction.
            state->SafepointDue = collectionDue ? BaselineState.SafepointDueAfterCall : 0;
            active = outer;
            Stack.Top = top;
            Depth = depth;
            nativeDepth = nesting;
        }
    }

    /// <summary>The dispatch loop's call at <paramref name="ip"/> when its callee ends in a native; <see cref="BaselineState.CallNotMade"/> (as bits) otherwise.</summary>
    JsValue CallNative(ulong* fp, FunctionTemplate t, byte* ip)
    {
        var regs = (JsValue*)(fp + JsStack.HeaderSlots);
        var op = (Opcode)(*ip);
        bool construct = op is Opcode.Construct or Opcode.ConstructSpread;
        bool spread = op is Opcode.CallSpread or Opcode.ConstructSpread;
        var callee = regs[*(ushort*)(ip + 1)];
        var recv = construct ? JsValue.Undefined : regs[*(ushort*)(ip + 3)];
        int operands = construct ? 3 : 5;
        JsValue* argv = spread ? null : regs + *(ushort*)(ip + operands);
        int argc = spread ? 0 : *(ushort*)(ip + operands + 2);
        if (construct ? !Realm.IsConstructor(callee) || Functions.Kind(callee.Ptr) != FunctionKind.Native : !EndsInNative(callee, recv, argv, argc))
            return new JsValue(BaselineState.CallNotMade);
        // From here on the call is made, as the interpreter makes it.
        ulong* spreadBase = null;
        if (spread) argv = (JsValue*)(spreadBase = SpreadArgs(regs[*(ushort*)(ip + operands)], out argc));
        if (!construct) UnwrapCall(ref callee, ref recv, ref argv, ref argc, ref spreadBase);
        RecordCallTarget(t, ip, callee);
        return InvokePopping(callee, construct ? JsValue.Empty : recv, argv, argc, construct ? callee : JsValue.Undefined, spreadBase);
    }

    /// <summary>
    /// Whether a call of <paramref name="callee"/> reaches a native function through bound functions
    /// and <c>call</c> (as <see cref="UnwrapCall"/> unwraps them) without touching anything observable:
    /// <c>apply</c> reads its argument list, and generators resumed by <c>next</c> run in the loop.
    /// A spread call (null <paramref name="argv"/>) has its arguments only after the spread, so only
    /// natives that are not <c>call</c> qualify.
    /// </summary>
    bool EndsInNative(JsValue callee, JsValue recv, JsValue* argv, int argc)
    {
        for (int guard = 0; guard < 8 && Realm.IsCallable(callee); guard++)
        {
            nint fo = callee.Ptr;
            switch (Functions.Kind(fo))
            {
                case FunctionKind.Bound:
                    recv = Layout.Internal(fo, 2);
                    callee = Layout.Internal(fo, 1);
                    argv = null;
                    continue;
                case FunctionKind.Native:
                    var index = Layout.Internal(fo, 0);
                    if (index.Bits == realm.NativeApplyIndex.Bits && Realm.IsCallable(recv)) return false;
                    if (index.Bits == realm.NativeCallIndex.Bits && Realm.IsCallable(recv))
                    {
                        if (argv == null) return false;
                        callee = recv;
                        recv = argc > 0 ? argv[0] : JsValue.Undefined;
                        if (argc > 0) { argv++; argc--; }
                        continue;
                    }
                    return !(Realm.IsObject(recv) && Layout.Class(recv.Ptr) == ObjClass.Generator);
                default:
                    return false;
            }
        }
        return false;
    }
}
