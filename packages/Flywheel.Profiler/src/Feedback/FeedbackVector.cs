using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flywheel.Profiling.Feedback;

namespace Flywheel.Profiling;

/// <summary>
/// The per-function hot state: counters, budget and one feedback slot per profiled operation, in
/// one pinned block laid out as <see cref="FeedbackLayout"/> describes. Created by
/// <see cref="Profiler.RegisterFunction"/> when a function is compiled to bytecode.
/// </summary>
/// <remarks>
/// The <c>Record*</c> methods are the interpreter's fast paths: no dictionary lookup, no
/// allocation, one bounds-checked slot-offset load and a few plain loads and stores. Machine code
/// does the same with <see cref="Address"/> and <see cref="GetSlotOffset"/>. Recording is not
/// synchronized: one thread (the one running the function) records; other threads may read
/// (64-bit counters are naturally atomic on 64-bit hosts). A reader of a cache should read its
/// state and count first: entries below the count are complete.
/// </remarks>
public sealed unsafe partial class FeedbackVector
{
    /// <summary>Distinct keys a megamorphic site tracks exactly before its count stops growing.</summary>
    public const int MaxTrackedKeys = 1024;

    private const int KindShift = 24;
    private const int OffsetMask = (1 << KindShift) - 1;

    private readonly Profiler owner;
    // Pinned (POH) so Address is stable for machine code; freed by the GC with the vector, so
    // the engine must keep the vector alive as long as code that embeds Address can run.
    private readonly long[] memory;
    private readonly byte* basePointer;
    // One word per slot, offset | kind << 24: the fast paths validate the slot index and its kind
    // and find its memory with a single bounds-checked load.
    private readonly int[] slotWords;
    private readonly FeedbackSlotKind[] kinds;
    private readonly int[] bytecodeOffsets;
    private readonly int[] loopSlots;
    private HashSet<ulong>?[]? megamorphicKeys; // per slot, only for sites that went megamorphic

