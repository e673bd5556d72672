namespace Flywheel.Engine.Builtins;

/// <summary>
/// Storage of a Map or Set: insertion-ordered entries with tombstones (so iterators survive
/// deletion and insertion during iteration) and a SameValueZero index. Lives in the engine's
/// external table; traced by the GC through <see cref="ITraceable"/>.
/// </summary>
internal sealed class CollectionData : ITraceable
{
    readonly record struct Key(int Kind, ulong Bits, string? Str);

    readonly List<(JsValue Key, JsValue Value, bool Live)> entries = [];
    readonly Dictionary<Key, int> index = [];
    public int Count { get; private set; }
    public readonly bool Weak;

    public CollectionData(bool weak = false) => Weak = weak;

    static Key Norm(JsValue v)
    {
        if (v.IsNumber)
        {
            double d = v.Number;
            if (d == 0) d = 0;
            if (double.IsNaN(d)) d = double.NaN;
            return new Key(1, BitConverter.DoubleToUInt64Bits(d), null);
        }
        if (Realm.IsString(v)) return new Key(2, 0, Realm.ToClr(v));
        return new Key(0, v.Bits, null);
    }

    public bool TryGet(JsValue k, out JsValue v)
    {
        if (index.TryGetValue(Norm(k), out int i)) { v = entries[i].Value; return true; }
        v = JsValue.Undefined;
        return false;
    }

    public bool Has(JsValue k) => index.ContainsKey(Norm(k));

    public void Set(JsValue k, JsValue v)
    {
        var n = Norm(k);
        if (index.TryGetValue(n, out int i)) { entries[i] = (entries[i].Key, v, true); return; }
        if (k.IsNumber && k.Number == 0) k = JsValue.Zero;
        index[n] = entries.Count;
        entries.Add((k, v, true));
        Count++;
    }

    public bool Delete(JsValue k)
    {
        var n = Norm(k);
        if (!index.Remove(n, out int i)) return false;
        entries[i] = (JsValue.Undefined, JsValue.Undefined, false);
        Count--;
        return true;
    }

    public void Clear()
    {
        for (int i = 0; i < entries.Count; i++) entries[i] = (JsValue.Undefined, JsValue.Undefined, false);
        index.Clear();
        Count = 0;
    }

    /// <summary>The next live entry at or after <paramref name="i"/>; false at the end.</summary>
    public bool Next(ref int i, out JsValue key, out JsValue value)
    {
        while (i < entries.Count)
        {
            var e = entries[i++];
            if (e.Live) { key = e.Key; value = e.Value; return true; }
        }
        key = value = JsValue.Undefined;
        return false;
    }

    public IEnumerable<(JsValue, JsValue)> Entries()
    {
        for (int i = 0; i < entries.Count; i++) if (entries[i].Live) yield return (entries[i].Key, entries[i].Value);
    }

    public void Trace(Collector gc)
    {
        foreach (var e in entries)
            if (e.Live) { gc.Mark(e.Key); gc.Mark(e.Value); }
    }
}
