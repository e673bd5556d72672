using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flywheel.Profiling;
using L = Flywheel.Profiling.FeedbackLayout;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// Inline caches for named property loads and stores and for global loads and stores. The
/// entries live in the function's feedback vector (<see cref="FeedbackLayout"/>), so the baseline
/// JIT can emit the same checks inline: a monomorphic hit is one compare of the receiver's shape
/// cell with entry 0's key and one slot load or store.
/// </summary>
/// <remarks>
/// <para>Keys of property sites are shape cell addresses (never 0). Only shared shapes are cached:
/// they are immutable, so (shape → slot) stays true for the shape's lifetime, and the collector
/// keeps cached shapes alive (<see cref="MarkInlineCaches"/>) so a cell address is never reused
/// while an entry names it. Dictionary-mode shapes, accessors, non-writable properties, the
/// exotic <c>length</c> of arrays and strings, primitives and megamorphic sites take the generic
/// path. An exotic object whose named properties are not all in its shape (a Proxy, when there
/// is one) must therefore be given a private dictionary-mode shape: no cache ever names it.</para>
/// <para>Handler words (an entry's value):</para>
/// <code>
///   &lt; 2^32                own data property of the receiver: its slot index (loads and stores)
///   ProtoLoadTag   | i     prototype-chain load: handler record i (holder, slot, receiver's prototype, epoch)
///   TransitionTag  | i     add-property store: handler record i (new shape, slot, receiver's prototype, epoch)
/// global sites:
///   key GlobalObjectKey    GlobalEpoch &lt;&lt; 32 | slot of the global object's own data property
///   key GlobalLexicalKey   index of a global lexical binding (never removed, so always valid)
/// </code>
/// </remarks>
internal sealed unsafe partial class Interp
{
    internal const ulong ProtoLoadTag = 1UL << 56, TransitionTag = 2UL << 56, HandlerIndexMask = (1UL << 56) - 1;
    internal const ulong GlobalObjectKey = 1, GlobalLexicalKey = 2;
    const int Entry0Key = L.CacheEntriesOffset, Entry0Value = L.CacheEntriesOffset + 8;

    /// <summary>
    /// What a prototype-chain load or an add-property store needs beyond the shape. The records are
    /// in unmanaged memory (<see cref="CacheValidityBlock.Handlers"/>), so baseline code checks and
    /// uses them inline; the offsets are what it reads.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = Size)]
    internal struct IcHandler
    {
        public const int HolderOffset = 0, NewShapeOffset = 8, ReceiverProtoOffset = 16, SlotOffset = 24, EpochOffset = 28, Size = 32, SizeLog2 = 5;

        /// <summary>Load: the prototype holding the property.</summary>
        [FieldOffset(HolderOffset)] public nint Holder;
        /// <summary>Store: the receiver's shape after the add.</summary>
        [FieldOffset(NewShapeOffset)] public nint NewShape;
        /// <summary>The receiver's prototype the entry was made for (the shape does not fix it).</summary>
        [FieldOffset(ReceiverProtoOffset)] public ulong ReceiverProto;
        [FieldOffset(SlotOffset)] public int Slot;
        [FieldOffset(EpochOffset)] public uint Epoch;
    }

    int icHandlerCount, icHandlerCapacity;

    /// <summary>Handler record <paramref name="index"/> (the array may move when <see cref="NewHandler"/> grows it).</summary>
    ref IcHandler Handler(ulong index) => ref ((IcHandler*)realm.Validity->Handlers)[index];

    /// <summary>
    /// Named load (<c>GetNamed r, name, slot</c>). The hit path is inlined into the dispatch loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    JsValue LoadNamed(FunctionTemplate t, byte* pc, JsValue obj, LoopState* st)
    {
        if (obj.IsCell && Layout.Kind(obj.Ptr) == CellKind.Object)
        {
            byte* ic = t.FeedbackSlot(*(int*)(pc + 7));
            ulong h = *(ulong*)(ic + Entry0Value);
            if (*(ulong*)(ic + Entry0Key) == (ulong)Layout.ShapePtr(obj.Ptr) && h <= uint.MaxValue)
                return new JsValue(Layout.Slots(obj.Ptr)[h]);
        }
        return LoadNamedMiss(t, pc, obj, st);
    }

