using System.Runtime.CompilerServices;
namespace Flywheel.Engine.Runtime;

/// <summary>
/// The object model: own-property lookup through shapes and elements, [[Get]]/[[Set]] along the
/// prototype chain with accessors, [[DefineOwnProperty]], [[Delete]] and [[OwnPropertyKeys]].
/// </summary>
internal sealed unsafe partial class Realm
{
    public Shape ShapeOf(nint o) => Shapes.Of(Layout.ShapePtr(o));

    /// <summary>Finds an own property. For accessors, <paramref name="value"/> is the Accessor cell.</summary>
    public bool GetOwnRaw(nint o, PropKey key, out JsValue value, out PropFlags flags)
    {
        if (key.IsIndex)
        {
            var cls = Layout.Class(o);
            if (cls == ObjClass.String)
            {
                var s = Layout.Internal(o, 0);
                if (key.Index < (uint)Layout.StrLength(s.Ptr)) { value = CharString(CharAt(s, (int)key.Index)); flags = PropFlags.Enumerable; return true; }
            }
            else if (cls == ObjClass.TypedArray)
            {
                var ta = TypedArrayOf(o);
                flags = PropFlags.Writable | PropFlags.Enumerable | PropFlags.Configurable;
                if (key.Index < (uint)ta.Length) { value = ta.Get((int)key.Index); return true; }
                value = JsValue.Undefined; return false;
            }
            value = GetOwnElement(o, key.Index, out flags);
            return !value.IsEmpty;
        }
        if (key.Bits == KLength.Bits)
        {
            var cls = Layout.Class(o);
            if (cls == ObjClass.Array) { value = Layout.Internal(o, 0); flags = (Layout.Flags(o) & CellFlags.FrozenElements) != 0 ? PropFlags.None : PropFlags.Writable; return true; }
            if (cls == ObjClass.String) { value = JsValue.FromInt(Layout.StrLength(Layout.Internal(o, 0).Ptr)); flags = PropFlags.None; return true; }
        }
        var shape = ShapeOf(o);
        if (shape.TryGet(key.Bits, out var e))
        {
            value = new JsValue(Layout.Slots(o)[e.Slot]);
            flags = e.Flags;
            return true;
        }
        value = JsValue.Undefined;
        flags = 0;
        return false;
    }

    public bool GetOwnProperty(nint o, PropKey key, out PropDesc d)
    {
        d = default;
        if (!GetOwnRaw(o, key, out var v, out var f)) return false;
        d.Enumerable = (f & PropFlags.Enumerable) != 0;
        d.Configurable = (f & PropFlags.Configurable) != 0;
        if ((f & PropFlags.Accessor) != 0)
        {
            d.Getter = Layout.Val(v.Ptr, 8);
            d.Setter = Layout.Val(v.Ptr, 16);
            d.Has = PropDesc.Fields.Get | PropDesc.Fields.Set | PropDesc.Fields.Enumerable | PropDesc.Fields.Configurable;
        }
        else
        {
            d.Value = v;
            d.Writable = (f & PropFlags.Writable) != 0;
            d.Has = PropDesc.Fields.Value | PropDesc.Fields.Writable | PropDesc.Fields.Enumerable | PropDesc.Fields.Configurable;
        }
        return true;
    }

    /// <summary>The object that primitive <paramref name="v"/> delegates property lookups to.</summary>
    public nint ProtoForPrimitive(JsValue v)
    {
        if (v.IsNumber) return NumberPrototype;
        if (v.IsBoolean) return BooleanPrototype;
        if (IsString(v)) return StringPrototype;
        if (IsSymbol(v)) return SymbolPrototype;
        throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot read properties of " + (v.IsNull ? "null" : "undefined")));
    }

    /// <summary>[[Get]] on any value (primitives use their wrapper prototypes).</summary>
    public JsValue Get(JsValue target, PropKey key) => Get(target, key, target);

