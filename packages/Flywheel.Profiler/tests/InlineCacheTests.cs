using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// Model-based: random streams of shapes (from a small pool, so repeats are common) drive both the
/// real cache and a few-line reference model of the state machine; after every step they must agree.
/// </summary>
public sealed class InlineCacheTests
{
    private sealed class Model
    {
        public readonly List<(ulong Key, ulong Value)> Entries = [];
        public readonly HashSet<ulong> Seen = [];
        public bool Megamorphic;

        public InlineCacheState State => Megamorphic ? InlineCacheState.Megamorphic
            : Entries.Count switch { 0 => InlineCacheState.Uninitialized, 1 => InlineCacheState.Monomorphic, _ => InlineCacheState.Polymorphic };

        public void Observe(ulong key, ulong value, bool countCalls)
        {
            Seen.Add(key);
            if (Megamorphic) return;
            var i = Entries.FindIndex(e => e.Key == key);
            if (i >= 0) Entries[i] = (key, countCalls ? Entries[i].Value + 1 : value);
            else if (Entries.Count < 4) Entries.Add((key, countCalls ? 1 : value));
            else { Megamorphic = true; Entries.Clear(); }
        }
    }

    [Property(MaxTest = 300)]
    public bool Property_site_follows_the_state_machine(byte[] stream, byte pool)
    {
        var poolSize = 1 + pool % 9;
        var profiler = new Profiler(TieringOptions.InterpreterOnly);
        var transitions = new List<CacheTransition>();
        profiler.CacheTransitioned += transitions.Add;
        var vector = Register(profiler, "f", FeedbackSlotKind.PropertyLoad);
        var model = new Model();
        var expectedTransitions = 0;
        for (var step = 0; step < stream.Length; step++)
        {
            var shape = 0x1000UL + (ulong)(stream[step] % poolSize);
            var handler = (ulong)step;
            var before = model.State;
            model.Observe(shape, handler, countCalls: false);
            if (model.State != before) expectedTransitions++;
            var returned = vector.RecordShape(0, shape, handler);
            if (returned != model.State || !Agrees(vector, 0, model, poolSize)) return false;
        }
        return transitions.Count == expectedTransitions
            && transitions.Zip(transitions.Skip(1)).All(p => p.First.To == p.Second.From)
            && transitions.All(t => t.From < t.To);
    }

    [Property(MaxTest = 300)]
    public bool Call_site_counts_calls_per_target(byte[] stream, byte pool)
    {
        var poolSize = 1 + pool % 7;
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly), "f", FeedbackSlotKind.Call);
        var model = new Model();
        foreach (var b in stream)
        {
            var target = 1UL + (ulong)(b % poolSize);
            model.Observe(target, 0, countCalls: true);
            vector.RecordCall(0, target);
            if (!Agrees(vector, 0, model, poolSize)) return false;
        }
        return vector.GetSlotCount(0) == model.Entries.Sum(e => (long)e.Value);
    }

    private static bool Agrees(FeedbackVector vector, int slot, Model model, int poolSize)
    {
        if (vector.GetCacheState(slot) != model.State) return false;
        if (vector.GetDistinctKeys(slot) != model.Seen.Count) return false;
        var entries = vector.GetCacheEntries(slot);
        if (!entries.Select(e => (e.Key, e.Value)).SequenceEqual(model.Entries)) return false;
        // The hit path must find exactly the cached entries (probe keys of both pools).
        for (var i = 0; i < poolSize; i++)
        {
            foreach (var key in new[] { 0x1000UL + (ulong)i, 1UL + (ulong)i })
            {
                var hit = vector.TryGetCachedHandler(slot, key, out var value);
                var expected = model.Entries.FindIndex(e => e.Key == key);
                if (hit != expected >= 0 || (hit && value != model.Entries[expected].Value)) return false;
            }
        }
        return true;
    }

    [Fact]
    public void Megamorphic_site_keeps_counting_distinct_shapes_exactly()
    {
        var vector = Register(new Profiler(), "f", FeedbackSlotKind.ElementStore);
        for (ulong shape = 1; shape <= 9; shape++)
            for (var repeat = 0; repeat < 3; repeat++) vector.RecordShape(0, shape, shape * 10);
        Assert.Equal(InlineCacheState.Megamorphic, vector.GetCacheState(0));
        Assert.Equal(9, vector.GetDistinctKeys(0));
        Assert.Empty(vector.GetCacheEntries(0));
        Assert.False(vector.TryGetCachedHandler(0, 1, out _));
    }

    [Fact]
    public void Distinct_count_stops_at_the_tracking_limit()
    {
        var vector = Register(new Profiler(), "f", FeedbackSlotKind.PropertyStore);
        for (ulong shape = 1; shape <= FeedbackVector.MaxTrackedKeys + 50; shape++) vector.RecordShape(0, shape, 0);
        Assert.Equal(FeedbackVector.MaxTrackedKeys, vector.GetDistinctKeys(0));
    }

    [Fact]
    public void Transition_trace_line_has_the_fixed_format()
    {
        var profiler = new Profiler();
        var lines = new List<string>();
        profiler.CacheTransitioned += t => lines.Add(t.ToString());
        var vector = profiler.RegisterFunction(FunctionInfo.Create("f", "a.js", 1, 1), Slots(FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.PropertyLoad));
        vector.RecordShape(1, 0x1f, 3);
        vector.RecordShape(1, 0x1f, 3);
        vector.RecordShape(1, 0x20, 4);
        Assert.Equal(
        [
            "ic fn#0 a.js:1:1:f slot=1 @4 propertyLoad uninitialized->monomorphic key=0x1f distinct=1",
            "ic fn#0 a.js:1:1:f slot=1 @4 propertyLoad monomorphic->polymorphic key=0x20 distinct=2",
        ], lines);
    }

    [Fact]
    public void A_state_change_resets_the_slot_stability_clock()
    {
        var vector = Register(new Profiler(TieringOptions.InterpreterOnly with { Budget = 1 }), "f", FeedbackSlotKind.PropertyLoad);
        vector.RecordShape(0, 7, 1);
        vector.RecordInvocation();
        vector.RecordInvocation();
        Assert.Equal(2u, vector.GetStableTicks(0));
        vector.RecordShape(0, 7, 2); // same shape, new handler: no state change
        Assert.Equal(2u, vector.GetStableTicks(0));
        vector.RecordShape(0, 8, 2);
        Assert.Equal(0u, vector.GetStableTicks(0));
    }
}
