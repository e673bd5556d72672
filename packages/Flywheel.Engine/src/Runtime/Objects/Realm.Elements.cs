namespace Flywheel.Engine.Runtime;

/// <summary>Sparse element storage for objects whose indexed properties are too spread out or have attributes.</summary>
internal sealed class SparseElements
{
    public readonly SortedDictionary<uint, (JsValue Value, PropFlags Flags)> Map = [];
}

/// <summary>
/// Indexed properties. Dense elements are a native buffer of values (capacity at [-1]) with
/// <see cref="JsValue.Empty"/> for holes; arrays keep their length in internal slot 0. An object
/// switches to <see cref="SparseElements"/> when a write lands far past its capacity or an element
/// gets non-default attributes.
/// </summary>
internal sealed unsafe partial class Realm
{
    public static uint ArrayLength(nint a) => (uint)Layout.Internal(a, 0).Number;
    public static void SetArrayLengthRaw(nint a, uint len) => Layout.Internal(a, 0) = JsValue.FromNumber(len);

    public nint NewArray(int capacity = 0)
    {
        nint a = NewObject(JsValue.FromPtr(ArrayPrototype), ObjClass.Array);
        Layout.Internal(a, 0) = JsValue.Zero;
        if (capacity > 0) Layout.Elements(a) = Heap.AllocBuffer(1, capacity, 0);
        return a;
    }

    public nint NewArrayFrom(ReadOnlySpan<JsValue> values)
    {
        nint a = NewArray(values.Length);
        var el = Layout.Elements(a);
        for (int i = 0; i < values.Length; i++) el[i] = values[i].Bits;
        SetArrayLengthRaw(a, (uint)values.Length);
        return a;
    }

    public static bool IsSparse(nint o) => (Layout.Flags(o) & CellFlags.SparseElements) != 0;
    public SparseElements Sparse(nint o) => (SparseElements)External((int)(nint)Layout.Elements(o));

    public static int Capacity(nint o) { var el = Layout.Elements(o); return el == null ? 0 : (int)el[-1]; }

    /// <summary>Reads an own element; Empty when absent (holes included). Accessors are returned as their cell.</summary>
    public JsValue GetOwnElement(nint o, uint i, out PropFlags flags)
    {
        if (Layout.Class(o) == ObjClass.Arguments && TryArgumentSlot(o, i, out var ctx, out int slot))
        {
            var present = GetOwnElementStored(o, i, out flags);
            return present.IsEmpty ? present : Layout.CtxSlot(ctx, slot);
        }
        return GetOwnElementStored(o, i, out flags);
    }

    JsValue GetOwnElementStored(nint o, uint i, out PropFlags flags)
    {
        flags = PropFlags.Default;
        if (IsSparse(o))
        {
            if (Sparse(o).Map.TryGetValue(i, out var e)) { flags = e.Flags; return e.Value; }
            return JsValue.Empty;
        }
        var el = Layout.Elements(o);
        if (el == null || i >= (uint)el[-1]) return JsValue.Empty;
        var cf = Layout.Flags(o);
        if ((cf & CellFlags.FrozenElements) != 0) flags = PropFlags.Enumerable;
        else if ((cf & CellFlags.SealedElements) != 0) flags = PropFlags.Enumerable | PropFlags.Writable;
        return new JsValue(el[i]);
    }

    /// <summary>Writes an own data element with default attributes, growing or going sparse as needed; updates array length.</summary>
    public void PutElement(nint o, uint i, JsValue v)
    {
        if (Layout.Class(o) == ObjClass.Arguments) WriteMappedArgument(o, i, v);
        if (!IsSparse(o))
        {
            var el = Layout.Elements(o);
            int cap = el == null ? 0 : (int)el[-1];
            if (i < (uint)cap) el[i] = v.Bits;
            else if (i <= (uint)cap * 2 + 16 && i < 1u << 26)
            {
                int ncap = (int)Math.Max(i + 1, (uint)cap * 3 / 2 + 8);
                var nel = Heap.AllocBuffer(1, ncap, 0);
                nel[-1] = (ulong)ncap;
                if (el != null) { new Span<ulong>(el, cap).CopyTo(new Span<ulong>(nel, cap)); Heap.FreeBuffer(el, 1, cap); }
                Layout.Elements(o) = nel;
                nel[i] = v.Bits;
            }
            else { MakeSparse(o); Sparse(o).Map[i] = (v, PropFlags.Default); }
        }
        else Sparse(o).Map[i] = (v, Sparse(o).Map.TryGetValue(i, out var old) ? old.Flags : PropFlags.Default);
        if (Layout.Class(o) == ObjClass.Array && i >= ArrayLength(o)) SetArrayLengthRaw(o, i + 1);
    }

