namespace Flywheel.Engine.Builtins;

/// <summary>
/// Array (and typed-array, arguments) iterators: class Iterator objects with Internal0 = iterated
/// object (undefined once done), Internal1 = next index, Internal2 = kind (0 keys, 1 values, 2 entries).
/// The interpreter steps them directly when their next method is the built-in one.
/// </summary>
internal static class ArrayIterators
{
    public static void Setup(Realm r)
    {
        nint next = Def.Method(r, r.ArrayIteratorPrototype, "next", 0, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a.This) || Layout.Class(a.This.Ptr) != ObjClass.Iterator) throw Def.TypeError(r, "next method called on incompatible receiver");
            bool more = Step(r, a.This.Ptr, out var v);
            return r.IterResult(more ? v : JsValue.Undefined, !more);
        });
        r.ArrayIteratorNext = JsValue.FromPtr(next);
        Def.ToStringTag(r, r.ArrayIteratorPrototype, "Array Iterator");
    }

    public static JsValue Create(Realm r, JsValue obj, int kind)
    {
        nint it = r.NewObject(JsValue.FromPtr(r.ArrayIteratorPrototype), ObjClass.Iterator);
        Layout.Internal(it, 0) = obj;
        Layout.Internal(it, 1) = JsValue.Zero;
        Layout.Internal(it, 2) = JsValue.FromInt(kind);
        return JsValue.FromPtr(it);
    }

    public static bool Step(Realm r, nint it, out JsValue value)
    {
        var obj = Layout.Internal(it, 0);
        value = JsValue.Undefined;
        if (obj.IsUndefined) return false;
        uint i = (uint)Layout.Internal(it, 1).Number;
        uint len;
        if (Realm.IsObject(obj) && Layout.Class(obj.Ptr) == ObjClass.Array) len = Realm.ArrayLength(obj.Ptr);
        else if (Realm.IsObject(obj) && Layout.Class(obj.Ptr) == ObjClass.TypedArray) len = (uint)r.TypedArrayOf(obj.Ptr).Length;
        else len = (uint)Math.Min(r.ToIntegerOrInfinity(r.Get(obj, r.KLength)), uint.MaxValue);
        if (i >= len) { Layout.Internal(it, 0) = JsValue.Undefined; return false; }
        Layout.Internal(it, 1) = JsValue.FromNumber(i + 1);
        int kind = Layout.Internal(it, 2).Int32;
        if (kind == 0) { value = JsValue.FromNumber(i); return true; }
        JsValue v;
        if (Realm.IsObject(obj) && Layout.Class(obj.Ptr) == ObjClass.Array && !Realm.IsSparse(obj.Ptr))
        {
            v = r.GetOwnElement(obj.Ptr, i, out _);
            if (v.IsEmpty) v = r.Get(obj, PropKey.FromIndex(i));
        }
        else v = r.Get(obj, PropKey.FromIndex(i));
        value = kind == 1 ? v : JsValue.FromPtr(r.NewArrayFrom([JsValue.FromNumber(i), v]));
        return true;
    }
}
