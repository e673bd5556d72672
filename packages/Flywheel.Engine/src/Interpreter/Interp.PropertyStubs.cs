using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The runtime stubs baseline code calls when a property access misses its inline fast path
/// (<c>GetNamed</c>, <c>SetNamed</c> after the site's cache entries, <c>GetKeyed</c>, <c>SetKeyed</c>
/// off dense elements) and for <c>GetSuper</c>. Each takes the frame, the instruction's bytecode offset and the accumulator,
/// reads its other operands from the frame as the interpreter would, and completes the access when
/// it runs no script and cannot throw: a data property, own or inherited, an add (growing the
/// object's slots or dense elements), updating the inline cache exactly as the interpreter's miss
/// path does, because it is that path (<see cref="LoadNamedSlow"/>, <see cref="StoreNamedSlow"/>).
/// It returns the loaded value, or 1 for a store done; 0, which is no value (<see cref="JsValue.Empty"/>
/// never comes out of a property), means nothing happened: the code exits before the instruction and
/// the interpreter runs it in full (getters and setters, primitives, errors, exotic objects). An
/// inherited getter or setter is cached like a prototype load, so the code exits at once next time
/// and the interpreter calls it without a lookup; typed arrays' <c>length</c>, whose intrinsic getter
/// only reads the length, is answered without the call.
/// </summary>
/// <remarks>
/// No exception unwinds into machine code: the stubs catch everything and answer "exit", which is
/// safe because every failure happens before the access has an effect (an allocation that throws
/// is repeated and raised by the interpreter). The stubs never collect (allocation only requests a
/// collection), so the accumulator machine code keeps in a register across the call stays valid;
/// when an allocation made a collection due, <see cref="ExitBeforeNextSafepoint"/> has the code exit
/// before its next safepoint, so the interpreter collects where it would have collected itself.
/// </remarks>
internal sealed unsafe partial class Interp
{
    /// <summary>What a store stub returns when it made the store.</summary>
    public const ulong StoreDone = 1;

    /// <summary>The address of <see cref="GetNamedStub"/>, which baseline code calls.</summary>
    public static nint GetNamedStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&GetNamedStub;

    /// <summary>The address of <see cref="SetNamedStub"/>, which baseline code calls.</summary>
    public static nint SetNamedStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&SetNamedStub;

    /// <summary>The address of <see cref="GetKeyedStub"/>, which baseline code calls.</summary>
    public static nint GetKeyedStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&GetKeyedStub;

    /// <summary>The address of <see cref="SetKeyedStub"/>, which baseline code calls.</summary>
    public static nint SetKeyedStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&SetKeyedStub;

    /// <summary><c>GetNamed r, name, slot</c> at <paramref name="pc"/> of frame <paramref name="fp"/>: the value, or 0.</summary>
    [UnmanagedCallersOnly]
    static ulong GetNamedStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            byte* ip = t.Code + pc;
            var obj = Operand(fp, ip, 1);
            if (interp.TryTypedArrayLength(fp, t, ip, obj, out var length)) return length.Bits;
            var value = interp.LoadNamedSlow(t, ip, obj, mayRunScript: false);
            interp.NoteStubAllocation();
            return value.Bits;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the access and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary><c>SetNamed r, name, slot</c> of the accumulator at <paramref name="pc"/> of frame <paramref name="fp"/>: <see cref="StoreDone"/>, or 0.</summary>
    [UnmanagedCallersOnly]
    static ulong SetNamedStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            byte* ip = t.Code + pc;
            var obj = Operand(fp, ip, 1);
            // A typed array converts numeric keys' values, which may run script.
            if (!Realm.IsObject(obj) || Layout.Class(obj.Ptr) == ObjClass.TypedArray) return 0;
            bool done = interp.StoreNamedSlow(t, ip, obj, new JsValue(acc), mayRunScript: false);
            interp.NoteStubAllocation();
            return done ? StoreDone : 0;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the access and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary>The address of <see cref="GetSuperStub"/>, which baseline code calls.</summary>
    public static nint GetSuperStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&GetSuperStub;

