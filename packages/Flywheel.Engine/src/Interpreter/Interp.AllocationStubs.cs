using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The instructions that allocate as literals and scopes build their objects (contexts, closures,
/// object, array and regular-expression literals and their properties and elements): the interpreter runs them through
/// <see cref="Allocation"/>, and baseline code calls <see cref="AllocationStub"/> for whatever its
/// inline paths (BaselineCompiler.Allocation) leave over (a new chunk, a collection made due, a
/// closure, a literal's property, an element that grows the array), which is the same method
/// without the generic single-step machinery.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>Calls of <see cref="AllocationStub"/> by opcode (statistics: what the inline paths leave over).</summary>
    public readonly long[] AllocationStubCalls = new long[256];

    /// <summary>The address of <see cref="AllocationStub"/>, which baseline code calls.</summary>
    public static nint AllocationStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&AllocationStub;

    /// <summary>
    /// Runs the allocating instruction at <paramref name="ip"/> (<c>PushContext</c>, <c>CloneContext</c>,
    /// <c>DefineNamed</c>, <c>CreateClosure</c>, <c>CreateObject</c>, <c>CreateArray</c>, <c>CreateRegExp</c>, <c>ArrayPush</c>) with
    /// accumulator <paramref name="acc"/>; returns the new accumulator (unchanged for those that
    /// write the frame's context or an object's property or element).
    /// </summary>
    JsValue Allocation(ulong* fp, FunctionTemplate t, byte* ip, JsValue acc)
    {
        switch ((Opcode)(*ip))
        {
            case Opcode.PushContext:
                fp[JsStack.ContextSlot] = (ulong)realm.NewContext(*(ushort*)(ip + 1), new JsValue(fp[JsStack.ContextSlot]));
                return acc;
            case Opcode.CloneContext:
                {
                    nint c = (nint)fp[JsStack.ContextSlot];
                    int n = (int)Layout.Aux(c);
                    nint nc = realm.NewContext(n, Layout.Val(c, Layout.ContextParent));
                    for (int i = 0; i < n; i++) Layout.CtxSlot(nc, i) = Layout.CtxSlot(c, i);
                    fp[JsStack.ContextSlot] = (ulong)nc;
                    return acc;
                }
            case Opcode.DefineNamed:
                realm.DefineData(Operand(fp, ip, 1).Ptr, realm.KeyFromString(t.Constants[*(int*)(ip + 3)]), acc);
                return acc;
            case Opcode.CreateClosure:
                {
                    var child = t.Children[*(int*)(ip + 1)];
                    var home = (child.Flags & FunctionFlags.Arrow) != 0 ? Layout.Internal((nint)fp[JsStack.CalleeSlot], 2) : JsValue.Undefined;
                    return JsValue.FromPtr(realm.NewClosure(child, new JsValue(fp[JsStack.ContextSlot]), home));
                }
            case Opcode.CreateObject: return JsValue.FromPtr(realm.NewObject(JsValue.FromPtr(realm.ObjectPrototype)));
            case Opcode.CreateArray: return JsValue.FromPtr(realm.NewArray());
            case Opcode.CreateRegExp: return Builtins.RegExpBuiltins.Create(realm, t.Constants[*(int*)(ip + 1)], t.Constants[*(int*)(ip + 5)]);
            case Opcode.ArrayPush:
                {
                    nint a = Operand(fp, ip, 1).Ptr;
                    realm.PutElement(a, Realm.ArrayLength(a), acc);
                    return acc;
                }
            default: throw new InvalidOperationException($"{(Opcode)(*ip)} is not an allocation");
        }
    }

    /// <summary>
    /// The allocating instruction at <paramref name="pc"/> of frame <paramref name="fp"/> (see
    /// <see cref="Allocation"/>) with accumulator <paramref name="acc"/>: the new accumulator for the
    /// instructions that make a value (a closure, an object, an array, a regular expression), <see cref="StoreDone"/> for
    /// the others, or 0 when it threw (nothing happened that the interpreter's repetition, which
    /// raises the error, would not do again). None of them runs script; an allocation that made a
    /// collection due has the code exit before its next safepoint (<see cref="NoteStubAllocation"/>).
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong AllocationStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            byte* ip = t.Code + pc;
            interp.AllocationStubCalls[*ip]++;
            var result = interp.Allocation(fp, t, ip, new JsValue(acc));
            interp.NoteStubAllocation();
            return (Opcode)(*ip) is Opcode.CreateClosure or Opcode.CreateObject or Opcode.CreateArray or Opcode.CreateRegExp ? result.Bits : StoreDone;
        }
#pragma warning disable CA1031 // Any exception: the interpreter repeats the instruction and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}
