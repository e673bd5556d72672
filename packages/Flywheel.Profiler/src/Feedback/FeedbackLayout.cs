namespace Flywheel.Profiling;

/// <summary>
/// The byte layout of a feedback vector, for code generators that read and update it with plain
/// loads and stores. All offsets are from <see cref="FeedbackVector.Address"/>, which is 8-byte
/// aligned and never moves while the vector is alive.
/// </summary>
/// <remarks>
/// <code>
/// function header (40 bytes, at 0)
///   +0  int32   InvocationBudget  decremented per invocation; &lt;= 0 → tiering check
///   +4  int32   BackEdgeBudget    decremented per back-edge; &lt;= 0 → tiering check (and OSR)
///   +8  int64   Invocations
///   +16 int64   BackEdges         all loops of the function together
///   +24 uint32  Ticks             budget expirations so far: the clock for type stability
///   +28 uint32  LastChangeTick    Ticks when any slot last changed
///   +32 uint8   Tier              ExecutionTier
///   +33 uint8   Flags             bit 0: baseline disabled, bit 1: optimization disabled
///   +34 uint16  Deoptimizations
///   +36 (4 bytes reserved, zero)
/// slots (from 40, each at FeedbackVector.GetSlotOffset(slot), 8-byte aligned), all starting with
///   +0  uint32  Types            TypeFeedback bits, only ever ORed
///   +4  uint32  ChangeTick       Ticks when Types or the cache state last changed
/// BinaryOperation, Comparison: 8 bytes, just the above.
/// LoopHeader: 16 bytes; +8 int64 BackEdges of this loop.
/// PropertyLoad/Store, ElementLoad/Store, Call: 80 bytes;
///   +8  uint8   State            InlineCacheState
///   +9  uint8   Count            entries in use, 0..4 (0 when megamorphic)
///   +12 uint32  Distinct         distinct keys seen, exact up to 1024, then stays
///   +16 entry[4], 16 bytes each: +0 uint64 Key, +8 uint64 Value
///       property/element sites: Key = shape id, Value = the embedder's handler word
///       call sites:             Key = target id, Value = calls to that target
/// </code>
/// Key 0 is reserved for "empty": shape and target ids must be non-zero. A monomorphic check in
/// machine code is therefore <c>cmp [slot+16], shape; jne miss; mov rax, [slot+24]</c>.
/// </remarks>
public static class FeedbackLayout
{
    /// <summary>Size of the function header.</summary>
    public const int HeaderSize = 40;
    /// <summary>Offset of the int32 invocation budget.</summary>
    public const int InvocationBudgetOffset = 0;
    /// <summary>Offset of the int32 back-edge budget.</summary>
    public const int BackEdgeBudgetOffset = 4;
    /// <summary>Offset of the int64 invocation count.</summary>
    public const int InvocationsOffset = 8;
    /// <summary>Offset of the int64 back-edge count.</summary>
    public const int BackEdgesOffset = 16;
    /// <summary>Offset of the uint32 tick count.</summary>
    public const int TicksOffset = 24;
    /// <summary>Offset of the uint32 tick of the last feedback change.</summary>
    public const int LastChangeTickOffset = 28;
    /// <summary>Offset of the byte <see cref="ExecutionTier"/>.</summary>
    public const int TierOffset = 32;
    /// <summary>Offset of the byte of flags.</summary>
    public const int FlagsOffset = 33;
    /// <summary>Offset of the uint16 deoptimization count.</summary>
    public const int DeoptimizationsOffset = 34;

    /// <summary>Slot-relative offset of the uint32 <see cref="TypeFeedback"/> bits.</summary>
    public const int TypesOffset = 0;
    /// <summary>Slot-relative offset of the uint32 change tick.</summary>
    public const int ChangeTickOffset = 4;
    /// <summary>Slot-relative offset of a loop header's int64 back-edge count.</summary>
    public const int LoopBackEdgesOffset = 8;
    /// <summary>Slot-relative offset of the byte <see cref="InlineCacheState"/>.</summary>
    public const int CacheStateOffset = 8;
    /// <summary>Slot-relative offset of the byte count of entries in use.</summary>
    public const int CacheCountOffset = 9;
    /// <summary>Slot-relative offset of the uint32 count of distinct keys seen.</summary>
    public const int CacheDistinctOffset = 12;
    /// <summary>Slot-relative offset of the first cache entry.</summary>
    public const int CacheEntriesOffset = 16;
    /// <summary>Size of one cache entry (uint64 key, uint64 value).</summary>
    public const int CacheEntrySize = 16;
    /// <summary>Entries a polymorphic cache holds before going megamorphic.</summary>
    public const int MaxCacheEntries = 4;

    /// <summary>Header bit: never tier this function up to baseline code.</summary>
    public const byte BaselineDisabledFlag = 1;
    /// <summary>Header bit: never optimize this function.</summary>
    public const byte OptimizationDisabledFlag = 2;

    /// <summary>The size in bytes of a slot of the given kind.</summary>
    /// <param name="kind">The slot kind.</param>
    public static int SlotSize(FeedbackSlotKind kind) => kind switch
    {
        FeedbackSlotKind.LoopHeader => 16,
        _ when kind.HasInlineCache() => CacheEntriesOffset + MaxCacheEntries * CacheEntrySize,
        _ => 8,
    };
}