    /// <summary>Prototype-chain and polymorphic hits, then the lookup that fills the cache.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    JsValue LoadNamedMiss(FunctionTemplate t, byte* pc, JsValue obj, LoopState* st)
    {
        ulong stale = 0;
        if (inlineCaches && obj.IsCell && Layout.Kind(obj.Ptr) == CellKind.Object)
        {
            byte* ic = t.FeedbackSlot(*(int*)(pc + 7));
            nint o = obj.Ptr;
            ulong shapeCell = (ulong)Layout.ShapePtr(o);
            for (int i = 0, n = ic[L.CacheCountOffset]; i < n; i++)
            {
                byte* e = ic + L.CacheEntriesOffset + i * L.CacheEntrySize;
                if (*(ulong*)e != shapeCell) continue;
                ulong h = *(ulong*)(e + 8);
                if (h <= uint.MaxValue) return new JsValue(Layout.Slots(o)[h]);
                ref var r = ref Handler(h & HandlerIndexMask);
                if (Layout.Proto(o).Bits == r.ReceiverProto && r.Epoch == realm.ProtoEpoch) return new JsValue(Layout.Slots(r.Holder)[r.Slot]);
                stale = h;
                break;
            }
        }
        st->Pc = pc;
        return LoadNamedUncached(t, pc, obj, stale);
    }

    JsValue LoadNamedUncached(FunctionTemplate t, byte* pc, JsValue obj, ulong stale)
    {
        var key = new PropKey(t.Constants[*(int*)(pc + 3)].Bits);
        if (obj.IsNullish) throw ReadNullishError(obj, key);
        if (!inlineCaches || !obj.IsCell || Layout.Kind(obj.Ptr) != CellKind.Object) return realm.Get(obj, key);
        int slot = *(int*)(pc + 7);
        byte* ic = t.FeedbackSlot(slot);
        nint o = obj.Ptr;
        ulong shapeCell = (ulong)Layout.ShapePtr(o);
        if (ic[L.CacheStateOffset] == (byte)InlineCacheState.Megamorphic)
        {
            if (recordFeedback) t.Feedback.RecordShape(slot, shapeCell, 0);
            return realm.Get(obj, key);
        }
        var shape = realm.Shapes.Of((nint)shapeCell);
        if (key.Bits == realm.KLength.Bits || shape.IsDictionary) return realm.Get(obj, key);
        if (shape.TryGet(key.Bits, out var own))
        {
            if ((own.Flags & PropFlags.Accessor) != 0) return realm.Get(obj, key);
            t.Feedback.RecordShape(slot, shapeCell, (ulong)own.Slot);
            return new JsValue(Layout.Slots(o)[own.Slot]);
        }
        // A typed array answers numeric string keys ("-1", "NaN", …) itself, before any prototype.
        if (Layout.Class(o) == ObjClass.TypedArray && realm.IsCanonicalNumericString(key)) return realm.Get(obj, key);
        var receiverProto = Layout.Proto(o);
        nint holder = 0;
        int holderSlot = 0;
        for (var p = receiverProto; ; p = Layout.Proto(p.Ptr))
        {
            if (!p.IsCell) return JsValue.Undefined;
            if (Layout.Class(p.Ptr) == ObjClass.TypedArray && realm.IsCanonicalNumericString(key)) return realm.Get(obj, key);
            if (realm.ShapeOf(p.Ptr).TryGet(key.Bits, out var e))
            {
                if ((e.Flags & PropFlags.Accessor) != 0) return realm.Get(obj, key);
                holder = p.Ptr;
                holderSlot = e.Slot;
                break;
            }
        }
        for (var p = receiverProto; ; p = Layout.Proto(p.Ptr))
        {
            Realm.IcFlags(p.Ptr) |= Realm.IcPrototypeFlag;
            if (p.Ptr == holder) break;
        }
        int index = stale >= ProtoLoadTag && stale < TransitionTag ? (int)(stale & HandlerIndexMask) : NewHandler();
        Handler((ulong)index) = new IcHandler { Holder = holder, ReceiverProto = receiverProto.Bits, Slot = holderSlot, Epoch = realm.ProtoEpoch };
        t.Feedback.RecordShape(slot, shapeCell, ProtoLoadTag | (uint)index);
        return new JsValue(Layout.Slots(holder)[holderSlot]);
    }