    /// <summary>
    /// <c>GetSuper</c> (key in the accumulator) at <paramref name="pc"/> of frame <paramref name="fp"/>: the
    /// value of a data property (own, inherited or absent) of the home object's prototype, or 0. The
    /// receiver matters only to getters, which the interpreter calls; so does a missing home object
    /// or prototype, and a key that needs a conversion.
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong GetSuperStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var home = Layout.Internal((nint)fp[JsStack.CalleeSlot], 2);
            if (!Realm.IsObject(home)) return 0;
            var proto = Layout.Proto(home.Ptr);
            if (!Realm.IsObject(proto) || !interp.TryDataKey(new JsValue(acc), out var key)) return 0;
            ulong result = interp.realm.TryGetData(proto.Ptr, key, out var value) ? value.Bits : 0;
            interp.NoteStubAllocation();
            return result;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the access and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary><c>GetKeyed r</c> (key in the accumulator) at <paramref name="pc"/> of frame <paramref name="fp"/>: the value, or 0.</summary>
    [UnmanagedCallersOnly]
    static ulong GetKeyedStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            var obj = Operand(fp, t.Code + pc, 1);
            if (!Realm.IsObject(obj) || !interp.TryDataKey(new JsValue(acc), out var key)) return 0;
            ulong result = interp.realm.TryGetData(obj.Ptr, key, out var value) ? value.Bits : 0;
            interp.NoteStubAllocation();
            return result;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the access and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary><c>SetKeyed r, key</c> of the accumulator at <paramref name="pc"/> of frame <paramref name="fp"/>: <see cref="StoreDone"/>, or 0.</summary>
    [UnmanagedCallersOnly]
    static ulong SetKeyedStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            byte* ip = t.Code + pc;
            var obj = Operand(fp, ip, 1);
            if (!Realm.IsObject(obj) || !interp.TryDataKey(Operand(fp, ip, 3), out var key)) return 0;
            bool done = interp.realm.TrySetData(obj.Ptr, key, new JsValue(acc));
            interp.NoteStubAllocation();
            return done ? StoreDone : 0;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the access and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }

    /// <summary>
    /// <c>length</c> of a typed array whose lookup ends at the intrinsic getter, without calling it but
    /// otherwise as the interpreter's call of the getter (<see cref="InvokeAt"/>): it takes one unit of
    /// the interrupt budget from the code's share, and when that would run the share out or the call
    /// would overflow a stack, it is left to the interpreter.
    /// </summary>
    bool TryTypedArrayLength(ulong* fp, FunctionTemplate t, byte* ip, JsValue obj, out JsValue length)
    {
        length = default;
        if (!Realm.IsObject(obj) || t.Constants[*(int*)(ip + 3)].Bits != realm.KLength.Bits || !realm.IsIntrinsicTypedArrayLength(obj.Ptr)) return false;
        var state = Jit!.State;
        if (state->Budget <= 1 || state->NativeDepth >= MaxNativeDepth || fp + JsStack.HeaderSlots + t.RegisterCount + 66 > Stack.Limit
            || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return false;
        state->Budget--;
        length = JsValue.FromInt(realm.TypedArrayOf(obj.Ptr).Length);
        return true;
    }

    /// <summary>The register named by the 16-bit operand at byte <paramref name="offset"/> of the instruction at <paramref name="ip"/>.</summary>
    static JsValue Operand(ulong* fp, byte* ip, int offset) => new(fp[JsStack.HeaderSlots + *(ushort*)(ip + offset)]);

    /// <summary>The property key of a keyed access when making it runs no script: a non-negative int32, a string or a symbol.</summary>
    bool TryDataKey(JsValue key, out PropKey result)
    {
        if ((key.IsInt32 && key.Int32 >= 0) || Realm.IsString(key) || Realm.IsSymbol(key))
        {
            result = realm.ToPropertyKey(key);
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>
    /// After a stub's allocation made a collection due: has the code exit before its next safepoint
    /// (the interpreter then runs that instruction and collects in its safepoint, exactly where it
    /// would have) by lowering the code's budget to one. The budget taken away is added to the
    /// interpreter's, from which <see cref="EnterBaseline"/> subtracts it again, so the count of
    /// safepoints run stays exact.
    /// </summary>
    void NoteStubAllocation()
    {
        if (!(realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes))) return;
        ExitBeforeNextSafepoint();
    }

    /// <inheritdoc cref="NoteStubAllocation"/>
    void ExitBeforeNextSafepoint()
    {
        var state = Jit!.State;
        int taken = state->Budget - 1;
        if (taken <= 0) return;
        state->Budget = 1;
        budget += taken;
    }
}