    public JsValue Get(JsValue target, PropKey key, JsValue receiver)
    {
        nint o;
        if (target.IsCell && Layout.Kind(target.Ptr) == CellKind.Object) o = target.Ptr;
        else
        {
            if (IsString(target))
            {
                if (key.IsIndex) { var sp = Span(target); if (key.Index < (uint)sp.Length) return CharString(sp[(int)key.Index]); }
                else if (key.Bits == KLength.Bits) return JsValue.FromInt(Layout.StrLength(target.Ptr));
            }
            o = ProtoForPrimitive(target);
        }
        while (true)
        {
            if (Layout.Class(o) == ObjClass.TypedArray && TypedArrayNumericKey(o, key, out int element))
                return element >= 0 ? TypedArrayOf(o).Get(element) : JsValue.Undefined;
            if (GetOwnRaw(o, key, out var v, out var f))
            {
                if ((f & PropFlags.Accessor) == 0) return v;
                var getter = Layout.Val(v.Ptr, 8);
                if (getter.IsUndefined) return JsValue.Undefined;
                return Interp.Call(getter, receiver, []);
            }
            var proto = Layout.Proto(o);
            if (!proto.IsCell) return JsValue.Undefined;
            o = proto.Ptr;
        }
    }

    public JsValue Get(JsValue target, string name) => Get(target, Key(name));

    public bool HasProperty(nint o, PropKey key)
    {
        while (true)
        {
            if (Layout.Class(o) == ObjClass.TypedArray && TypedArrayNumericKey(o, key, out int element)) return element >= 0;
            if (GetOwnRaw(o, key, out _, out _)) return true;
            var p = Layout.Proto(o);
            if (!p.IsCell) return false;
            o = p.Ptr;
        }
    }

    /// <summary>[[Set]]; throws a TypeError on failure when <paramref name="strict"/>.</summary>
    public void Set(JsValue target, PropKey key, JsValue value, bool strict = true) => Set(target, key, value, target, strict);

    public void Set(JsValue target, string name, JsValue value) => Set(target, Key(name), value, target, true);

    public void Set(JsValue target, PropKey key, JsValue value, JsValue receiver, bool strict)
    {
        if (!TrySet(target, key, value, receiver) && strict)
        {
            if (IsObject(receiver) && !IsExtensible(receiver.Ptr) && !GetOwnRaw(receiver.Ptr, key, out _, out _) && !HasProperty(receiver.Ptr, key))
                throw new JsThrow(MakeError(ErrorKind.TypeError, $"Cannot add property {KeyToClr(key)}, object is not extensible"));
            throw new JsThrow(MakeError(ErrorKind.TypeError, $"Cannot assign to read only property '{KeyToClr(key)}' of {(IsObject(target) ? (IsCallable(target) ? "function '" + Interp.Describe(target) + "'" : "object '" + Builtins.Inspector.Inspect(this, target, 0) + "'") : TypeOfString(target) + " '" + ToClrString(target) + "'")}"));
        }
    }