    public void PutElementWithFlags(nint o, uint i, JsValue v, PropFlags flags)
    {
        if (Layout.Class(o) == ObjClass.Arguments)
        {
            if ((flags & PropFlags.Accessor) == 0) WriteMappedArgument(o, i, v);
            if ((flags & (PropFlags.Accessor | PropFlags.Writable)) != PropFlags.Writable) UnmapArgument(o, i);
        }
        if (flags == PropFlags.Default && !IsSparse(o)) { PutElement(o, i, v); return; }
        MakeSparse(o);
        Sparse(o).Map[i] = (v, flags);
        if (Layout.Class(o) == ObjClass.Array && i >= ArrayLength(o)) SetArrayLengthRaw(o, i + 1);
    }

    public void MakeSparse(nint o)
    {
        if (IsSparse(o)) return;
        if (Layout.Class(o) == ObjClass.Arguments) SyncMappedArguments(o);
        var sp = new SparseElements();
        var el = Layout.Elements(o);
        var cf = Layout.Flags(o);
        var fl = (cf & CellFlags.FrozenElements) != 0 ? PropFlags.Enumerable : (cf & CellFlags.SealedElements) != 0 ? PropFlags.Enumerable | PropFlags.Writable : PropFlags.Default;
        if (el != null)
        {
            int cap = (int)el[-1];
            for (int k = 0; k < cap; k++) if (el[k] != 0) sp.Map[(uint)k] = (new JsValue(el[k]), fl);
            Heap.FreeBuffer(el, 1, cap);
        }
        Layout.Elements(o) = (ulong*)AddExternal(sp);
        Layout.Flags(o) = (cf | CellFlags.SparseElements) & ~(CellFlags.FrozenElements | CellFlags.SealedElements);
    }

    public bool DeleteElement(nint o, uint i)
    {
        if (Layout.Class(o) == ObjClass.Arguments)
        {
            var el0 = GetOwnElementStored(o, i, out var fl0);
            if (!el0.IsEmpty && (fl0 & PropFlags.Configurable) == 0) return false;
            UnmapArgument(o, i);
        }
        if (IsSparse(o))
        {
            var m = Sparse(o).Map;
            if (m.TryGetValue(i, out var e) && (e.Flags & PropFlags.Configurable) == 0) return false;
            m.Remove(i);
            return true;
        }
        var el = Layout.Elements(o);
        if (el == null || i >= (uint)el[-1]) return true;
        if (el[i] != 0 && (Layout.Flags(o) & (CellFlags.FrozenElements | CellFlags.SealedElements)) != 0) return false;
        el[i] = 0;
        return true;
    }

    /// <summary>Sets an array's length, deleting elements at or past it.</summary>
    public bool SetArrayLength(nint a, uint len)
    {
        uint old = ArrayLength(a);
        if (len < old)
        {
            if (IsSparse(a))
            {
                var m = Sparse(a).Map;
                foreach (var k in m.Keys.Where(k => k >= len).ToList()) m.Remove(k);
            }
            else
            {
                var el = Layout.Elements(a);
                if ((Layout.Flags(a) & (CellFlags.FrozenElements | CellFlags.SealedElements)) != 0 && old > 0) return false;
                if (el != null) for (uint k = len; k < Math.Min(old, (uint)el[-1]); k++) el[k] = 0;
            }
        }
        SetArrayLengthRaw(a, len);
        return true;
    }

    /// <summary>Own element indices in ascending order.</summary>
    public List<uint> ElementIndices(nint o)
    {
        var r = new List<uint>();
        if (Layout.Class(o) == ObjClass.String)
        {
            int n = Layout.StrLength(Layout.Internal(o, 0).Ptr);
            for (int k = 0; k < n; k++) r.Add((uint)k);
        }
        if (Layout.Class(o) == ObjClass.TypedArray)
        {
            var ta = TypedArrayOf(o);
            for (int k = 0; k < ta.Length; k++) r.Add((uint)k);
            return r;
        }
        if (IsSparse(o)) { r.AddRange(Sparse(o).Map.Keys); return r; }
        var el = Layout.Elements(o);
        if (el == null) return r;
        int cap = (int)el[-1];
        for (int k = 0; k < cap; k++) if (el[k] != 0) r.Add((uint)k);
        return r;
    }
}
