using System.Diagnostics;

namespace Flywheel.Engine.Runtime;

/// <summary>Managed data referenced from a heap object that itself holds JavaScript values (Map entries, …).</summary>
internal interface ITraceable
{
    void Trace(Collector gc);
}

/// <summary>
/// Managed data that holds some of its values weakly (WeakMap/WeakSet tables, WeakRef targets,
/// FinalizationRegistry cells). Its <see cref="ITraceable.Trace"/> marks only the strong part and
/// registers the object with <see cref="Collector.AddWeak"/>; once marking has reached its fixpoint
/// the collector calls <see cref="ClearDead"/>, before anything is swept, so no dead address
/// survives in the table (the sweeper may hand that memory to a new cell at once).
/// </summary>
internal interface IWeakHolder
{
    /// <summary>Drops everything whose referent <paramref name="gc"/> did not mark.</summary>
    void ClearDead(Collector gc);
}

/// <summary>A weak holder whose entries are ephemerons (WeakMap/WeakSet storage).</summary>
internal interface IEphemeronTable : IWeakHolder
{
    /// <summary>Calls <see cref="Collector.Ephemeron"/> for every entry.</summary>
    void VisitEphemerons(Collector gc);
}

/// <summary>
/// Precise, non-moving mark-sweep collector. Runs only at safepoints (the interpreter's back-edges,
/// calls and returns) when the heap requests it, or at every safepoint under GC stress.
/// Roots: the JS stack from its base to the current top (every slot there is a valid value by
/// construction of the frame layout), the handle stack, the realm's permanent roots (intrinsics,
/// the global object, atoms), and a pending exception. Function templates are marked through the
/// bytecode function objects that name them (a live template marks its constant pool, cached
/// shapes and nested templates); templates no live function reaches are released after marking.
/// Marking uses an explicit work list, so deep object graphs cannot overflow the .NET stack.
/// <para>
/// Weak collections are ephemeron tables: an entry's value is marked only once its key is marked
/// by some other path. Tables register themselves while being traced (<see cref="AddEphemerons"/>);
/// after the strong marking has drained, each table's entries are visited once: a live key marks
/// its value now, a key not yet marked parks its value in <c>waiting</c>, and when the drain later
/// marks that key the parked values are marked too. A value can reach more keys and more tables,
/// so this repeats until no table is left unvisited and the work list is empty (the fixpoint);
/// each entry is visited once, so chains of any length cost linear time. Then weak holders drop
/// entries with dead keys and clear dead WeakRef targets, and only then does the sweep run.
/// </para>
/// </summary>
internal sealed unsafe class Collector(Realm realm)
{
    readonly Stack<nint> work = new();
    /// <summary>Templates found live whose constants, caches and nested templates are still to be marked.</summary>
    readonly Stack<FunctionTemplate> templateWork = new();
    /// <summary>Numbers the collections, so a template's <see cref="FunctionTemplate.MarkEpoch"/> needs no clearing.</summary>
    int epoch;
    /// <summary>Ephemeron tables found live in this collection, in discovery order; <see cref="visitedTables"/> of them have had their entries visited.</summary>
    readonly List<IEphemeronTable> ephemeronTables = [];
    int visitedTables;
    /// <summary>Values of ephemerons whose key is not marked yet, by key cell; marked when the drain marks the key.</summary>
    readonly Dictionary<nint, List<JsValue>> waiting = [];
    /// <summary>Every weak holder found live in this collection (ephemeron tables included).</summary>
    readonly List<IWeakHolder> weakHolders = [];
    /// <summary>Entries dropped because their key died, over all collections (for tests and statistics).</summary>
    public long EphemeronsCleared;
    public int Collections;
    public double TotalPauseMs, MaxPauseMs;
    /// <summary>GC stress (see <see cref="Heap.Stress"/>, which keeps it because inline allocation depends on it).</summary>
    public bool Stress { get => realm.Heap.Stress; set => realm.Heap.Stress = value; }
    public double MarkMs;
    public long MarkedCells;
    /// <summary>Every pause in milliseconds, for percentiles; past <see cref="MaxPauseSamples"/> a uniform sample of them.</summary>
    readonly List<double> pauses = [];
    const int MaxPauseSamples = 1 << 20;
    ulong sampleState = 0x9E3779B97F4A7C15;