    public bool TrySet(JsValue target, PropKey key, JsValue value, JsValue receiver)
    {
        nint o;
        if (IsObject(target)) o = target.Ptr;
        else
        {
            if (target.IsNullish) throw new JsThrow(MakeError(ErrorKind.TypeError, $"Cannot set properties of {(target.IsNull ? "null" : "undefined")} (setting '{KeyToClr(key)}')"));
            o = ProtoForPrimitive(target);
        }
        // Fast path: own writable data property on the receiver itself.
        if (target.Bits == receiver.Bits && !key.IsIndex && key.Bits != KLength.Bits)
        {
            var shape = ShapeOf(o);
            if (shape.TryGet(key.Bits, out var e) && (e.Flags & (PropFlags.Accessor | PropFlags.Writable)) == PropFlags.Writable)
            {
                Layout.Slots(o)[e.Slot] = value.Bits;
                return true;
            }
        }
        nint cur = o;
        while (true)
        {
            if (Layout.Class(cur) == ObjClass.TypedArray && TypedArrayNumericKey(cur, key, out int element))
            {
                // IntegerIndexedExotic [[Set]]: the element itself when the typed array is the receiver
                // (the value converts even when the index is invalid), else nothing for an invalid index
                // and an ordinary set on the receiver for a valid one.
                if (receiver.Bits == JsValue.FromPtr(cur).Bits)
                {
                    double number = ToNumber(value);
                    if (element >= 0) TypedArrayOf(cur).Set(element, number);
                    return true;
                }
                if (element < 0) return true;
                break;
            }
            if (GetOwnRaw(cur, key, out var v, out var f))
            {
                if ((f & PropFlags.Accessor) != 0)
                {
                    var setter = Layout.Val(v.Ptr, 16);
                    if (setter.IsUndefined) return false;
                    Interp.Call(setter, receiver, [value]);
                    return true;
                }
                if ((f & PropFlags.Writable) == 0) return false;
                break;
            }
            var p = Layout.Proto(cur);
            if (!p.IsCell) break;
            cur = p.Ptr;
        }
        if (!IsObject(receiver)) return false;
        nint r = receiver.Ptr;
        if (GetOwnRaw(r, key, out var rv, out var rf))
        {
            if ((rf & PropFlags.Accessor) != 0 || (rf & PropFlags.Writable) == 0) return false;
            return WriteOwnData(r, key, value);
        }
        if ((Layout.Flags(r) & CellFlags.NotExtensible) != 0) return false;
        return AddOwn(r, key, value, PropFlags.Default);
    }

    /// <summary>Overwrites the value of an existing own writable data property.</summary>
    bool WriteOwnData(nint o, PropKey key, JsValue value)
    {
        if (key.IsIndex)
        {
            if (Layout.Class(o) == ObjClass.TypedArray) { TypedArrayOf(o).Set((int)key.Index, ToNumber(value)); return true; }
            if (IsSparse(o)) { if (Layout.Class(o) == ObjClass.Arguments) WriteMappedArgument(o, key.Index, value); var m = Sparse(o).Map; m[key.Index] = (value, m[key.Index].Flags); return true; }
            PutElement(o, key.Index, value);
            return true;
        }
        if (key.Bits == KLength.Bits && Layout.Class(o) == ObjClass.Array) return SetArrayLength(o, ToArrayLength(value));
        var e = ShapeOf(o).TryGet(key.Bits, out var pe) ? pe : throw new InvalidOperationException("missing own property");
        Layout.Slots(o)[e.Slot] = value.Bits;
        return true;
    }

    /// <summary>Adds a new own property (the key must not exist).</summary>
    public bool AddOwn(nint o, PropKey key, JsValue value, PropFlags flags)
    {
        if (Layout.Class(o) == ObjClass.TypedArray && TypedArrayNumericKey(o, key, out _)) return false;
        if (key.IsIndex)
        {
            if (Layout.Class(o) == ObjClass.Array && key.Index >= ArrayLength(o) && (Layout.Flags(o) & CellFlags.FrozenElements) != 0) return false;
            if ((flags & ~PropFlags.Accessor) == PropFlags.Default && (flags & PropFlags.Accessor) == 0) PutElement(o, key.Index, value);
            else PutElementWithFlags(o, key.Index, value, flags);
            return true;
        }
        NoteStructureChange(o, adding: true);
        var shape = ShapeOf(o);
        var next = Shapes.AddProperty(shape, key.Bits, flags, out int slot);
        EnsureSlots(o, slot + 1);
        Layout.Slots(o)[slot] = value.Bits;
        Layout.ShapePtr(o) = next.Cell;
        return true;
    }

