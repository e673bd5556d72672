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
/// while an entry names it. Dictionary-mode shapes, own accessors, non-writable properties,
/// <c>length</c> of anything but an ordinary object (exotic on arrays, string wrappers and typed
/// arrays; stores of <c>length</c> altogether), primitives and megamorphic sites take the generic
/// path. An exotic object whose named properties are not all in its shape (a Proxy, when there
/// is one) must therefore be given a private dictionary-mode shape: no cache ever names it.</para>
/// <para>Handler words (an entry's value):</para>
/// <code>
///   &lt; 2^32                own data property of the receiver: its slot index (loads and stores)
///   ProtoLoadTag   | i     prototype-chain load: handler record i (holder, slot, receiver's prototype, epoch)
///   TransitionTag  | i     add-property store: handler record i (new shape, slot, receiver's prototype, epoch)
///   AccessorTag    | i     prototype-chain getter (loads) or setter (stores): handler record i (holder, slot of
///                          the accessor pair, receiver's prototype, epoch); the interpreter calls it without a
///                          lookup and baseline code exits to the interpreter at once instead of calling its stub
/// global sites:
///   key GlobalObjectKey    GlobalEpoch &lt;&lt; 32 | slot of the global object's own data property
///   key GlobalLexicalKey   index of a global lexical binding (never removed, so always valid)
/// </code>
/// </remarks>
internal sealed unsafe partial class Interp
{
    internal const ulong ProtoLoadTag = 1UL << 56, TransitionTag = 2UL << 56, AccessorTag = 3UL << 56, HandlerIndexMask = (1UL << 56) - 1;
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
        st->Pc = pc;
        return LoadNamedSlow(t, pc, obj, mayRunScript: true);
    }

    /// <summary>
    /// The miss path of <c>GetNamed</c>, shared by the interpreter and baseline code's runtime stub
    /// (<see cref="GetNamedStub"/>): the site's entries (polymorphic and prototype-chain hits), then the
    /// lookup that fills the cache. With <paramref name="mayRunScript"/> it is the whole [[Get]], getters
    /// and errors included. Without, it completes only what runs no script and cannot throw: a data
    /// property of an object (own, inherited or absent); for anything else it returns
    /// <see cref="JsValue.Empty"/> having changed nothing but the cache (an inherited getter is cached).
    /// </summary>
    JsValue LoadNamedSlow(FunctionTemplate t, byte* pc, JsValue obj, bool mayRunScript)
    {
        var key = new PropKey(t.Constants[*(int*)(pc + 3)].Bits);
        nint o;
        if (Realm.IsObject(obj))
        {
            o = obj.Ptr;
        }
        else if (Realm.IsString(obj) && !key.IsIndex && key.Bits != realm.KLength.Bits)
        {
            // A string's own properties are its indices and length: any other name is String.prototype's
            // lookup, cached as that object's (under its shape; baseline code checks the same entries),
            // with the string as the receiver getters are called with.
            o = realm.StringPrototype;
        }
        else
        {
            if (!mayRunScript) return JsValue.Empty;
            if (obj.IsNullish) throw ReadNullishError(obj, key);
            return realm.Get(obj, key);
        }
        if (!inlineCaches) return LoadGeneric(obj, o, key, mayRunScript);
        // "length" is exotic on arrays, string wrappers and typed arrays (and a function's own): only
        // ordinary objects' lookups of it are cached, since a shape does not fix the class (every object
        // starts from the same root shape).
        if (key.Bits == realm.KLength.Bits && Layout.Class(o) != ObjClass.Ordinary) return LoadGeneric(obj, o, key, mayRunScript);
        int slot = *(int*)(pc + 7);
        byte* ic = t.FeedbackSlot(slot);
        ulong shapeCell = (ulong)Layout.ShapePtr(o);
        ulong stale = 0;
        if (FindCacheEntry(ic, shapeCell, out ulong h))
        {
            if (h <= uint.MaxValue) return new JsValue(Layout.Slots(o)[h]);
            ref var r = ref Handler(h & HandlerIndexMask);
            if (Layout.Proto(o).Bits == r.ReceiverProto && r.Epoch == realm.ProtoEpoch)
            {
                var found = new JsValue(Layout.Slots(r.Holder)[r.Slot]);
                if (h < AccessorTag) return found;
                if (!mayRunScript) return JsValue.Empty;
                var getter = Layout.Val(found.Ptr, 8);
                return getter.IsUndefined ? JsValue.Undefined : Call(getter, obj, []);
            }
            stale = h;
        }
        if (ic[L.CacheStateOffset] == (byte)InlineCacheState.Megamorphic)
        {
            JsValue value = default;
            if (!mayRunScript && !realm.TryGetData(o, key, out value)) return JsValue.Empty;
            if (recordFeedback) t.Feedback.RecordShape(slot, shapeCell, 0);
            return mayRunScript ? realm.Get(obj, key) : value;
        }
        var shape = realm.Shapes.Of((nint)shapeCell);
        if (shape.IsDictionary) return LoadGeneric(obj, o, key, mayRunScript);
        if (shape.TryGet(key.Bits, out var own))
        {
            if ((own.Flags & PropFlags.Accessor) != 0) return LoadGeneric(obj, o, key, mayRunScript);
            t.Feedback.RecordShape(slot, shapeCell, (ulong)own.Slot);
            return new JsValue(Layout.Slots(o)[own.Slot]);
        }
        // A typed array answers numeric string keys ("-1", "NaN", …) itself, before any prototype.
        if (Layout.Class(o) == ObjClass.TypedArray && realm.IsCanonicalNumericString(key)) return LoadGeneric(obj, o, key, mayRunScript);
        var receiverProto = Layout.Proto(o);
        nint holder = 0;
        int holderSlot = 0;
        bool accessor = false;
        for (var p = receiverProto; ; p = Layout.Proto(p.Ptr))
        {
            if (!p.IsCell) return JsValue.Undefined;
            if (Layout.Class(p.Ptr) == ObjClass.TypedArray && realm.IsCanonicalNumericString(key)) return LoadGeneric(obj, o, key, mayRunScript);
            // An array or string wrapper on the chain answers "length" without a shape property.
            if (key.Bits == realm.KLength.Bits && Layout.Class(p.Ptr) != ObjClass.Ordinary) return LoadGeneric(obj, o, key, mayRunScript);
            if (realm.ShapeOf(p.Ptr).TryGet(key.Bits, out var e))
            {
                accessor = (e.Flags & PropFlags.Accessor) != 0;
                holder = p.Ptr;
                holderSlot = e.Slot;
                break;
            }
        }
        CacheHolder(t, slot, shapeCell, stale, accessor ? AccessorTag : ProtoLoadTag, receiverProto, holder, holderSlot);
        // A getter is cached too, so the next miss calls it without a lookup (and baseline code exits at once).
        if (accessor) return LoadGeneric(obj, o, key, mayRunScript);
        return new JsValue(Layout.Slots(holder)[holderSlot]);
    }

    /// <summary>
    /// Records that the property a site looks up is found on prototype <paramref name="holder"/> at
    /// <paramref name="holderSlot"/> (a data property or an accessor pair, per <paramref name="tag"/>) for
    /// receivers of shape <paramref name="shapeCell"/> whose prototype is <paramref name="receiverProto"/>,
    /// reusing the record of the <paramref name="stale"/> entry it replaces; the prototypes up to the
    /// holder are flagged so any change to them invalidates the record.
    /// </summary>
    void CacheHolder(FunctionTemplate t, int slot, ulong shapeCell, ulong stale, ulong tag, JsValue receiverProto, nint holder, int holderSlot)
    {
        for (var p = receiverProto; ; p = Layout.Proto(p.Ptr))
        {
            Realm.IcFlags(p.Ptr) |= Realm.IcPrototypeFlag;
            if (p.Ptr == holder) break;
        }
        // A load site holds prototype loads and getters, a store site transitions and setters: a site's
        // records are all of one layout, so a stale one is reused whatever it was.
        int index = stale > uint.MaxValue ? (int)(stale & HandlerIndexMask) : NewHandler();
        Handler((ulong)index) = new IcHandler { Holder = holder, ReceiverProto = receiverProto.Bits, Slot = holderSlot, Epoch = realm.ProtoEpoch };
        t.Feedback.RecordShape(slot, shapeCell, tag | (uint)index);
    }

    /// <summary>
    /// [[Get]] of a property of <paramref name="obj"/> without the cache (<paramref name="o"/> is the object
    /// the lookup starts at: <paramref name="obj"/>, or String.prototype for a string); without
    /// <paramref name="mayRunScript"/> only of a data property (<see cref="JsValue.Empty"/> otherwise).
    /// </summary>
    JsValue LoadGeneric(JsValue obj, nint o, PropKey key, bool mayRunScript) =>
        mayRunScript ? realm.Get(obj, key) : realm.TryGetData(o, key, out var value) ? value : JsValue.Empty;

    /// <summary>
    /// The handler word of the entry for <paramref name="shapeCell"/> among the site's entries at
    /// <paramref name="ic"/>: the one scan of the miss paths (hits on entry 0 are inlined by the
    /// interpreter and the baseline code, which checks all entries inline).
    /// </summary>
    static bool FindCacheEntry(byte* ic, ulong shapeCell, out ulong handler)
    {
        for (int i = 0, n = ic[L.CacheCountOffset]; i < n; i++)
        {
            byte* e = ic + L.CacheEntriesOffset + i * L.CacheEntrySize;
            if (*(ulong*)e != shapeCell) continue;
            handler = *(ulong*)(e + 8);
            return true;
        }
        handler = 0;
        return false;
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
        st->Pc = pc;
        StoreNamedSlow(t, pc, obj, value, mayRunScript: true);
    }

    /// <summary>
    /// The miss path of <c>SetNamed</c>, shared by the interpreter and baseline code's runtime stub
    /// (<see cref="SetNamedStub"/>): the site's entries (polymorphic hits and adds, growing the
    /// receiver's slots when needed), then the store that fills the cache. With
    /// <paramref name="mayRunScript"/> it is the whole [[Set]]. Without, it completes only a store that
    /// runs no script and cannot fail (a writable data property of an object, own or inherited, or an
    /// add to an extensible object) and otherwise returns false having changed nothing but the cache
    /// (an inherited setter is cached).
    /// </summary>
    bool StoreNamedSlow(FunctionTemplate t, byte* pc, JsValue obj, JsValue value, bool mayRunScript)
    {
        var key = new PropKey(t.Constants[*(int*)(pc + 3)].Bits);
        if (!Realm.IsObject(obj))
        {
            if (!mayRunScript) return false;
            realm.Set(obj, key, value, t.IsStrict);
            return true;
        }
        if (!inlineCaches) return StoreGeneric(t, obj, key, value, mayRunScript);
        int slot = *(int*)(pc + 7);
        byte* ic = t.FeedbackSlot(slot);
        nint o = obj.Ptr;
        ulong shapeCell = (ulong)Layout.ShapePtr(o);
        ulong stale = 0;
        if (FindCacheEntry(ic, shapeCell, out ulong h))
        {
            if (h <= uint.MaxValue)
            {
                Layout.Slots(o)[h] = value.Bits;
                return true;
            }
            ref var r = ref Handler(h & HandlerIndexMask);
            if (h < AccessorTag)
            {
                if (TryTransition(o, ref r, value)) return true;
            }
            else if (Layout.Proto(o).Bits == r.ReceiverProto && r.Epoch == realm.ProtoEpoch)
            {
                if (!mayRunScript) return false;
                var setter = Layout.Val((nint)Layout.Slots(r.Holder)[r.Slot], 16);
                if (!setter.IsUndefined)
                {
                    Call(setter, obj, [value]);
                    return true;
                }
            }
            stale = h;
        }
        if (ic[L.CacheStateOffset] == (byte)InlineCacheState.Megamorphic)
        {
            if (!mayRunScript && !realm.TrySetData(o, key, value)) return false;
            if (recordFeedback) t.Feedback.RecordShape(slot, shapeCell, 0);
            if (mayRunScript) realm.Set(obj, key, value, t.IsStrict);
            return true;
        }
        var shape = realm.Shapes.Of((nint)shapeCell);
        if (key.Bits == realm.KLength.Bits || shape.IsDictionary) return StoreGeneric(t, obj, key, value, mayRunScript);
        if (shape.TryGet(key.Bits, out var own))
        {
            if ((own.Flags & (PropFlags.Accessor | PropFlags.Writable)) != PropFlags.Writable) return StoreGeneric(t, obj, key, value, mayRunScript);
            t.Feedback.RecordShape(slot, shapeCell, (ulong)own.Slot);
            Layout.Slots(o)[own.Slot] = value.Bits;
            return true;
        }
        // An add: cacheable when the receiver is an ordinary extensible object nothing else relies
        // on and no prototype has a setter or a read-only property of that name. Then the add runs
        // no script and cannot fail.
        var receiverProto = Layout.Proto(o);
        bool cacheable = (Layout.Flags(o) & CellFlags.NotExtensible) == 0 && Realm.IcFlags(o) == 0 && shape.SlotCount < Shape.MaxSharedProperties;
        for (var p = receiverProto; cacheable && p.IsCell; p = Layout.Proto(p.Ptr))
        {
            var ps = realm.ShapeOf(p.Ptr);
            if (!ps.TryGet(key.Bits, out var e)) continue;
            if ((e.Flags & PropFlags.Accessor) != 0)
            {
                // An inherited setter: cached, so the next miss calls it without a lookup (and baseline code exits at once).
                CacheHolder(t, slot, shapeCell, stale, AccessorTag, receiverProto, p.Ptr, e.Slot);
                return StoreGeneric(t, obj, key, value, mayRunScript);
            }
            if ((e.Flags & PropFlags.Writable) == 0) cacheable = false;
        }
        if (!cacheable) return StoreGeneric(t, obj, key, value, mayRunScript);
        for (var p = receiverProto; p.IsCell; p = Layout.Proto(p.Ptr)) Realm.IcFlags(p.Ptr) |= Realm.IcPrototypeFlag;
        uint epoch = realm.ProtoEpoch;
        realm.Set(obj, key, value, t.IsStrict);
        var after = realm.ShapeOf(o);
        if (epoch != realm.ProtoEpoch || after.IsDictionary || after.Parent != shape || after.Key != key.Bits || after.Flags != PropFlags.Default) return true;
        int index = stale >= TransitionTag ? (int)(stale & HandlerIndexMask) : NewHandler();
        Handler((ulong)index) = new IcHandler { NewShape = after.Cell, ReceiverProto = receiverProto.Bits, Slot = after.SlotCount - 1, Epoch = epoch };
        t.Feedback.RecordShape(slot, shapeCell, TransitionTag | (uint)index);
        return true;
    }

    /// <summary>[[Set]] on an object without the cache; without <paramref name="mayRunScript"/> only a store <see cref="Realm.TrySetData"/> completes (false otherwise, with no effect).</summary>
    bool StoreGeneric(FunctionTemplate t, JsValue obj, PropKey key, JsValue value, bool mayRunScript)
    {
        if (!mayRunScript) return realm.TrySetData(obj.Ptr, key, value);
        realm.Set(obj, key, value, t.IsStrict);
        return true;
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
        foreach (var shape in t.LiteralShapes) gc.MarkCell(shape);
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
