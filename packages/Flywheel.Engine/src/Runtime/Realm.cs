using System.Runtime.InteropServices;

namespace Flywheel.Engine.Runtime;

/// <summary>A built-in implemented in C#. Arguments are read from the JS stack through <see cref="CallArgs"/>.</summary>
internal delegate JsValue NativeFn(Realm realm, in CallArgs args);

/// <summary>Arguments of a call into a native function; they live on the JS stack (so they are rooted).</summary>
internal readonly unsafe struct CallArgs(JsValue thisValue, JsValue* argv, int count, JsValue newTarget, JsValue callee)
{
    public readonly JsValue This = thisValue;
    public readonly JsValue* Argv = argv;
    public readonly int Count = count;
    public readonly JsValue NewTarget = newTarget;
    public readonly JsValue Callee = callee;
    public JsValue this[int i] => i < Count ? Argv[i] : JsValue.Undefined;
    public bool IsConstruct => !NewTarget.IsUndefined;
}

/// <summary>
/// One engine instance's world: the heap, shapes, atoms, the JS stack, the intrinsics and the global
/// object. Everything JavaScript-visible hangs off a realm; the public <see cref="JsEngine"/> owns one.
/// Not thread-safe: one thread at a time.
/// </summary>
internal sealed unsafe partial class Realm : IDisposable
{
    public readonly Heap Heap = new();
    public readonly ShapeTable Shapes;
    public readonly JsStack Stack;
    public readonly Collector Gc;
    public readonly TemplateTable Templates = new();
    // Sized for the built-ins a new realm registers (about 250), so start-up does not regrow them.
    public readonly List<NativeFn> Natives = new(512);
    public readonly List<string> NativeNames = new(512);
    readonly List<object?> externals = [];
    readonly Stack<int> freeExternals = new();
    /// <summary>Values held by C# code across calls into JavaScript (see <see cref="HandleScope"/>).</summary>
    public readonly List<JsValue> Handles = [];
    /// <summary>Per-engine permanent roots (intrinsics, well-known symbols, global lexical bindings).</summary>
    public readonly List<JsValue> PermanentRoots = [];
    public JsValue PendingException;
    public readonly Interp Interp;
    /// <summary>Counters, feedback, inline-cache entries and samples of this engine's functions.</summary>
    public readonly EngineProfiling Profiling;
    public readonly EngineLimits Limits;
    public TextWriter Out = Console.Out;
    public int NextSymbolId = 1;

    public Realm(EngineLimits limits)
    {
        Limits = limits;
        Heap.MaxBytes = limits.MaxHeapBytes;
        Shapes = new ShapeTable(Heap);
        Shapes.Init();
        Stack = new JsStack(limits.StackBytes);
        Gc = new Collector(this);
        Interp = new Interp(this);
        Profiling = new EngineProfiling(this, limits);
        Interp.ConfigureProfiling(Profiling);
        InitAtoms();
        Intrinsics.Init(this);
    }

    // ---------------------------------------------------------------- externals
    public int AddExternal(object o)
    {
        if (freeExternals.Count > 0) { int i = freeExternals.Pop(); externals[i] = o; return i; }
        externals.Add(o);
        return externals.Count - 1;
    }

    public object External(int i) => externals[i]!;
    public T External<T>(nint obj) where T : class => (T)externals[Layout.Internal(obj, 3).Int32]!;
    public void FreeExternal(int i) { externals[i] = null; freeExternals.Push(i); }
    public IEnumerable<object> LiveExternals() { foreach (var e in externals) if (e != null) yield return e; }

    // ---------------------------------------------------------------- allocation
    /// <summary>Allocates an object with the empty shape.</summary>
    public nint NewObject(JsValue proto, ObjClass cls = ObjClass.Ordinary)
    {
        nint o = Heap.Allocate(Layout.ObjectSize, CellKind.Object);
        *(byte*)(o + 4) = (byte)cls;
        Layout.ShapePtr(o) = Shapes.Root.Cell;
        Layout.Proto(o) = proto;
        for (int i = 0; i < 4; i++) Layout.Internal(o, i) = JsValue.Undefined;
        return o;
    }

