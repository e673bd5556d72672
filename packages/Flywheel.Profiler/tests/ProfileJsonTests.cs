using System.Text;
using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class ProfileJsonTests
{
    private static byte[] Bytes(Profile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        return stream.ToArray();
    }

    private static Profile Reload(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Profile.Load(stream);
    }

    [Property(MaxTest = 200)]
    public bool Save_load_save_is_byte_identical(byte[] ops)
    {
        var first = Bytes(RandomRuns.Run(ops).CreateSnapshot());
        var second = Bytes(Reload(first));
        return first.AsSpan().SequenceEqual(second);
    }

    [Property(MaxTest = 100)]
    public bool A_loaded_profile_keeps_every_counter(byte[] ops)
    {
        var live = RandomRuns.Run(ops).CreateSnapshot();
        var loaded = Reload(Bytes(live));
        return live.Functions.Zip(loaded.Functions).All(p =>
                p.First.Function == p.Second.Function && p.First.Invocations == p.Second.Invocations
                && p.First.BackEdges == p.Second.BackEdges && p.First.Tier == p.Second.Tier
                && p.First.StableTicks == p.Second.StableTicks && p.First.Deoptimizations == p.Second.Deoptimizations
                && p.First.Slots.Zip(p.Second.Slots).All(s => s.First.Types == s.Second.Types
                    && s.First.CacheState == s.Second.CacheState && s.First.DistinctKeys == s.Second.DistinctKeys
                    && s.First.Count == s.Second.Count && s.First.Kind == s.Second.Kind))
            && live.CallTree.SequenceEqual(loaded.CallTree)
            && live.Samples.SequenceEqual(loaded.Samples);
    }

    [Fact]
    public void Json_is_versioned_and_readable()
    {
        var profiler = new Profiler(TieringOptions.InterpreterOnly);
        var v = profiler.RegisterFunction(FunctionInfo.Create("f", "a.js", 2, 5), Slots(FeedbackSlotKind.BinaryOperation));
        v.RecordInvocation();
        v.RecordTypes(0, TypeFeedback.SmallInt | TypeFeedback.String);
        var json = profiler.CreateSnapshot().ToJson();
        Assert.StartsWith("{\n  \"format\": \"flywheel-profile\",\n  \"version\": 1,", json.Replace("\r\n", "\n"));
        Assert.Contains("\"key\": \"a.js:2:5:f\"", json);
        Assert.Contains("\"kind\": \"binaryOperation\"", json);
        Assert.Contains("\"smallInt\"", json);
        Assert.Contains("\"string\"", json);
    }

    [Theory]
    [InlineData("{\"format\":\"flywheel-profile\",\"version\":2,\"functions\":[],\"callTree\":[],\"sampleNodes\":[],\"sampleTimestamps\":[]}", "version 2")]
    [InlineData("{\"format\":\"other\",\"version\":1}", "format")]
    [InlineData("{\"format\":\"flywheel-profile\",\"version\":1,\"functions\":[],\"callTree\":[{\"parent\":-1,\"function\":-1,\"self\":0}],\"sampleNodes\":[3],\"sampleTimestamps\":[1]}", "call tree node 3")]
    [InlineData("not json", "valid")]
    public void Bad_documents_are_rejected_with_a_clear_message(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Profile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_warm_profile_drives_the_same_tiering_decisions_at_the_first_check()
    {
        var options = new TieringOptions { Budget = 50, BaselineInvocations = 10, OptimizeInvocations = 100, OsrBackEdges = TieringOptions.Never, RequiredStableTicks = 1 };
        FeedbackVector Compile(Profiler p, string name) =>
            p.RegisterFunction(FunctionInfo.Create(name, "w.js", 1, 1), Slots(FeedbackSlotKind.PropertyLoad, FeedbackSlotKind.BinaryOperation));
        var first = new Profiler(options);
        var hot = Compile(first, "hot");
        var warm = Compile(first, "warm");
        var cold = Compile(first, "cold");
        hot.RecordTypes(1, TypeFeedback.SmallInt);
        for (ulong shape = 1; shape <= 6; shape++) hot.RecordShape(0, shape, 0);
        for (var i = 0; i < 300; i++) hot.RecordInvocation();
        for (var i = 0; i < 20; i++) warm.RecordInvocation();
        cold.RecordInvocation();
        Assert.Equal([ExecutionTier.Optimized, ExecutionTier.Baseline, ExecutionTier.Interpreter], new[] { hot.Tier, warm.Tier, cold.Tier });
        var saved = Reload(Bytes(first.CreateSnapshot()));

        var second = new Profiler(options);
        second.LoadWarmProfile(saved);
        var hot2 = Compile(second, "hot");
        var warm2 = Compile(second, "warm");
        var cold2 = Compile(second, "cold");
        Assert.Equal(TieringAction.CompileOptimized, hot2.RecordInvocation());
        Assert.Equal(TieringAction.CompileBaseline, warm2.RecordInvocation());
        Assert.Equal(TieringAction.None, cold2.RecordInvocation());
        Assert.Equal(TypeFeedback.SmallInt, hot2.GetTypes(1));
        Assert.Equal(InlineCacheState.Megamorphic, hot2.GetCacheState(0));
        Assert.Equal(6, hot2.GetDistinctKeys(0));
        Assert.Equal(301, hot2.Invocations);
    }

    [Fact]
    public void A_changed_slot_layout_keeps_counters_but_drops_slot_feedback()
    {
        var first = new Profiler(TieringOptions.InterpreterOnly);
        var v = first.RegisterFunction(FunctionInfo.Create("f", "a.js", 1, 1), Slots(FeedbackSlotKind.BinaryOperation));
        v.RecordTypes(0, TypeFeedback.String);
        v.RecordInvocation();
        var second = new Profiler(TieringOptions.InterpreterOnly);
        second.LoadWarmProfile(first.CreateSnapshot());
        var edited = second.RegisterFunction(FunctionInfo.Create("f", "a.js", 1, 1), Slots(FeedbackSlotKind.Comparison));
        Assert.Equal(1, edited.Invocations);
        Assert.Equal(TypeFeedback.None, edited.GetTypes(0));
    }
}