    /// <summary>Named store (<c>SetNamed r, name, slot</c>) of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void StoreNamed(FunctionTemplate t, byte* pc, JsValue obj, JsValue value, LoopState* st)
    {
        if (obj.IsCell && Layout.Kind(obj.Ptr) == CellKind.Object)
        {
            byte* ic = t.FeedbackSlot(*(int*)(pc + 7));
            ulong h = *(ulong*)(ic + Entry0Value);
            if (*(ulong*)(ic + Entry0Key) == (ulong)Layout.ShapePtr(obj.Ptr) && h <= uint.MaxValue)
            {
                Layout.Slots(obj.Ptr)[h] = value.Bits;
                return;
            }
        }
        StoreNamedMiss(t, pc, obj, value, st);
    }

    /// <summary>Transition and polymorphic hits, then the store that fills the cache.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void StoreNamedMiss(FunctionTemplate t, byte* pc, JsValue obj, JsValue value, LoopState* st)
    {
        ulong stale = 0;
        if (inlineCaches && obj.IsCell && Layout.Kind(obj.Ptr) == CellKind.Object)
        {
            byte* ic = t.FeedbackSlot(*(int*)(pc + 7));
            nint o = obj.Ptr;
            ulong shapeCell = (ulong)Layout.ShapePtr(o);
            for (int i = 0, n = ic[L.CacheCountOffset]; i < n; i++)
            {
                byte* e = ic + L.CacheEntriesOffset + i * L.CacheEntrySize;
                if (*(ulong*)e != shapeCell) continue;
                ulong h = *(ulong*)(e + 8);
                if (h <= uint.MaxValue) { Layout.Slots(o)[h] = value.Bits; return; }
                if (TryTransition(o, ref Handler(h & HandlerIndexMask), value)) return;
                stale = h;
                break;
            }
        }
        st->Pc = pc;
        StoreNamedUncached(t, pc, obj, value, stale);
    }

    void StoreNamedUncached(FunctionTemplate t, byte* pc, JsValue obj, JsValue value, ulong stale)
    {
        var key = new PropKey(t.Constants[*(int*)(pc + 3)].Bits);
        if (!inlineCaches || !obj.IsCell || Layout.Kind(obj.Ptr) != CellKind.Object)
        {
            realm.Set(obj, key, value, t.IsStrict);
            return;
        }
        int slot = *(int*)(pc + 7);
        byte* ic = t.FeedbackSlot(slot);
        nint o = obj.Ptr;
        ulong shapeCell = (ulong)Layout.ShapePtr(o);
        if (ic[L.CacheStateOffset] == (byte)InlineCacheState.Megamorphic)
        {
            if (recordFeedback) t.Feedback.RecordShape(slot, shapeCell, 0);
            realm.Set(obj, key, value, t.IsStrict);
            return;
        }
        var shape = realm.Shapes.Of((nint)shapeCell);
        if (key.Bits == realm.KLength.Bits || shape.IsDictionary)
        {
            realm.Set(obj, key, value, t.IsStrict);
            return;
        }
        if (shape.TryGet(key.Bits, out var own))
        {
            if ((own.Flags & (PropFlags.Accessor | PropFlags.Writable)) == PropFlags.Writable)
            {
                t.Feedback.RecordShape(slot, shapeCell, (ulong)own.Slot);
                Layout.Slots(o)[own.Slot] = value.Bits;
            }
            else realm.Set(obj, key, value, t.IsStrict);
            return;
        }
        // An add: cacheable when the receiver is an ordinary extensible object nothing else relies
        // on and no prototype has a setter or a read-only property of that name.
        var receiverProto = Layout.Proto(o);
        bool cacheable = (Layout.Flags(o) & CellFlags.NotExtensible) == 0 && Realm.IcFlags(o) == 0 && shape.SlotCount < Shape.MaxSharedProperties;
        for (var p = receiverProto; cacheable && p.IsCell; p = Layout.Proto(p.Ptr))
        {
            var ps = realm.ShapeOf(p.Ptr);
            if (ps.TryGet(key.Bits, out var e) && (e.Flags & (PropFlags.Accessor | PropFlags.Writable)) != PropFlags.Writable) cacheable = false;
        }
        if (!cacheable)
        {
            realm.Set(obj, key, value, t.IsStrict);
            return;
        }
        for (var p = receiverProto; p.IsCell; p = Layout.Proto(p.Ptr)) Realm.IcFlags(p.Ptr) |= Realm.IcPrototypeFlag;
        uint epoch = realm.ProtoEpoch;
        realm.Set(obj, key, value, t.IsStrict);
        var after = realm.ShapeOf(o);
        if (epoch != realm.ProtoEpoch || after.IsDictionary || after.Parent != shape || after.Key != key.Bits || after.Flags != PropFlags.Default) return;
        int index = stale >= TransitionTag ? (int)(stale & HandlerIndexMask) : NewHandler();
        Handler((ulong)index) = new IcHandler { NewShape = after.Cell, ReceiverProto = receiverProto.Bits, Slot = after.SlotCount - 1, Epoch = epoch };
        t.Feedback.RecordShape(slot, shapeCell, TransitionTag | (uint)index);
    }