    public nint NewObjectWithExternal(JsValue proto, ObjClass cls, object external)
    {
        nint o = NewObject(proto, cls);
        Layout.Internal(o, 3) = JsValue.FromInt(AddExternal(external));
        Layout.Flags(o) |= CellFlags.External;
        return o;
    }

    public nint NewContext(int slots, JsValue parent)
    {
        nint c = Heap.Allocate(Layout.ContextSlots + 8 * slots, CellKind.Context);
        Layout.Aux(c) = (uint)slots;
        Layout.Val(c, Layout.ContextParent) = parent;
        for (int i = 0; i < slots; i++) Layout.CtxSlot(c, i) = JsValue.Empty;
        return c;
    }

    public nint NewFixedArray(int length)
    {
        nint a = Heap.Allocate(Layout.FixedArrayValues + 8 * length, CellKind.FixedArray);
        Layout.Aux(a) = (uint)length;
        for (int i = 0; i < length; i++) Layout.FixedAt(a, i) = JsValue.Undefined;
        return a;
    }

    public nint NewAccessor(JsValue getter, JsValue setter)
    {
        nint a = Heap.Allocate(24, CellKind.Accessor);
        Layout.Val(a, 8) = getter;
        Layout.Val(a, 16) = setter;
        return a;
    }

    public nint NewSymbol(JsValue description)
    {
        nint s = Heap.Allocate(24, CellKind.Symbol);
        Layout.Val(s, 8) = description;
        *(int*)(s + 16) = NextSymbolId++;
        return s;
    }

    /// <summary>Private names (#x) are symbols flagged private: invisible to reflection.</summary>
    public static bool IsPrivateSymbol(nint s) => (Layout.Flags(s) & CellFlags.Atom) != 0;

    /// <summary>Called by the sweeper for each dead cell before its memory is reused.</summary>
    public void Finalize(nint cell)
    {
        switch (Layout.Kind(cell))
        {
            case CellKind.Object:
                var slots = Layout.Slots(cell);
                if (slots != null) Heap.FreeBuffer(slots, 1, (int)slots[-1]);
                var flags = Layout.Flags(cell);
                var el = Layout.Elements(cell);
                if ((flags & CellFlags.SparseElements) != 0) FreeExternal((int)(nint)el);
                else if (el != null) Heap.FreeBuffer(el, 1, (int)el[-1]);
                if ((flags & CellFlags.External) != 0)
                {
                    int idx = Layout.Internal(cell, 3).Int32;
                    if (externals[idx] is IDisposable d) d.Dispose();
                    FreeExternal(idx);
                }
                break;
            case CellKind.Shape:
                Shapes.Free(cell);
                break;
            case CellKind.String:
                if ((Layout.Flags(cell) & CellFlags.Atom) != 0) ForgetAtom(cell);
                break;
        }
    }

    public void Dispose()
    {
        // Only objects own memory outside the heap; the cells themselves go with their chunks, so
        // nothing is swept into free lists and atoms and shapes are not forgotten one by one.
        Heap.ForEachCell(CellKind.Object, Finalize);
        Profiling.Dispose();
        Heap.Dispose();
        Stack.Dispose();
        Interp.Jit?.Dispose();
        FreeValidityBlock();
    }
}

/// <summary>
/// Marks a position in <see cref="Realm.Handles"/>; values pushed after it stay rooted until the
/// scope is disposed. C# code that keeps a heap value across anything that can reach a safepoint
/// (a call into JavaScript) must hold it through a handle.
/// </summary>
internal readonly struct HandleScope(Realm realm) : IDisposable
{
    readonly int mark = realm.Handles.Count;
    public int Add(JsValue v) { realm.Handles.Add(v); return realm.Handles.Count - 1; }
    public JsValue this[int i] { get => realm.Handles[i]; set => realm.Handles[i] = value; }
    public void Dispose() => realm.Handles.RemoveRange(mark, realm.Handles.Count - mark);
}
