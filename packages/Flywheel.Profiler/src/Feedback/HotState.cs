using System.Runtime.InteropServices;

namespace Flywheel.Profiling.Feedback;

// The structs below mirror FeedbackLayout exactly (a test checks every offset). They are the
// only way managed code touches a vector's memory, so the layout has one definition per side.

[StructLayout(LayoutKind.Explicit, Size = FeedbackLayout.HeaderSize)]
internal struct FunctionHeader
{
    [FieldOffset(FeedbackLayout.InvocationBudgetOffset)] public int InvocationBudget;
    [FieldOffset(FeedbackLayout.BackEdgeBudgetOffset)] public int BackEdgeBudget;
    [FieldOffset(FeedbackLayout.TicksOffset)] public uint Ticks;
    [FieldOffset(FeedbackLayout.InvocationsOffset)] public long Invocations;
    [FieldOffset(FeedbackLayout.BackEdgesOffset)] public long BackEdges;
    [FieldOffset(FeedbackLayout.LastChangeTickOffset)] public uint LastChangeTick;
    [FieldOffset(FeedbackLayout.TierOffset)] public ExecutionTier Tier;
    [FieldOffset(FeedbackLayout.FlagsOffset)] public byte Flags;
    [FieldOffset(FeedbackLayout.DeoptimizationsOffset)] public ushort Deoptimizations;
}

[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct TypeSlot
{
    [FieldOffset(FeedbackLayout.TypesOffset)] public TypeFeedback Types;
    [FieldOffset(FeedbackLayout.ChangeTickOffset)] public uint ChangeTick;
}

[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct LoopSlot
{
    [FieldOffset(FeedbackLayout.TypesOffset)] public TypeSlot Common;
    [FieldOffset(FeedbackLayout.LoopBackEdgesOffset)] public long BackEdges;
}

[StructLayout(LayoutKind.Explicit, Size = FeedbackLayout.CacheEntrySize)]
internal struct CacheEntry
{
    [FieldOffset(0)] public ulong Key;
    [FieldOffset(8)] public ulong Value;
}

[StructLayout(LayoutKind.Explicit, Size = FeedbackLayout.CacheEntriesOffset + FeedbackLayout.MaxCacheEntries * FeedbackLayout.CacheEntrySize)]
internal struct CacheSlot
{
    [FieldOffset(FeedbackLayout.TypesOffset)] public TypeSlot Common;
    [FieldOffset(FeedbackLayout.CacheStateOffset)] public InlineCacheState State;
    [FieldOffset(FeedbackLayout.CacheCountOffset)] public byte Count;
    [FieldOffset(FeedbackLayout.CacheDistinctOffset)] public uint Distinct;
    [FieldOffset(FeedbackLayout.CacheEntriesOffset)] public CacheEntries Entries;
}

[System.Runtime.CompilerServices.InlineArray(FeedbackLayout.MaxCacheEntries)]
internal struct CacheEntries
{
    private CacheEntry first;
}