    internal FeedbackVector(Profiler owner, FunctionId id, FunctionInfo info, ReadOnlySpan<FeedbackSlotInfo> slots)
    {
        this.owner = owner;
        Id = id;
        Info = info;
        slotWords = new int[slots.Length];
        kinds = new FeedbackSlotKind[slots.Length];
        bytecodeOffsets = new int[slots.Length];
        var size = FeedbackLayout.HeaderSize;
        var loops = new List<int>();
        for (var i = 0; i < slots.Length; i++)
        {
            if (!Enum.IsDefined(slots[i].Kind)) throw new ArgumentOutOfRangeException(nameof(slots), slots[i].Kind, "Unknown slot kind.");
            slotWords[i] = size | (int)slots[i].Kind << KindShift;
            kinds[i] = slots[i].Kind;
            bytecodeOffsets[i] = slots[i].BytecodeOffset;
            if (slots[i].Kind == FeedbackSlotKind.LoopHeader) loops.Add(i);
            size += FeedbackLayout.SlotSize(slots[i].Kind);
        }
        if (size > OffsetMask) throw new ArgumentOutOfRangeException(nameof(slots), slots.Length, "Too many feedback slots for one function.");
        loopSlots = [.. loops];
        SizeInBytes = size;
        memory = GC.AllocateArray<long>(size / sizeof(long), pinned: true);
        basePointer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(memory));
    }

    /// <summary>
    /// The header-only copy <see cref="Profiler.ReleaseFunction"/> keeps of a released function:
    /// same id, info, tier and counters, no slots. Its budgets are spent, so recording into it
    /// would only run the policy again; nothing records into a released function.
    /// </summary>
    internal FeedbackVector Release()
    {
        var released = new FeedbackVector(owner, Id, Info, []) { IsReleased = true };
        released.Header = Header;
        return released;
    }

    /// <summary>Whether this is what remains of a released function (<see cref="Profiler.ReleaseFunction"/>): header only, no slots.</summary>
    public bool IsReleased { get; private init; }

    /// <summary>The function's id in this run.</summary>
    public FunctionId Id { get; }

    /// <summary>What the embedder said about the function.</summary>
    public FunctionInfo Info { get; }

    /// <summary>Address of the header; stable while this vector is reachable.</summary>
    public nint Address => (nint)basePointer;

    /// <summary>Size of the whole block (header and slots) in bytes.</summary>
    public int SizeInBytes { get; }

    /// <summary>Number of feedback slots.</summary>
    public int SlotCount => slotWords.Length;

    /// <summary>Byte offset of a slot from <see cref="Address"/>, for code generators.</summary>
    /// <param name="slot">Slot index.</param>
    public int GetSlotOffset(int slot) => slotWords[slot] & OffsetMask;

    /// <summary>The kind a slot was declared with.</summary>
    /// <param name="slot">Slot index.</param>
    public FeedbackSlotKind GetSlotKind(int slot) => kinds[slot];

    /// <summary>The bytecode offset a slot was declared with.</summary>
    /// <param name="slot">Slot index.</param>
    public int GetBytecodeOffset(int slot) => bytecodeOffsets[slot];

    internal ref FunctionHeader Header => ref *(FunctionHeader*)basePointer;

    internal ReadOnlySpan<int> LoopSlots => loopSlots;

    /// <summary>
    /// Counts one invocation. Returns <see cref="TieringAction.None"/> unless the budget ran out
    /// and the policy decided to tier the function up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TieringAction RecordInvocation()
    {
        ref var header = ref Header;
        header.Invocations++;
        if (--header.InvocationBudget > 0) return TieringAction.None;
        return owner.OnBudgetExhausted(this, -1);
    }

    /// <summary>
    /// Counts one back-edge to the loop header owning <paramref name="loopSlot"/>. Returns
    /// <see cref="TieringAction.OnStackReplacement"/> when this loop should be entered in optimized
    /// code now.
    /// </summary>
    /// <param name="loopSlot">A slot declared as <see cref="FeedbackSlotKind.LoopHeader"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TieringAction RecordBackEdge(int loopSlot)
    {
        var word = slotWords[loopSlot];
        if (word >>> KindShift != (int)FeedbackSlotKind.LoopHeader) ThrowWrongKind(loopSlot, "a loop header");
        ref var header = ref Header;
        header.BackEdges++;
        ((LoopSlot*)(basePointer + (word & OffsetMask)))->BackEdges++;
        if (--header.BackEdgeBudget > 0) return TieringAction.None;
        return owner.OnBudgetExhausted(this, loopSlot);
    }

    /// <summary>
    /// The slow path of machine code that counted an invocation and decremented
    /// <see cref="FeedbackLayout.InvocationBudgetOffset"/> itself, reaching zero or below: runs the
    /// tiering check (without counting again). Call it from the runtime helper the code calls.
    /// </summary>
    public TieringAction OnInvocationBudgetExhausted() => owner.OnBudgetExhausted(this, -1);

    /// <summary>
    /// The slow path of machine code that counted a back-edge (function and loop counters) and
    /// decremented <see cref="FeedbackLayout.BackEdgeBudgetOffset"/> itself to zero or below.
    /// </summary>
    /// <param name="loopSlot">The loop header whose back-edge ran out the budget.</param>
    public TieringAction OnBackEdgeBudgetExhausted(int loopSlot)
    {
        if (kinds[loopSlot] != FeedbackSlotKind.LoopHeader) ThrowWrongKind(loopSlot, "a loop header");
        return owner.OnBudgetExhausted(this, loopSlot);
    }

    /// <summary>Joins <paramref name="observed"/> into a slot's type feedback (any slot kind).</summary>
    /// <param name="slot">Slot index.</param>
    /// <param name="observed">The categories of the operand(s) or value just seen.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordTypes(int slot, TypeFeedback observed)
    {
        var s = (TypeSlot*)(basePointer + (slotWords[slot] & OffsetMask));
        var joined = s->Types | observed;
        if (joined != s->Types) TypesChanged(s, joined);
    }

    /// <summary>
    /// The inline-cache hit path: looks <paramref name="key"/> (a shape id) up among the site's
    /// cached entries and returns the handler word recorded with it.
    /// </summary>
    /// <param name="slot">A property or element site.</param>
    /// <param name="key">The receiver's shape id (non-zero).</param>
    /// <param name="value">The handler recorded by <see cref="RecordShape"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetCachedHandler(int slot, ulong key, out ulong value)
    {
        var word = slotWords[slot];
        if ((uint)((word >>> KindShift) - (int)FeedbackSlotKind.PropertyLoad) > FeedbackSlotKind.Call - FeedbackSlotKind.PropertyLoad)
            ThrowWrongKind(slot, "an inline-cache site");
        var cache = (CacheSlot*)(basePointer + (word & OffsetMask));
        var entries = (CacheEntry*)&cache->Entries;
        // Entry 0 first, without reading Count: an empty entry has key 0, which no shape has.
        if (entries[0].Key == key && key != 0)
        {
            value = entries[0].Value;
            return true;
        }
        for (int i = 1, n = cache->Count; i < n; i++)
        {
            if (entries[i].Key == key)
            {
                value = entries[i].Value;
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// The inline-cache miss path: records that <paramref name="shape"/> was seen at a property or
    /// element site and how to handle it, moving the cache state forward. Returns the new state.
    /// </summary>
    /// <param name="slot">A property or element site.</param>
    /// <param name="shape">The receiver's shape id; must be non-zero.</param>
    /// <param name="handler">An embedder-defined word (slot index, holder id, ...) cached with the shape.</param>
    public InlineCacheState RecordShape(int slot, ulong shape, ulong handler)
    {
        if (!kinds[slot].IsShapeSite()) ThrowWrongKind(slot, "a property or element site");
        return Observe(slot, shape, handler, countCalls: false);
    }

    /// <summary>
    /// Records a call at a call site to <paramref name="target"/>: counts it against the target's
    /// entry, or moves the site's state forward on a new target.
    /// </summary>
    /// <param name="slot">A <see cref="FeedbackSlotKind.Call"/> slot.</param>
    /// <param name="target">An embedder-defined non-zero target id (a function id + 1, a code address, ...).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RecordCall(int slot, ulong target)
    {
        var word = slotWords[slot];
        if (word >>> KindShift != (int)FeedbackSlotKind.Call) ThrowWrongKind(slot, "a call site");
        var cache = (CacheSlot*)(basePointer + (word & OffsetMask));
        var entries = (CacheEntry*)&cache->Entries;
        // Known targets (mono- or polymorphic) are counted here; new targets and megamorphic
        // sites take the out-of-line path. Target 0 never matches a used entry (Count bounds it).
        for (int i = 0, n = cache->Count; i < n; i++)
        {
            if (entries[i].Key == target)
            {
                entries[i].Value++;
                return;
            }
        }
        Observe(slot, target, 0, countCalls: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TypesChanged(TypeSlot* slot, TypeFeedback joined)
    {
        slot->Types = joined;
        MarkChanged(slot);
    }

    private void MarkChanged(TypeSlot* slot)
    {
        ref var header = ref Header;
        slot->ChangeTick = header.Ticks;
        header.LastChangeTick = header.Ticks;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private InlineCacheState Observe(int slot, ulong key, ulong value, bool countCalls)
    {
        if (key == 0) throw new ArgumentOutOfRangeException(nameof(key), "Key 0 is reserved for empty cache entries.");
        var cache = CacheAt(slot);
        var entries = (CacheEntry*)&cache->Entries;
        var from = cache->State;
        if (from == InlineCacheState.Megamorphic)
        {
            TrackMegamorphic(slot, cache, key);
            return from;
        }
        for (var i = 0; i < cache->Count; i++)
        {
            if (entries[i].Key != key) continue;
            entries[i].Value = countCalls ? entries[i].Value + 1 : value;
            return from;
        }
        InlineCacheState to;
        if (cache->Count < FeedbackLayout.MaxCacheEntries)
        {
            entries[cache->Count] = new CacheEntry { Key = key, Value = countCalls ? 1 : value };
            // Publish the entry before the count: a background compiler that reads Count first
            // then sees only complete entries, on ARM64 too.
            Volatile.Write(ref cache->Count, (byte)(cache->Count + 1));
            cache->Distinct++;
            to = cache->Count == 1 ? InlineCacheState.Monomorphic : InlineCacheState.Polymorphic;
        }
        else
        {
            // Going megamorphic clears the entries: machine code that sees State == Megamorphic
            // must not use them, and an empty cache makes a stale hit impossible anyway.
            var seen = new HashSet<ulong> { key };
            for (var i = 0; i < cache->Count; i++) seen.Add(entries[i].Key);
            (megamorphicKeys ??= new HashSet<ulong>?[SlotCount])[slot] = seen;
            new Span<CacheEntry>(entries, FeedbackLayout.MaxCacheEntries).Clear();
            cache->Count = 0;
            cache->Distinct = (uint)seen.Count;
            to = InlineCacheState.Megamorphic;
        }
        if (to != from)
        {
            cache->State = to;
            MarkChanged(&cache->Common);
            owner.OnCacheTransition(this, slot, from, to, key);
        }
        return to;
    }

    private void TrackMegamorphic(int slot, CacheSlot* cache, ulong key)
    {
        if (cache->Distinct >= MaxTrackedKeys) return;
        megamorphicKeys ??= new HashSet<ulong>?[SlotCount];
        var seen = megamorphicKeys[slot] ??= []; // a warm-started megamorphic site starts counting afresh
        if (seen.Add(key)) cache->Distinct = (uint)Math.Max(cache->Distinct, seen.Count);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowWrongKind(int slot, string expected) =>
        throw new InvalidOperationException($"{Id} slot {slot} is {kinds[slot]}, not {expected}.");
}
