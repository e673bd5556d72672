namespace Flywheel.Engine.Runtime;

/// <summary>
/// Built-in globals created on first use. Most scripts never touch Date, typed arrays, Map/Set,
/// WeakRef, Reflect, Math or JSON, yet creating them was most of the cost of a new engine. Each lazy
/// group (its global names and the code that creates them) is registered at start-up; the global
/// object lives in dictionary mode from birth and its shape's <see cref="Shape.MaterializeOnMiss"/>
/// hook creates a group when a lookup of one of its names misses, so the property is found by the
/// same lookup (loads, stores, `typeof`, `in`, `delete`, defineProperty and inline-cache slow paths
/// all look properties up through <see cref="Shape.TryGet"/>). Enumerating the global object's keys
/// (<see cref="OwnKeys"/>) creates every pending group first, so reflection sees every global. A
/// created group's globals come after the ones created eagerly in the global object's key order.
/// </summary>
internal sealed partial class Realm
{
    readonly Dictionary<ulong, LazyGlobalGroup> lazyGlobalsByName = [];
    readonly List<LazyGlobalGroup> lazyGroups = [];

    sealed class LazyGlobalGroup(PropKey[] names, Action<Realm> create, nint[] prototypes)
    {
        public readonly PropKey[] Names = names;
        public readonly Action<Realm> Create = create;
        public readonly nint[] Prototypes = prototypes;
    }

    /// <summary>Groups not created yet (for tests and statistics).</summary>
    public int PendingLazyGlobalGroups => lazyGroups.Count;

    /// <summary>
    /// Registers globals <paramref name="names"/>, created together by <paramref name="create"/> when any
    /// of them is first looked up. <paramref name="create"/> must define exactly those globals, plus the
    /// properties of <paramref name="prototypes"/>: objects that exist (empty) before the group does,
    /// because the runtime makes instances of them; they are put in dictionary mode with a
    /// <see cref="Shape.MaterializeOnMiss"/> hook, so any lookup that misses on one of them, and listing
    /// its keys, creates the group first.
    /// </summary>
    public void AddLazyGlobals(string[] names, Action<Realm> create, params nint[] prototypes)
    {
        var keys = new PropKey[names.Length];
        var group = new LazyGlobalGroup(keys, create, prototypes);
        for (int i = 0; i < names.Length; i++)
        {
            keys[i] = Key(names[i]);
            // The atom must outlive the wait: a new atom for the same name would be another key.
            PermanentRoots.Add(JsValue.FromPtr(keys[i].Ptr));
            lazyGlobalsByName.Add(keys[i].Bits, group);
        }
        lazyGroups.Add(group);
        ShapeOf(GlobalObject).MaterializeOnMiss ??= MaterializeGlobal;
        foreach (nint p in prototypes)
        {
            var shape = ShapeOf(p);
            if (!shape.IsDictionary) { shape = Shapes.ToDictionary(shape); Layout.ShapePtr(p) = shape.Cell; }
            shape.MaterializeOnMiss = _ =>
            {
                if (!lazyGroups.Contains(group)) return false;
                Materialize(group);
                return true;
            };
        }
    }

    /// <summary>Creates the pending group <paramref name="o"/> is a prototype of, if any (before its keys are listed).</summary>
    void MaterializeForKeys(nint o)
    {
        if (o == GlobalObject) MaterializeAllGlobals();
        else ShapeOf(o).MaterializeOnMiss?.Invoke(0);
    }

    bool MaterializeGlobal(ulong key)
    {
        if (!lazyGlobalsByName.TryGetValue(key, out var group)) return false;
        Materialize(group);
        return true;
    }

    void Materialize(LazyGlobalGroup group)
    {
        // Forget the group first: its own setup looks its names up while defining them.
        foreach (var k in group.Names) lazyGlobalsByName.Remove(k.Bits);
        lazyGroups.Remove(group);
        if (lazyGroups.Count == 0) ShapeOf(GlobalObject).MaterializeOnMiss = null;
        foreach (nint p in group.Prototypes) ShapeOf(p).MaterializeOnMiss = null;
        group.Create(this);
    }

    /// <summary>Creates every pending lazy global (before the global object's keys are listed).</summary>
    public void MaterializeAllGlobals()
    {
        while (lazyGroups.Count > 0) Materialize(lazyGroups[0]);
    }
}
