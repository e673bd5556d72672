using System.Diagnostics;

namespace Flywheel.Engine.Runtime;

/// <summary>Managed data referenced from a heap object that itself holds JavaScript values (Map entries, …).</summary>
internal interface ITraceable
{
    void Trace(Collector gc);
}

/// <summary>
/// Precise, non-moving mark-sweep collector. Runs only at safepoints (the interpreter's back-edges,
/// calls and returns) when the heap requests it, or at every safepoint under GC stress.
/// Roots: the JS stack from its base to the current top (every slot there is a valid value by
/// construction of the frame layout), the handle stack, the realm's permanent roots (intrinsics,
/// the global object, atoms), function templates' constant pools, and a pending exception.
/// Marking uses an explicit work list, so deep object graphs cannot overflow the .NET stack.
/// </summary>
internal sealed unsafe class Collector(Realm realm)
{
    readonly Stack<nint> work = new();
    public int Collections;
    public double TotalPauseMs, MaxPauseMs;
    public bool Stress;
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

    public void MarkCell(nint c)
    {
        if (c == 0) return;
        ref byte m = ref Layout.Mark(c);
        if (m != 0) return;
        m = 1;
        work.Push(c);
    }

    public void Collect()
    {
        var sw = Stopwatch.StartNew();
        realm.Heap.NotePeak();
        MarkRoots();
        Drain();
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
        foreach (var v in realm.GlobalLexicalValues) Mark(v);
        foreach (var (h, a, b, c) in realm.Jobs) { Mark(h); Mark(a); Mark(b); Mark(c); }
        foreach (var t in realm.Timers) { Mark(t.Callback); Mark(t.Args); }
        // Atoms are weak: shapes, constant pools and the realm's well-known keys keep the live ones.
        MarkCell(realm.Shapes.Root.Cell);
        foreach (var t in realm.Templates) foreach (var v in t.Constants) Mark(v);
        Mark(realm.PendingException);
        realm.Interp.MarkRoots(this);
    }

    void Drain()
    {
        while (work.Count > 0)
        {
            nint c = work.Pop();
            MarkedCells++;
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
        for (int i = 0; i < (ext ? 3 : 4); i++) Mark(Layout.Internal(o, i));
        if (ext && realm.External(Layout.Internal(o, 3).Int32) is ITraceable t) t.Trace(this);
    }
}