    /// <summary>The <paramref name="percentile"/>-th percentile (0–100) of the pause times in milliseconds (nearest rank); 0 before the first collection.</summary>
    public double PausePercentile(double percentile)
    {
        if (pauses.Count == 0) return 0;
        var sorted = pauses.ToArray();
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    void RecordPause(double ms)
    {
        if (pauses.Count < MaxPauseSamples) { pauses.Add(ms); return; }
        // Reservoir sampling (GC stress runs collect millions of times): keep each pause with probability samples/collections.
        sampleState ^= sampleState << 13; sampleState ^= sampleState >> 7; sampleState ^= sampleState << 17;
        long slot = (long)(sampleState % (ulong)Collections);
        if (slot < MaxPauseSamples) pauses[(int)slot] = ms;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Mark(JsValue v)
    {
        if (!v.IsCell) return;
        MarkCell(v.Ptr);
    }

    /// <summary>Whether <paramref name="v"/> is marked in the current collection (non-cells are always live).</summary>
    public static bool IsLive(JsValue v) => !v.IsCell || Layout.Mark(v.Ptr) != 0;

    /// <summary>Queues a FinalizationRegistry cleanup call; it runs as a job after this collection.</summary>
    public void EnqueueCleanup(JsValue callback, JsValue held) => realm.FinalizationCleanups.Enqueue((callback, held));

    /// <summary>Registers a live holder of weak references; <see cref="IWeakHolder.ClearDead"/> runs after marking.</summary>
    public void AddWeak(IWeakHolder holder) => weakHolders.Add(holder);

    /// <summary>Registers a live ephemeron table (a WeakMap or WeakSet being traced); its entries are visited after the strong marking.</summary>
    public void AddEphemerons(IEphemeronTable table)
    {
        ephemeronTables.Add(table);
        weakHolders.Add(table);
    }

    /// <summary>One ephemeron (key → value) of a table being visited: marks the value now if the key is live, or when it becomes live.</summary>
    public void Ephemeron(JsValue key, JsValue value)
    {
        if (IsLive(key)) { Mark(value); return; }
        if (!value.IsCell || Layout.Mark(value.Ptr) != 0) return; // nothing to keep alive through this entry
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(waiting, key.Ptr, out _);
        (list ??= []).Add(value);
    }

    public void MarkCell(nint c)
    {
        if (c == 0) return;
        ref byte m = ref Layout.Mark(c);
        if (m != 0) return;
        m = 1;
        work.Push(c);
    }

    /// <summary>
    /// Marks a function template live: its constant pool, the shapes its inline caches name and its
    /// nested templates (closures of them can still be created) are marked in the drain.
    /// </summary>
    public void MarkTemplate(FunctionTemplate t)
    {
        if (t.MarkEpoch == epoch) return;
        t.MarkEpoch = epoch;
        templateWork.Push(t);
    }

    public void Collect()
    {
        var sw = Stopwatch.StartNew();
        realm.Heap.NotePeak();
        epoch++;
        MarkRoots();
        Drain();
        // The ephemeron fixpoint: visiting a table can mark values that reach further tables and keys.
        while (visitedTables < ephemeronTables.Count)
        {
            ephemeronTables[visitedTables++].VisitEphemerons(this);
            Drain();
        }
        foreach (var h in weakHolders) h.ClearDead(this);
        realm.ReleaseDeadTemplates(epoch);
        ephemeronTables.Clear();
        weakHolders.Clear();
        waiting.Clear();
        visitedTables = 0;
        MarkMs += sw.Elapsed.TotalMilliseconds;
        realm.Heap.Sweep(c =>
        {
            ref byte m = ref Layout.Mark(c);
            if (m != 0) { m = 0; return true; }
            realm.Finalize(c);
            return false;
        });
        realm.Heap.GcRequested = false;
        // Grow the threshold with the live heap so collection cost stays proportional to allocation.
        realm.Heap.GcThreshold = Math.Max(8L << 20, realm.Heap.TotalBytes);
        Collections++;
        double ms = sw.Elapsed.TotalMilliseconds;
        TotalPauseMs += ms;
        MaxPauseMs = Math.Max(MaxPauseMs, ms);
        RecordPause(ms);
    }

    void MarkRoots()
    {
        var st = realm.Stack;
        for (ulong* p = st.Base; p < st.Top; p++) Mark(new JsValue(*p));
        foreach (var v in realm.Handles) Mark(v);
        foreach (var v in realm.PermanentRoots) Mark(v);
        for (int i = 0; i < realm.GlobalLexicalCount; i++) Mark(realm.GlobalLexical(i));
        foreach (var name in realm.GlobalLexicalNames) MarkCell((nint)name);
        foreach (var (h, a, b, c) in realm.Jobs) { Mark(h); Mark(a); Mark(b); Mark(c); }
        foreach (var t in realm.Timers) { Mark(t.Callback); Mark(t.Args); }
        foreach (var (f, h) in realm.FinalizationCleanups) { Mark(f); Mark(h); }
        foreach (var bits in realm.KeptAlive) Mark(new JsValue(bits));
        // Atoms are weak: shapes, constant pools and the realm's well-known keys keep the live ones.
        MarkCell(realm.Shapes.Root.Cell);
        Mark(realm.PendingException);
        realm.Interp.MarkRoots(this);
    }

    void Drain()
    {
        while (work.Count > 0 || templateWork.Count > 0)
        {
            if (work.Count == 0)
            {
                var t = templateWork.Pop();
                foreach (var v in t.Constants) Mark(v);
                Interp.MarkTemplateCaches(this, t);
                foreach (var child in t.Children) MarkTemplate(child);
                continue;
            }
            nint c = work.Pop();
            MarkedCells++;
            if (waiting.Count != 0 && waiting.Remove(c, out var parked)) foreach (var v in parked) Mark(v);
            switch (Layout.Kind(c))
            {
                case CellKind.String:
                    // A rope keeps its halves (or, once flattened, its flat chars in the left slot).
                    if (Layout.IsRope(c)) { MarkCell(Layout.RopeLeftPtr(c)); MarkCell(Layout.RopeRightPtr(c)); }
                    break;
                case CellKind.Symbol: Mark(Layout.Val(c, 8)); break;
                case CellKind.Accessor: Mark(Layout.Val(c, 8)); Mark(Layout.Val(c, 16)); break;
                case CellKind.Context:
                    Mark(Layout.Val(c, Layout.ContextParent));
                    for (int i = 0, n = (int)Layout.Aux(c); i < n; i++) Mark(Layout.CtxSlot(c, i));
                    break;
                case CellKind.FixedArray:
                    for (int i = 0, n = (int)Layout.Aux(c); i < n; i++) Mark(Layout.FixedAt(c, i));
                    break;
                case CellKind.Shape:
                    MarkCell(*(nint*)(c + 16));
                    var shape = realm.Shapes.Of(c);
                    if (shape.IsDictionary) foreach (var k in shape.Keys) MarkCell((nint)k);
                    else if (shape.Key != 0) MarkCell((nint)shape.Key);
                    break;
                case CellKind.Object: TraceObject(c); break;
            }
        }
    }

    void TraceObject(nint o)
    {
        MarkCell(Layout.ShapePtr(o));
        Mark(Layout.Proto(o));
        var slots = Layout.Slots(o);
        if (slots != null) for (int i = 0, n = (int)slots[-1]; i < n; i++) Mark(new JsValue(slots[i]));
        var flags = Layout.Flags(o);
        if ((flags & CellFlags.SparseElements) != 0)
        {
            foreach (var (_, e) in realm.Sparse(o).Map) Mark(e.Value);
        }
        else
        {
            var el = Layout.Elements(o);
            if (el != null) for (int i = 0, n = (int)el[-1]; i < n; i++) Mark(new JsValue(el[i]));
        }
        bool ext = (flags & CellFlags.External) != 0;
        if (Layout.Class(o) == ObjClass.Function && Functions.Kind(o) == FunctionKind.Bytecode)
        {
            MarkTemplate(realm.Templates[Layout.Internal(o, 0).Int32]);
            for (int i = 1; i < (ext ? 3 : 4); i++) Mark(Layout.Internal(o, i));
        }
        else for (int i = 0; i < (ext ? 3 : 4); i++) Mark(Layout.Internal(o, i));
        if (ext && realm.External(Layout.Internal(o, 3).Int32) is ITraceable t) t.Trace(this);
    }
}
