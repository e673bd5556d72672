using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// Calls of native (and bound) functions made from baseline code without leaving it. The code calls
/// <see cref="CallNativeStub"/> with its frame and the call's bytecode offset; the stub makes the call
/// exactly as the dispatch loop's Call and Construct cases do, on the interpreter's state made to
/// look as if the interpreter were at that instruction. The native may call back into JavaScript,
/// which starts a nested activation of machine code: the activation-specific words of the shared
/// <see cref="BaselineState"/> are saved around the call and restored before the code continues.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>A thrown exception waiting for the code's exit, which raises it at the call (see <see cref="EnterBaseline"/>).</summary>
    ExceptionDispatchInfo? pendingMachineThrow;

    /// <summary>The address of <see cref="CallNativeStub"/>, which baseline code calls.</summary>
    public static nint CallNativeStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong>)&CallNativeStub;

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
            return ((Interp)GCHandle.FromIntPtr(runtime).Target!).CallNativeFromMachineCode(fp, pc);
        }
#pragma warning disable CA1031 // Nothing may unwind into machine code; CallNativeFromMachineCode keeps what it catches.
        catch (Exception)
#pragma warning restore CA1031
        {
            return BaselineState.CallNotMade;
        }
    }

    ulong CallNativeFromMachineCode(ulong* fp, int pc)
    {
        var state = Jit!.State;
        // The words a nested activation overwrites. The call table may grow meanwhile: it is not restored.
        var saved = *state;
        var loop = active;
        ulong* loopFp = loop->Fp;
        byte* loopPc = loop->Pc;
        ulong* top = Stack.Top;
        int depth = Depth;
        var t = FrameTemplate(fp);
        byte* ip = t.Code + pc;
        // The interpreter's view of the machine code's position: where stack traces start, where
        // nested frames link to, and the top of the stack the callee's frames go above.
        loop->Fp = fp;
        loop->Pc = ip;
        Stack.Top = fp + JsStack.HeaderSlots + t.RegisterCount;
        Depth = state->Depth;
        bool collectionDue = false;
        try
        {
            var result = CallNative(fp, t, ip);
            if (result.Bits == BaselineState.CallNotMade) return BaselineState.CallNotMade;
            collectionDue = realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes);
            return result.Bits;
        }
#pragma warning disable CA1031 // Raised again by the interpreter at the call, where it happened.
        catch (Exception e)
#pragma warning restore CA1031
        {
            pendingMachineThrow = ExceptionDispatchInfo.Capture(e);
            return BaselineState.CallThrew;
        }
        finally
        {
            var callTable = state->CallTable;
            int callTableLength = state->CallTableLength;
            *state = saved;
            state->CallTable = callTable;
            state->CallTableLength = callTableLength;
            // The collection runs at the interpreter's safepoint: the code exits after the call.
            if (collectionDue) state->SafepointDue = BaselineState.SafepointDueAfterCall;
            loop->Fp = loopFp;
            loop->Pc = loopPc;
            Stack.Top = top;
            Depth = depth;
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