    public void EnsureSlots(nint o, int needed)
    {
        var slots = Layout.Slots(o);
        int cap = slots == null ? 0 : (int)slots[-1];
        if (needed <= cap) return;
        int ncap = Math.Max(needed, cap == 0 ? 4 : cap * 2);
        var ns = Heap.AllocBuffer(1, ncap, JsValue.UndefinedBits);
        if (slots != null) { new Span<ulong>(slots, cap).CopyTo(new Span<ulong>(ns, cap)); Heap.FreeBuffer(slots, 1, cap); }
        Layout.Slots(o) = ns;
    }

    /// <summary>Creates or replaces an own data property unconditionally (used by literals and built-in setup).</summary>
    public void DefineData(nint o, PropKey key, JsValue value, PropFlags flags = PropFlags.Default)
    {
        if (GetOwnRaw(o, key, out _, out var f))
        {
            if (f == flags && (f & PropFlags.Accessor) == 0) { WriteOwnData(o, key, value); return; }
            RedefineOwn(o, key, value, flags);
            return;
        }
        AddOwn(o, key, value, flags);
    }

    public void DefineData(nint o, string name, JsValue value, PropFlags flags = PropFlags.Hidden) => DefineData(o, Key(name), value, flags);

    public void DefineAccessor(nint o, PropKey key, JsValue getter, JsValue setter, PropFlags flags)
    {
        flags |= PropFlags.Accessor;
        flags &= ~PropFlags.Writable;
        if (GetOwnRaw(o, key, out var v, out var f) && (f & PropFlags.Accessor) != 0)
        {
            // Merge with an existing pair (object literals define get and set separately).
            if (getter.IsEmpty) getter = Layout.Val(v.Ptr, 8);
            if (setter.IsEmpty) setter = Layout.Val(v.Ptr, 16);
        }
        if (getter.IsEmpty) getter = JsValue.Undefined;
        if (setter.IsEmpty) setter = JsValue.Undefined;
        var acc = JsValue.FromPtr(NewAccessor(getter, setter));
        if (GetOwnRaw(o, key, out _, out _)) RedefineOwn(o, key, acc, flags);
        else AddOwn(o, key, acc, flags);
    }

    /// <summary>Changes value and attributes of an existing own property (moves the object to dictionary mode).</summary>
    void RedefineOwn(nint o, PropKey key, JsValue value, PropFlags flags)
    {
        if (key.IsIndex)
        {
            if (Layout.Class(o) == ObjClass.TypedArray) { TypedArrayOf(o).Set((int)key.Index, ToNumber(value)); return; }
            PutElementWithFlags(o, key.Index, value, flags);
            return;
        }
        if (key.Bits == KLength.Bits && Layout.Class(o) == ObjClass.Array)
        {
            SetArrayLength(o, ToArrayLength(value));
            if ((flags & PropFlags.Writable) == 0) Layout.Flags(o) |= CellFlags.FrozenElements;
            return;
        }
        NoteStructureChange(o);
        var shape = ShapeOf(o);
        if (!shape.IsDictionary) { shape = Shapes.ToDictionary(shape); Layout.ShapePtr(o) = shape.Cell; }
        shape.DictSetFlags(key.Bits, flags);
        shape.TryGet(key.Bits, out var e);
        Layout.Slots(o)[e.Slot] = value.Bits;
    }

    /// <summary>[[Delete]]: false if the property is non-configurable.</summary>
    public bool DeleteOwn(nint o, PropKey key)
    {
        if (Layout.Class(o) == ObjClass.TypedArray && TypedArrayNumericKey(o, key, out int element)) return element < 0;
        if (!GetOwnRaw(o, key, out _, out var f)) return true;
        if ((f & PropFlags.Configurable) == 0) return false;
        if (key.IsIndex) return DeleteElement(o, key.Index);
        NoteStructureChange(o);
        var shape = ShapeOf(o);
        if (!shape.IsDictionary) { shape = Shapes.ToDictionary(shape); Layout.ShapePtr(o) = shape.Cell; }
        shape.TryGet(key.Bits, out var e);
        Layout.Slots(o)[e.Slot] = JsValue.UndefinedBits;
        shape.DictRemove(key.Bits);
        return true;
    }

