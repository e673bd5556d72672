using System.Runtime.InteropServices;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// Storage of a Map, Set, WeakMap or WeakSet: an insertion-ordered entry array with
/// tombstones and a hash index keyed by SameValueZero, so get/set/has/delete are O(1). When
/// tombstones outnumber live entries the array is compacted; iterators and forEach loops that
/// were mid-way survive this through <see cref="Generation"/>s: each compaction leaves the sorted
/// list of removed positions behind, and a cursor from an older generation shifts its position
/// by the number of removed entries before it (V8's OrderedHashTable does the same with obsolete
/// tables). Old generations are only referenced by such cursors, so the .NET GC drops them.
/// Lives in the engine's external table; traced by the GC through <see cref="ITraceable"/>. The
/// storage of a WeakMap or WeakSet (<see cref="Weak"/>) is an ephemeron table: tracing it marks
/// nothing, the collector visits its entries once the strong marking is done (a value lives only
/// if its key does), and entries whose key died are removed before the sweep.
/// </summary>
internal sealed class CollectionData : IEphemeronTable, ITraceable
{
    /// <summary>One layout of the entry array; <see cref="Next"/> is set when a compaction or clear replaces it.</summary>
    internal sealed class Generation
    {
        public Generation? Next;
        /// <summary>Positions (ascending) removed by the compaction that made <see cref="Next"/>; null for a clear.</summary>
        public int[]? Removed;
    }

    JsValue[] keys = new JsValue[8], values = new JsValue[8];
    int used;                                     // entries in use, tombstones included
    readonly Dictionary<JsValue, int> index = new(KeyComparer.Instance);
    Generation generation = new();
    public int Count { get; private set; }
    public readonly bool Weak;

    public CollectionData(bool weak = false) => Weak = weak;

    /// <summary>The canonical key for SameValueZero: numbers normalized (-0 is +0, integral doubles are int32), strings flat.</summary>
    static JsValue Normalize(Realm r, JsValue k)
    {
        if (k.IsNumber)
        {
            if (k.IsInt32) return k;
            double d = k.Number;
            return d == 0 ? JsValue.Zero : JsValue.FromNumber(d);
        }
        if (Realm.IsString(k)) return JsValue.FromPtr(r.Flat(k.Ptr));
        return k;
    }

    public bool TryGet(Realm r, JsValue k, out JsValue v)
    {
        if (index.TryGetValue(Normalize(r, k), out int i)) { v = values[i]; return true; }
        v = JsValue.Undefined;
        return false;
    }

    public bool Has(Realm r, JsValue k) => index.ContainsKey(Normalize(r, k));

