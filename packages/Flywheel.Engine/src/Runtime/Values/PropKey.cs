namespace Flywheel.Engine.Runtime;

/// <summary>
/// A property key: an interned string (atom) or symbol cell pointer, or an array index
/// (0 … 2^32-2) encoded as <c>NumberTag | index</c>. Keys compare by their bits.
/// </summary>
internal readonly struct PropKey(ulong bits) : IEquatable<PropKey>
{
    public readonly ulong Bits = bits;
    public bool IsIndex => (Bits & JsValue.NumberTag) == JsValue.NumberTag;
    public uint Index => (uint)Bits;
    public nint Ptr => (nint)Bits;
    public static PropKey FromIndex(uint i) => new(JsValue.NumberTag | i);
    public static PropKey FromCell(nint p) => new((ulong)p);
    public bool IsSymbol => !IsIndex && Layout.Kind(Ptr) == CellKind.Symbol;
    public bool Equals(PropKey o) => o.Bits == Bits;
    public override bool Equals(object? obj) => obj is PropKey k && k.Bits == Bits;
    public override int GetHashCode() => Bits.GetHashCode();
}

/// <summary>A property descriptor; absent fields are flagged in <see cref="Has"/>.</summary>
internal struct PropDesc
{
    [Flags]
    public enum Fields : byte { None = 0, Value = 1, Writable = 2, Get = 4, Set = 8, Enumerable = 16, Configurable = 32 }
    public Fields Has;
    public JsValue Value, Getter, Setter;
    public bool Writable, Enumerable, Configurable;
    public bool IsAccessor => (Has & (Fields.Get | Fields.Set)) != 0;
    public static PropDesc Data(JsValue v, PropFlags f) => new()
    {
        Has = Fields.Value | Fields.Writable | Fields.Enumerable | Fields.Configurable,
        Value = v, Writable = (f & PropFlags.Writable) != 0, Enumerable = (f & PropFlags.Enumerable) != 0,
        Configurable = (f & PropFlags.Configurable) != 0,
    };
    public PropFlags Flags => (Writable ? PropFlags.Writable : 0) | (Enumerable ? PropFlags.Enumerable : 0) | (Configurable ? PropFlags.Configurable : 0) | (IsAccessor ? PropFlags.Accessor : 0);
}