    bool TryTransition(nint o, ref IcHandler r, JsValue value)
    {
        if (r.NewShape == 0 || Layout.Proto(o).Bits != r.ReceiverProto || r.Epoch != realm.ProtoEpoch) return false;
        if ((Layout.Flags(o) & CellFlags.NotExtensible) != 0 || Realm.IcFlags(o) != 0) return false;
        realm.EnsureSlots(o, r.Slot + 1);
        Layout.Slots(o)[r.Slot] = value.Bits;
        Layout.ShapePtr(o) = r.NewShape;
        return true;
    }

    int NewHandler()
    {
        if (icHandlerCount == icHandlerCapacity)
        {
            icHandlerCapacity = Math.Max(16, icHandlerCapacity * 2);
            realm.Validity->Handlers = NativeMemory.Realloc(realm.Validity->Handlers, (nuint)(icHandlerCapacity * sizeof(IcHandler)));
        }
        return icHandlerCount++;
    }

    /// <summary>Global load (<c>LdaGlobal name, slot</c>): a global lexical binding or a data property of the global object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    JsValue LoadGlobal(FunctionTemplate t, byte* pc, LoopState* st)
    {
        byte* ic = t.FeedbackSlot(*(int*)(pc + 5));
        ulong k = *(ulong*)(ic + Entry0Key), h = *(ulong*)(ic + Entry0Value);
        var validity = realm.Validity;
        if (k == GlobalObjectKey && (uint)(h >> 32) == validity->GlobalEpoch) return new JsValue(Layout.Slots(realm.GlobalObject)[(uint)h]);
        if (k == GlobalLexicalKey)
        {
            var v = validity->GlobalLexicalValues[h];
            if (!v.IsEmpty) return v;
        }
        return LoadGlobalMiss(t, pc, st);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsValue LoadGlobalMiss(FunctionTemplate t, byte* pc, LoopState* st)
    {
        st->Pc = pc;
        var name = t.Constants[*(int*)(pc + 1)];
        if (inlineCaches) CacheGlobal(t, *(int*)(pc + 5), name, store: false);
        return realm.LoadGlobal(name, true);
    }

    /// <summary>Global store (<c>StaGlobal</c>/<c>StaGlobalSloppy name, slot</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void StoreGlobal(FunctionTemplate t, byte* pc, JsValue value, bool strict, LoopState* st)
    {
        byte* ic = t.FeedbackSlot(*(int*)(pc + 5));
        ulong k = *(ulong*)(ic + Entry0Key), h = *(ulong*)(ic + Entry0Value);
        var validity = realm.Validity;
        if (k == GlobalObjectKey && (uint)(h >> 32) == validity->GlobalEpoch)
        {
            Layout.Slots(realm.GlobalObject)[(uint)h] = value.Bits;
            return;
        }
        if (k == GlobalLexicalKey && !validity->GlobalLexicalValues[h].IsEmpty)
        {
            validity->GlobalLexicalValues[h] = value;
            return;
        }
        StoreGlobalMiss(t, pc, value, strict, st);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void StoreGlobalMiss(FunctionTemplate t, byte* pc, JsValue value, bool strict, LoopState* st)
    {
        st->Pc = pc;
        var name = t.Constants[*(int*)(pc + 1)];
        realm.StoreGlobal(name, value, strict);
        // Cached after the store, so a sloppy store that created the global caches it too.
        if (inlineCaches) CacheGlobal(t, *(int*)(pc + 5), name, store: true);
    }

    void CacheGlobal(FunctionTemplate t, int slot, JsValue name, bool store)
    {
        if (realm.TryGetGlobalLexicalIndex(name.Bits, out int lexical, out bool isConst))
        {
            if (!(store && isConst)) t.Feedback.RecordShape(slot, GlobalLexicalKey, (ulong)lexical);
            return;
        }
        nint g = realm.GlobalObject;
        if (!realm.ShapeOf(g).TryGet(name.Bits, out var e)) return;
        var required = store ? PropFlags.Writable : PropFlags.None;
        if ((e.Flags & (PropFlags.Accessor | required)) != required) return;
        Realm.IcFlags(g) |= Realm.IcGlobalFlag;
        t.Feedback.RecordShape(slot, GlobalObjectKey, (ulong)realm.GlobalEpoch << 32 | (uint)e.Slot);
    }

    /// <summary>
    /// <c>newTarget.prototype</c> for a construct of <paramref name="t"/>: a monomorphic cache on the
    /// constructor's template (closures of one template share the shape of their own properties),
    /// keyed by the new.target's shared shape, of the slot of its own data property "prototype".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    JsValue LoadConstructPrototype(FunctionTemplate t, JsValue newTarget)
    {
        nint f = newTarget.Ptr;
        if ((ulong)Layout.ShapePtr(f) == t.ConstructPrototypeShape) return new JsValue(Layout.Slots(f)[t.ConstructPrototypeSlot]);
        return LoadConstructPrototypeMiss(t, newTarget);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsValue LoadConstructPrototypeMiss(FunctionTemplate t, JsValue newTarget)
    {
        nint f = newTarget.Ptr;
        var shape = realm.ShapeOf(f);
        if (inlineCaches && !shape.IsDictionary && shape.TryGet(realm.KPrototype.Bits, out var e) && (e.Flags & PropFlags.Accessor) == 0)
        {
            t.ConstructPrototypeShape = (ulong)shape.Cell;
            t.ConstructPrototypeSlot = e.Slot;
        }
        return realm.Get(newTarget, realm.KPrototype);
    }

    /// <summary>
    /// Keeps the shapes a live template's inline caches name alive (the collector calls it for
    /// each template it finds live), so a shape cell's address is never reused while an entry names it.
    /// </summary>
    public static void MarkTemplateCaches(Collector gc, FunctionTemplate t)
    {
        if (t.ConstructPrototypeShape != 0) gc.MarkCell((nint)t.ConstructPrototypeShape);
        foreach (int offset in t.PropertySiteOffsets)
        {
            byte* ic = t.FeedbackBase + offset;
            for (int i = 0, n = ic[L.CacheCountOffset]; i < n; i++)
            {
                ulong key = *(ulong*)(ic + L.CacheEntriesOffset + i * L.CacheEntrySize);
                if (key > GlobalLexicalKey) gc.MarkCell((nint)key);
            }
        }
    }

    /// <summary>
    /// Keeps what the handler records refer to alive: prototype holders and transition targets
    /// (the shapes in the vectors are marked per live template, <see cref="MarkTemplateCaches"/>).
    /// </summary>
    void MarkInlineCaches(Collector gc)
    {
        for (int i = 0; i < icHandlerCount; i++)
        {
            ref var r = ref Handler((ulong)i);
            gc.MarkCell(r.Holder);
            gc.MarkCell(r.NewShape);
            gc.Mark(new JsValue(r.ReceiverProto));
        }
    }
}
