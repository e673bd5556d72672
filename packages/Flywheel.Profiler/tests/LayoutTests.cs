using System.Runtime.InteropServices;
using Flywheel.Profiling;
using Flywheel.Profiling.Feedback;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// The documented layout is a contract with code generators: these tests write and read the
/// vector through raw pointers at FeedbackLayout's offsets and check the managed API agrees.
/// </summary>
public sealed unsafe class LayoutTests
{
    [Fact]
    public void Struct_field_offsets_match_the_documented_layout()
    {
        Assert.Equal(FeedbackLayout.HeaderSize, sizeof(FunctionHeader));
        Assert.Equal(FeedbackLayout.InvocationBudgetOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.InvocationBudget)));
        Assert.Equal(FeedbackLayout.BackEdgeBudgetOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.BackEdgeBudget)));
        Assert.Equal(FeedbackLayout.TicksOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.Ticks)));
        Assert.Equal(FeedbackLayout.DeoptimizationsOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.Deoptimizations)));
        Assert.Equal(FeedbackLayout.InvocationsOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.Invocations)));
        Assert.Equal(FeedbackLayout.BackEdgesOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.BackEdges)));
        Assert.Equal(FeedbackLayout.TierOffset, (int)Marshal.OffsetOf<FunctionHeader>(nameof(FunctionHeader.Tier)));
        Assert.Equal(FeedbackLayout.SlotSize(FeedbackSlotKind.PropertyLoad), sizeof(CacheSlot));
        Assert.Equal(FeedbackLayout.SlotSize(FeedbackSlotKind.LoopHeader), sizeof(LoopSlot));
        Assert.Equal(FeedbackLayout.SlotSize(FeedbackSlotKind.BinaryOperation), sizeof(TypeSlot));
        Assert.Equal(FeedbackLayout.CacheEntriesOffset, (int)Marshal.OffsetOf<CacheSlot>(nameof(CacheSlot.Entries)));
        Assert.Equal(FeedbackLayout.CacheDistinctOffset, (int)Marshal.OffsetOf<CacheSlot>(nameof(CacheSlot.Distinct)));
    }

    [Fact]
    public void Slots_are_packed_in_declaration_order_and_8_byte_aligned()
    {
        var vector = Register(new Profiler(), "f", AllKinds);
        var expected = FeedbackLayout.HeaderSize;
        for (var s = 0; s < vector.SlotCount; s++)
        {
            Assert.Equal(expected, vector.GetSlotOffset(s));
            Assert.Equal(0, vector.GetSlotOffset(s) % 8);
            expected += FeedbackLayout.SlotSize(vector.GetSlotKind(s));
        }
        Assert.Equal(expected, vector.SizeInBytes);
        Assert.Equal(0, vector.Address % 8);
    }

    [Fact]
    public void Raw_stores_at_documented_offsets_are_what_the_api_reads()
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly), "f",
            FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.LoopHeader, FeedbackSlotKind.PropertyLoad);
        var p = (byte*)vector.Address;
        *(long*)(p + FeedbackLayout.InvocationsOffset) = 41;
        *(uint*)(p + vector.GetSlotOffset(0) + FeedbackLayout.TypesOffset) |= (uint)TypeFeedback.Double;
        *(long*)(p + vector.GetSlotOffset(1) + FeedbackLayout.LoopBackEdgesOffset) = 7;
        var ic = p + vector.GetSlotOffset(2);
        *(ulong*)(ic + FeedbackLayout.CacheEntriesOffset) = 0xABC;
        *(ulong*)(ic + FeedbackLayout.CacheEntriesOffset + 8) = 99;
        *(ic + FeedbackLayout.CacheCountOffset) = 1;
        *(ic + FeedbackLayout.CacheStateOffset) = (byte)InlineCacheState.Monomorphic;

        vector.RecordInvocation();
        Assert.Equal(42, vector.Invocations);
        Assert.Equal(TypeFeedback.Double, vector.GetTypes(0));
        Assert.Equal(7, vector.GetLoopBackEdges(1));
        Assert.True(vector.TryGetCachedHandler(2, 0xABC, out var handler));
        Assert.Equal(99UL, handler);
        Assert.Equal(InlineCacheState.Monomorphic, vector.GetCacheState(2));
    }

    [Fact]
    public void Api_writes_land_at_documented_offsets()
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly), "f", FeedbackSlotKind.Call, FeedbackSlotKind.LoopHeader);
        vector.RecordCall(0, 5);
        vector.RecordCall(0, 5);
        vector.RecordBackEdge(1);
        var p = (byte*)vector.Address;
        var call = p + vector.GetSlotOffset(0);
        Assert.Equal(5UL, *(ulong*)(call + FeedbackLayout.CacheEntriesOffset));
        Assert.Equal(2UL, *(ulong*)(call + FeedbackLayout.CacheEntriesOffset + 8));
        Assert.Equal((byte)InlineCacheState.Monomorphic, *(call + FeedbackLayout.CacheStateOffset));
        Assert.Equal(1L, *(long*)(p + FeedbackLayout.BackEdgesOffset));
        Assert.Equal(1L, *(long*)(p + vector.GetSlotOffset(1) + FeedbackLayout.LoopBackEdgesOffset));
        Assert.Equal(vector.InvocationBudget, *(int*)(p + FeedbackLayout.InvocationBudgetOffset));
        Assert.Equal(vector.BackEdgeBudget, *(int*)(p + FeedbackLayout.BackEdgeBudgetOffset));
        Assert.Equal(999, vector.BackEdgeBudget);
    }

    [Fact]
    public void Address_survives_compacting_collections()
    {
        var vector = Register(new Profiler(), "f", FeedbackSlotKind.BinaryOperation);
        var before = vector.Address;
        var garbage = new List<byte[]>();
        for (var i = 0; i < 2000; i++) garbage.Add(new byte[1000]);
        garbage.Clear();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.Equal(before, vector.Address);
        *(uint*)(before + vector.GetSlotOffset(0)) = (uint)TypeFeedback.String;
        Assert.Equal(TypeFeedback.String, vector.GetTypes(0));
    }

    [Fact]
    public void Operations_on_a_slot_of_the_wrong_kind_throw_instead_of_corrupting_memory()
    {
        var vector = Register(new Profiler(), "f", FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.PropertyLoad);
        Assert.Throws<InvalidOperationException>(() => vector.RecordBackEdge(0));
        Assert.Throws<InvalidOperationException>(() => vector.RecordCall(1, 1));
        Assert.Throws<InvalidOperationException>(() => vector.RecordShape(0, 1, 1));
        Assert.Throws<IndexOutOfRangeException>(() => vector.RecordTypes(2, TypeFeedback.SmallInt));
        Assert.Throws<ArgumentOutOfRangeException>(() => vector.RecordShape(1, 0, 1));
    }
}
