namespace Flywheel.Engine.Runtime;

/// <summary>
/// [[Get]] and [[Set]] restricted to what runs no script and cannot throw, for callers that must
/// not re-enter JavaScript (the runtime stubs baseline code calls on inline-cache misses): they
/// complete an access to a data property and otherwise report failure having changed nothing, so
/// the caller can hand the whole access to the interpreter.
/// </summary>
internal sealed unsafe partial class Realm
{
    /// <summary>
    /// The native-function index of the intrinsic <c>%TypedArray%.prototype.length</c> getter (-1 until
    /// typed arrays are created), which reads the length and has no other effect: a lookup of
    /// <c>length</c> that ends at it can be answered without the call (<see cref="IsIntrinsicTypedArrayLength"/>).
    /// </summary>
    public int TypedArrayLengthNative = -1;

    /// <summary>Whether <c>length</c> of the typed array <paramref name="o"/> is read by the intrinsic getter (nothing replaced or shadowed it).</summary>
    public bool IsIntrinsicTypedArrayLength(nint o)
    {
        if (TypedArrayLengthNative < 0 || Layout.Class(o) != ObjClass.TypedArray) return false;
        for (nint cur = o; ;)
        {
            if (GetOwnRaw(cur, KLength, out var value, out var flags))
            {
                if ((flags & PropFlags.Accessor) == 0) return false;
                var getter = Layout.Val(value.Ptr, 8);
                return IsObject(getter) && Layout.Class(getter.Ptr) == ObjClass.Function && Functions.Kind(getter.Ptr) == FunctionKind.Native
                    && Layout.Internal(getter.Ptr, 0).Int32 == TypedArrayLengthNative;
            }
            var proto = Layout.Proto(cur);
            if (!proto.IsCell) return false;
            cur = proto.Ptr;
        }
    }

    /// <summary>
    /// [[Get]] of <paramref name="key"/> on the object <paramref name="o"/> (as its own receiver) when
    /// the lookup along the prototype chain ends at a data property or at the end of the chain
    /// (undefined). False, with no effect, when it finds an accessor or meets a typed array (whose
    /// numeric keys are exotic) or a hole.
    /// </summary>
    public bool TryGetData(nint o, PropKey key, out JsValue value)
    {
        for (nint cur = o; ;)
        {
            if (Layout.Class(cur) == ObjClass.TypedArray) break;
            if (GetOwnRaw(cur, key, out value, out var flags))
            {
                if ((flags & PropFlags.Accessor) != 0 || value.IsEmpty) break;
                return true;
            }
            var proto = Layout.Proto(cur);
            if (!proto.IsCell)
            {
                value = JsValue.Undefined;
                return true;
            }
            cur = proto.Ptr;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// [[Set]] of <paramref name="key"/> on the object <paramref name="o"/> (as its own receiver) when
    /// it runs no script and succeeds: the property is a writable data property of <paramref name="o"/>,
    /// or <paramref name="o"/> is extensible and inherits no setter or read-only property of that name,
    /// so the value is written or added (growing slots or dense elements as <see cref="AddOwn"/> does).
    /// False, with no effect, otherwise, and for an array's <c>length</c> (which converts the value) and
    /// whenever a typed array is on the chain.
    /// </summary>
    public bool TrySetData(nint o, PropKey key, JsValue value)
    {
        if (key.Bits == KLength.Bits && Layout.Class(o) is ObjClass.Array or ObjClass.String) return false;
        for (nint cur = o; ;)
        {
            if (Layout.Class(cur) == ObjClass.TypedArray) return false;
            if (GetOwnRaw(cur, key, out _, out var flags))
            {
                if ((flags & (PropFlags.Accessor | PropFlags.Writable)) != PropFlags.Writable) return false;
                if (cur == o) return WriteOwnData(o, key, value);
                break;
            }
            var proto = Layout.Proto(cur);
            if (!proto.IsCell) break;
            cur = proto.Ptr;
        }
        if ((Layout.Flags(o) & CellFlags.NotExtensible) != 0) return false;
        if (key.IsIndex && Layout.Class(o) == ObjClass.Array && key.Index >= ArrayLength(o) && (Layout.Flags(o) & CellFlags.FrozenElements) != 0) return false;
        return AddOwn(o, key, value, PropFlags.Default);
    }
}
