namespace Flywheel.Engine.Runtime;

/// <summary>
/// Owns every <see cref="Shape"/>: maps heap shape cells (by id) to their managed halves, creates
/// transitions, and forgets shapes whose cells the GC found dead.
/// </summary>
internal sealed unsafe class ShapeTable(Heap heap)
{
    readonly List<Shape?> byId = new(512); // a new realm's built-ins make about 250
    readonly Stack<int> freeIds = new();
    public Shape Root = null!;

    public void Init() => Root = Register(new Shape(null, 0, PropFlags.None, false));

    public int Count => byId.Count - freeIds.Count;

    Shape Register(Shape s)
    {
        int id;
        if (freeIds.Count > 0) { id = freeIds.Pop(); byId[id] = s; }
        else { id = byId.Count; byId.Add(s); }
        s.Id = id;
        s.Cell = heap.Allocate(24, CellKind.Shape);
        *(int*)(s.Cell + 8) = id;
        *(int*)(s.Cell + 12) = s.SlotCount;
        *(nint*)(s.Cell + 16) = s.Parent?.Cell ?? 0;
        return s;
    }

    public Shape Of(nint cell) => byId[*(int*)(cell + 8)]!;

    /// <summary>The shape after adding (key, flags) to <paramref name="s"/>; for dictionary shapes, edits in place.</summary>
    public Shape AddProperty(Shape s, ulong key, PropFlags flags, out int slot)
    {
        if (s.IsDictionary) { slot = s.DictAdd(key, flags); *(int*)(s.Cell + 12) = s.SlotCount; return s; }
        if (s.SlotCount >= Shape.MaxSharedProperties)
        {
            var d = ToDictionary(s);
            slot = d.DictAdd(key, flags);
            *(int*)(d.Cell + 12) = d.SlotCount;
            return d;
        }
        var next = s.FindTransition(key, flags);
        if (next == null)
        {
            next = Register(new Shape(s, key, flags, false));
            s.AddTransition(next);
        }
        slot = next.SlotCount - 1;
        return next;
    }

    /// <summary>A fresh private dictionary-mode copy of <paramref name="s"/> with the same slot numbering.</summary>
    public Shape ToDictionary(Shape s)
    {
        var d = Register(new Shape(null, 0, PropFlags.None, true));
        // Keep slot numbers identical so the object's slot array stays valid.
        var entries = s.Entries().ToList();
        foreach (var (k, e) in entries) d.DictAdd(k, e.Flags);
        d.SlotCount = s.SlotCount;
        *(int*)(d.Cell + 12) = d.SlotCount;
        return d;
    }

    /// <summary>Called by the sweeper for a dead shape cell.</summary>
    public void Free(nint cell)
    {
        int id = *(int*)(cell + 8);
        var s = byId[id];
        if (s == null) return;
        s.Parent?.RemoveTransition(s);
        byId[id] = null;
        freeIds.Push(id);
    }
}
