namespace Flywheel.Engine.Runtime;

/// <summary>
/// Mapped arguments objects (sloppy functions with simple parameter lists). Such a function keeps
/// its parameters in its context; the arguments object records, per index, which context slot the
/// element aliases:
/// <code>
///   Internal0  the function context holding the parameters
///   Internal1  FixedArray: per argument index the context slot (int), or Empty once unmapped
/// </code>
/// A mapped element's value lives only in the context slot (its element storage keeps the
/// attributes). Reads and writes of the element go to the slot; deleting the element, redefining
/// it as an accessor or making it non-writable removes the mapping (ES2024 10.4.4).
/// </summary>
internal sealed unsafe partial class Realm
{
    /// <summary>The context slot that element <paramref name="i"/> of arguments object <paramref name="o"/> aliases, if mapped.</summary>
    bool TryArgumentSlot(nint o, uint i, out nint context, out int slot)
    {
        context = 0;
        slot = -1;
        var map = Layout.Internal(o, 1);
        if (!map.IsCell) return false;
        nint m = map.Ptr;
        if (i >= Layout.Aux(m)) return false;
        var s = Layout.FixedAt(m, (int)i);
        if (!s.IsInt32) return false;
        context = Layout.Internal(o, 0).Ptr;
        slot = s.Int32;
        return true;
    }

    /// <summary>Writes through a mapped element to its parameter; no effect for unmapped ones.</summary>
    void WriteMappedArgument(nint o, uint i, JsValue v)
    {
        if (TryArgumentSlot(o, i, out var c, out var slot)) Layout.CtxSlot(c, slot) = v;
    }

    /// <summary>Breaks the alias between element <paramref name="i"/> and its parameter, keeping the element's current value.</summary>
    void UnmapArgument(nint o, uint i)
    {
        if (!TryArgumentSlot(o, i, out _, out _)) return;
        Layout.FixedAt(Layout.Internal(o, 1).Ptr, (int)i) = JsValue.Empty;
    }

    /// <summary>Copies the parameters' current values into the element storage (before it is reorganised).</summary>
    void SyncMappedArguments(nint o)
    {
        var map = Layout.Internal(o, 1);
        if (!map.IsCell) return;
        var el = Layout.Elements(o);
        if (el == null || IsSparse(o)) return;
        int n = (int)Math.Min(Layout.Aux(map.Ptr), (uint)el[-1]);
        for (int i = 0; i < n; i++)
            if (el[i] != 0 && TryArgumentSlot(o, (uint)i, out var c, out var slot)) el[i] = Layout.CtxSlot(c, slot).Bits;
    }

    /// <summary>Creates a mapped arguments object for a frame whose parameters sit in <paramref name="context"/>.</summary>
    public nint NewMappedArguments(nint unmapped, nint context, ReadOnlySpan<int> slots, int argc)
    {
        int n = Math.Min(argc, slots.Length);
        if (n == 0) return unmapped;
        nint map = NewFixedArray(n);
        for (int i = 0; i < n; i++) Layout.FixedAt(map, i) = slots[i] >= 0 ? JsValue.FromInt(slots[i]) : JsValue.Empty;
        Layout.Internal(unmapped, 0) = JsValue.FromPtr(context);
        Layout.Internal(unmapped, 1) = JsValue.FromPtr(map);
        return unmapped;
    }
}