    /// <summary>[[OwnPropertyKeys]]: indices ascending, then strings, then symbols, in insertion order. Private names are never listed.</summary>
    public List<PropKey> OwnKeys(nint o, bool includeStrings = true, bool includeSymbols = true)
    {
        var r = new List<PropKey>();
        if (includeStrings) foreach (var i in ElementIndices(o)) r.Add(PropKey.FromIndex(i));
        var cls = Layout.Class(o);
        if (includeStrings && (cls == ObjClass.Array || cls == ObjClass.String)) r.Add(KLength);
        if (ShapeOf(o).MaterializeOnMiss != null) MaterializeForKeys(o);
        var keys = ShapeOf(o).Keys;
        if (includeStrings) foreach (var k in keys) if (Layout.Kind((nint)k) == CellKind.String) r.Add(new PropKey(k));
        if (includeSymbols) foreach (var k in keys) if (Layout.Kind((nint)k) == CellKind.Symbol && !IsPrivateSymbol((nint)k)) r.Add(new PropKey(k));
        return r;
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a CanonicalNumericIndexString (array indices included) for the
    /// typed array <paramref name="o"/>, which then handles it as an integer index and never as an
    /// ordinary property; <paramref name="element"/> is the element it denotes, or -1 when it is not a
    /// valid integer index (negative, fractional, -0, NaN, infinite or out of range).
    /// </summary>
    public bool TypedArrayNumericKey(nint o, PropKey key, out int element)
    {
        if (key.IsIndex)
        {
            element = key.Index < (uint)TypedArrayOf(o).Length ? (int)key.Index : -1;
            return true;
        }
        element = -1;
        return IsCanonicalNumericString(key);
    }

    /// <summary>
    /// CanonicalNumericIndexString for a string key that is not an array index: "-0", or a string that
    /// ToString(ToNumber(s)) gives back unchanged ("-1", "1.5", "NaN", "Infinity", "1e+21", …).
    /// </summary>
    public bool IsCanonicalNumericString(PropKey key)
    {
        if (key.IsIndex) return true;
        if (Layout.Kind(key.Ptr) != CellKind.String) return false;
        var s = Span(JsValue.FromPtr(key.Ptr));
        // Every canonical numeric string starts with a digit, '-', 'I' (Infinity) or 'N' (NaN).
        if (s.Length == 0 || !(char.IsAsciiDigit(s[0]) || s[0] is '-' or 'I' or 'N')) return false;
        if (s.SequenceEqual("-0")) return true;
        return s.SequenceEqual(NumberConversion.ToString(NumberConversion.StringToNumber(s)));
    }

    public bool IsExtensible(nint o) => (Layout.Flags(o) & CellFlags.NotExtensible) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCallable(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Object && (Layout.Flags(v.Ptr) & CellFlags.Callable) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsConstructor(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Object && (Layout.Flags(v.Ptr) & CellFlags.Constructor) != 0;
    public static bool IsArray(JsValue v) => IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Array;

    public uint ToArrayLength(JsValue v)
    {
        double d = ToNumber(v);
        uint u = (uint)ToUint32(d);
        if (u != d) throw new JsThrow(MakeError(ErrorKind.RangeError, "Invalid array length"));
        return u;
    }

    /// <summary>Converts any value to a property key (ToPropertyKey).</summary>
    public PropKey ToPropertyKey(JsValue v)
    {
        if (v.IsInt32 && v.Int32 >= 0) return PropKey.FromIndex((uint)v.Int32);
        if (v.IsCell)
        {
            var k = Layout.Kind(v.Ptr);
            if (k == CellKind.String) return KeyFromString(v);
            if (k == CellKind.Symbol) return PropKey.FromCell(v.Ptr);
            v = ToPrimitive(v, PreferredType.String);
            if (IsSymbol(v)) return PropKey.FromCell(v.Ptr);
        }
        return KeyFromString(ToStringValue(v));
    }
}
