namespace Flywheel.Engine.Runtime;

/// <summary>Property attributes as stored in shapes.</summary>
[Flags]
internal enum PropFlags : byte
{
    None = 0,
    Writable = 1,
    Enumerable = 2,
    Configurable = 4,
    /// <summary>The slot holds an Accessor cell (getter/setter pair).</summary>
    Accessor = 8,
    Default = Writable | Enumerable | Configurable,
    Hidden = Writable | Configurable,
}

/// <summary>One property as a shape describes it: its slot in the object's slot array and its attributes.</summary>
internal readonly record struct PropEntry(int Slot, PropFlags Flags);

/// <summary>
/// A hidden class. Shared shapes form a transition tree from the one empty root: adding key K with
/// attributes A to an object of shape S moves it to S's child (K, A), created once and reused, so
/// objects built alike share a shape and a property access is one shape compare plus one load.
/// Objects that delete properties, change attributes or grow past <see cref="MaxSharedProperties"/>
/// get a private dictionary-mode shape that is edited in place.
/// The managed part lives here; the heap cell (<see cref="Cell"/>) is what objects point to, and it
/// carries <see cref="Id"/> so the GC and machine code can find and compare it.
/// Invariants (checked by the property tests): SlotCount equals the number of distinct slots named
/// by the table; keys are unique; a shared shape is never mutated after creation.
/// </summary>
internal sealed class Shape
{
    public const int MaxSharedProperties = 64;

    public nint Cell;
    public int Id;
    public readonly Shape? Parent;
    public readonly ulong Key;
    public readonly PropFlags Flags;
    public int SlotCount;
    public readonly bool IsDictionary;
    /// <summary>The first transition is kept inline (most shapes never get a second): a child's own Key/Flags are its edge label.</summary>
    Shape? firstTransition;
    /// <summary>Transitions after the first, by (key, attributes).</summary>
    Dictionary<(ulong, PropFlags), Shape>? transitions;
    /// <summary>
    /// Set on the global object's (dictionary) shape while some built-in globals are not created yet:
    /// called with the key of a lookup that missed; true if it created that property
    /// (see <c>Realm.LazyGlobals</c>). Every own-property lookup goes through <see cref="TryGet"/>, so
    /// interpreter, inline-cache slow paths and built-ins all see the property as if it had always been there.
    /// </summary>
    public Func<ulong, bool>? MaterializeOnMiss;
    Dictionary<ulong, PropEntry>? table;
    List<ulong>? ordered;

    public Shape(Shape? parent, ulong key, PropFlags flags, bool dictionary)
    {
        Parent = parent;
        Key = key;
        Flags = flags;
        IsDictionary = dictionary;
        SlotCount = parent == null ? 0 : parent.SlotCount + 1;
        if (dictionary) { table = []; ordered = []; SlotCount = 0; }
    }

    /// <summary>The child shape for adding (key, flags), if it exists.</summary>
    public Shape? FindTransition(ulong key, PropFlags flags)
    {
        var t = firstTransition;
        if (t != null && t.Key == key && t.Flags == flags) return t;
        return transitions != null && transitions.TryGetValue((key, flags), out var next) ? next : null;
    }

    public void AddTransition(Shape child)
    {
        if (firstTransition == null) firstTransition = child;
        else (transitions ??= [])[(child.Key, child.Flags)] = child;
    }

    public void RemoveTransition(Shape child)
    {
        if (firstTransition == child) firstTransition = null;
        else if (transitions != null && transitions.TryGetValue((child.Key, child.Flags), out var t) && t == child) transitions.Remove((child.Key, child.Flags));
    }

    public int PropertyCount => IsDictionary ? ordered!.Count : SlotCount;

    /// <summary>
    /// The key → entry table. A shared shape usually borrows its parent's table and appends its own
    /// key (V8 shares descriptor arrays along a transition chain the same way): every entry of a
    /// shared shape's chain has slot = position in the chain, so an entry from the borrowed table
    /// belongs to this shape exactly when its slot is below <see cref="SlotCount"/>. Only the shape
    /// at the tip of the table (<c>table.Count == SlotCount</c>) may lend it on, so building an
    /// object with n properties costs O(n), not the O(n²) of one table per intermediate shape.
    /// </summary>
    Dictionary<ulong, PropEntry> Table
    {
        get
        {
            if (table != null) return table;
            var pt = Parent?.table;
            if (pt != null && pt.Count == Parent!.SlotCount && pt.TryAdd(Key, new PropEntry(SlotCount - 1, Flags))) return table = pt;
            var t = new Dictionary<ulong, PropEntry>(SlotCount);
            for (var s = this; s != null && s.Parent != null; s = s.Parent)
                t[s.Key] = new PropEntry(s.SlotCount - 1, s.Flags);
            return table = t;
        }
    }

    public bool TryGet(ulong key, out PropEntry e)
    {
        if (!IsDictionary && SlotCount <= 6)
        {
            for (var s = this; s.Parent != null; s = s.Parent)
                if (s.Key == key) { e = new PropEntry(s.SlotCount - 1, s.Flags); return true; }
            e = default;
            return false;
        }
        // A borrowed table may hold entries of descendants (slot >= SlotCount): not ours.
        if (Table.TryGetValue(key, out e) && (IsDictionary || e.Slot < SlotCount)) return true;
        return MaterializeOnMiss != null && MaterializeOnMiss(key) && table!.TryGetValue(key, out e);
    }

    /// <summary>Keys in insertion order.</summary>
    public List<ulong> Keys
    {
        get
        {
            if (ordered != null) return ordered;
            var list = new List<ulong>(SlotCount);
            for (var s = this; s.Parent != null; s = s.Parent) list.Add(s.Key);
            list.Reverse();
            return ordered = list;
        }
    }

    // Dictionary-mode edits (only on private shapes).
    public int DictAdd(ulong key, PropFlags flags)
    {
        int slot = SlotCount++;
        table!.Add(key, new PropEntry(slot, flags));
        ordered!.Add(key);
        return slot;
    }

    public void DictSetFlags(ulong key, PropFlags flags)
    {
        var e = table![key];
        table[key] = e with { Flags = flags };
    }

    public void DictRemove(ulong key)
    {
        table!.Remove(key);
        ordered!.Remove(key);
    }

    public IEnumerable<KeyValuePair<ulong, PropEntry>> Entries()
    {
        foreach (var k in Keys) yield return new(k, Table[k]);
    }
}