    public void Set(Realm r, JsValue k, JsValue v)
    {
        k = Normalize(r, k);
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, k, out bool exists);
        if (exists) { values[slot] = v; return; }
        if (used == keys.Length)
        {
            if (used - Count > Count) Compact();
            else { Array.Resize(ref keys, used * 2); Array.Resize(ref values, used * 2); }
            slot = ref CollectionsMarshal.GetValueRefOrNullRef(index, k);
        }
        slot = used;
        keys[used] = k;
        values[used] = v;
        used++;
        Count++;
    }

    public bool Delete(Realm r, JsValue k)
    {
        if (!index.Remove(Normalize(r, k), out int i)) return false;
        keys[i] = JsValue.Empty;
        values[i] = JsValue.Undefined;
        Count--;
        int dead = used - Count;
        if (dead > 16 && dead > Count) Compact();
        return true;
    }

    public void Clear()
    {
        Array.Clear(keys, 0, used);
        Array.Clear(values, 0, used);
        index.Clear();
        used = Count = 0;
        if (keys.Length > 64) { keys = new JsValue[8]; values = new JsValue[8]; }
        var next = new Generation();
        generation.Next = next;
        generation = next;
    }

    /// <summary>Squeezes the tombstones out, leaving the removed positions to older cursors.</summary>
    void Compact()
    {
        var removed = new int[used - Count];
        int w = 0, ri = 0;
        for (int i = 0; i < used; i++)
        {
            if (keys[i].IsEmpty) { removed[ri++] = i; continue; }
            if (w != i)
            {
                keys[w] = keys[i];
                values[w] = values[i];
                CollectionsMarshal.GetValueRefOrNullRef(index, keys[w]) = w;
            }
            w++;
        }
        Array.Clear(keys, w, used - w);
        Array.Clear(values, w, used - w);
        used = w;
        int cap = Math.Max(8, Count * 2);
        if (keys.Length > 4 * cap) { Array.Resize(ref keys, cap); Array.Resize(ref values, cap); }
        var next = new Generation();
        generation.Removed = removed;
        generation.Next = next;
        generation = next;
    }

    /// <summary>A cursor at the first entry, in the current generation.</summary>
    public Cursor Start() => new() { Generation = generation, Position = 0 };

    /// <summary>Brings a cursor from an older generation up to date.</summary>
    void Sync(Cursor c)
    {
        while (c.Generation.Next is { } next)
        {
            var removed = c.Generation.Removed;
            if (removed == null) c.Position = 0;
            else
            {
                int lo = Array.BinarySearch(removed, c.Position);
                c.Position -= lo >= 0 ? lo : ~lo;
            }
            c.Generation = next;
        }
    }

    /// <summary>The next live entry at or after the cursor, advancing it; false at the end.</summary>
    public bool Next(Cursor c, out JsValue key, out JsValue value)
    {
        Sync(c);
        while (c.Position < used)
        {
            int i = c.Position++;
            if (!keys[i].IsEmpty) { key = keys[i]; value = values[i]; return true; }
        }
        key = value = JsValue.Undefined;
        return false;
    }

    /// <summary>The live entries from the cursor on, without moving it (for console.log of an iterator).</summary>
    public IEnumerable<(JsValue, JsValue)> EntriesFrom(Cursor c)
    {
        Sync(c);
        for (int i = c.Position; i < used; i++) if (!keys[i].IsEmpty) yield return (keys[i], values[i]);
    }

    public IEnumerable<(JsValue, JsValue)> Entries()
    {
        for (int i = 0; i < used; i++) if (!keys[i].IsEmpty) yield return (keys[i], values[i]);
    }

    public void Trace(Collector gc)
    {
        if (Weak) { gc.AddEphemerons(this); return; }
        for (int i = 0; i < used; i++)
            if (!keys[i].IsEmpty) { gc.Mark(keys[i]); gc.Mark(values[i]); }
    }

    public void VisitEphemerons(Collector gc)
    {
        for (int i = 0; i < used; i++)
        {
            var k = keys[i];
            // A WeakSet stores the key as its own value: nothing beyond the key to keep alive.
            if (!k.IsEmpty && values[i].Bits != k.Bits) gc.Ephemeron(k, values[i]);
        }
    }

    public void ClearDead(Collector gc)
    {
        int cleared = 0;
        for (int i = 0; i < used; i++)
        {
            var k = keys[i];
            if (k.IsEmpty || Collector.IsLive(k)) continue;
            index.Remove(k);
            keys[i] = JsValue.Empty;
            values[i] = JsValue.Undefined;
            cleared++;
        }
        if (cleared == 0) return;
        Count -= cleared;
        gc.EphemeronsCleared += cleared;
        if (used - Count > Count) Compact(); // weak tables have no iterators, so the generation left behind is never read
    }

    /// <summary>A position in the entry order that survives compaction (held by iterators and forEach).</summary>
    internal sealed class Cursor
    {
        public required Generation Generation;
        public int Position;
    }

    /// <summary>SameValueZero on normalized keys: identical bits, or strings with equal chars.</summary>
    sealed unsafe class KeyComparer : IEqualityComparer<JsValue>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(JsValue a, JsValue b)
        {
            if (a.Bits == b.Bits) return true;
            return Realm.IsString(a) && Realm.IsString(b) && Realm.StringEquals(a, b);
        }

        public int GetHashCode(JsValue v)
        {
            if (Realm.IsString(v)) return (int)Realm.FlatStringHash(v.Ptr);
            ulong b = v.Bits;
            return (int)(b ^ (b >> 32)) * -1640531535;
        }
    }
}
