using System.Text.Json;
using FsCheck.Xunit;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

public sealed class CpuProfileTests
{
    [Property(MaxTest = 200)]
    public bool Cpuprofile_is_structurally_valid(byte[] ops)
    {
        var profile = RandomRuns.Run(ops).CreateSnapshot();
        using var doc = JsonDocument.Parse(CpuProfileExporter.ToJson(profile));
        var root = doc.RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToArray();
        var ids = nodes.Select(n => n.GetProperty("id").GetInt32()).ToArray();
        if (ids.Distinct().Count() != ids.Length || ids[0] != 1) return false;
        var idSet = ids.ToHashSet();
        // Every node except the root is the child of exactly one node, and children exist.
        var childCount = new Dictionary<int, int>();
        foreach (var node in nodes)
        {
            foreach (var c in node.GetProperty("children").EnumerateArray())
            {
                if (!idSet.Contains(c.GetInt32())) return false;
                childCount[c.GetInt32()] = childCount.GetValueOrDefault(c.GetInt32()) + 1;
            }
            var frame = node.GetProperty("callFrame");
            if (frame.GetProperty("functionName").ValueKind != JsonValueKind.String || frame.GetProperty("scriptId").ValueKind != JsonValueKind.String
                || frame.GetProperty("url").ValueKind != JsonValueKind.String || frame.GetProperty("lineNumber").GetInt32() < -1
                || frame.GetProperty("columnNumber").GetInt32() < -1) return false;
        }
        if (childCount.ContainsKey(1) || ids.Skip(1).Any(id => childCount.GetValueOrDefault(id) != 1)) return false;
        var samples = root.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        var deltas = root.GetProperty("timeDeltas").EnumerateArray().Select(s => s.GetInt64()).ToArray();
        var hitCounts = nodes.Sum(n => n.GetProperty("hitCount").GetInt64());
        var duration = root.GetProperty("endTime").GetInt64() - root.GetProperty("startTime").GetInt64();
        return samples.All(idSet.Contains) && samples.Length == deltas.Length && deltas.All(d => d >= 0)
            && deltas.Sum() == duration && hitCounts == samples.Length && samples.Length == profile.Samples.Count;
    }

    [Fact]
    public void Frames_use_devtools_positions_and_one_script_id_per_url()
    {
        var profiler = new Profiler();
        var main = profiler.RegisterFunction(new FunctionInfo("k1", "main", "a.js", 1, 1), []);
        var f = profiler.RegisterFunction(new FunctionInfo("k2", "f", "b.js", 12, 7), []);
        var g = profiler.RegisterFunction(new FunctionInfo("k3", "g", "a.js", 30, 2), []);
        profiler.RecordSample([main.Id, f.Id], 100);
        profiler.RecordSample([main.Id, f.Id], 250);
        profiler.RecordSample([main.Id, g.Id], 400);
        using var doc = JsonDocument.Parse(CpuProfileExporter.ToJson(profiler.CreateSnapshot()));
        var frames = doc.RootElement.GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("callFrame").GetProperty("functionName").GetString()!, n => n);
        Assert.Equal(11, frames["f"].GetProperty("callFrame").GetProperty("lineNumber").GetInt32());
        Assert.Equal(6, frames["f"].GetProperty("callFrame").GetProperty("columnNumber").GetInt32());
        Assert.Equal(2, frames["f"].GetProperty("hitCount").GetInt32());
        Assert.Equal(frames["main"].GetProperty("callFrame").GetProperty("scriptId").GetString(),
            frames["g"].GetProperty("callFrame").GetProperty("scriptId").GetString());
        Assert.NotEqual(frames["main"].GetProperty("callFrame").GetProperty("scriptId").GetString(),
            frames["f"].GetProperty("callFrame").GetProperty("scriptId").GetString());
        Assert.Equal([0L, 150L, 150L], doc.RootElement.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal(100, doc.RootElement.GetProperty("startTime").GetInt64());
        Assert.Equal(400, doc.RootElement.GetProperty("endTime").GetInt64());
    }

    [Fact]
    public void Samples_fold_into_a_call_tree()
    {
        var profiler = new Profiler();
        var a = Register(profiler, "a");
        var b = Register(profiler, "b");
        profiler.RecordSample([a.Id, b.Id], 1);
        profiler.RecordSample([a.Id, b.Id], 2);
        profiler.RecordSample([a.Id], 3);
        profiler.RecordSample([b.Id, a.Id, b.Id], 4);
        var tree = profiler.CreateSnapshot().CallTree;
        Assert.Equal(
        [
            new CallTreeNode(-1, -1, 0), new CallTreeNode(0, 0, 1), new CallTreeNode(1, 1, 2),
            new CallTreeNode(0, 1, 0), new CallTreeNode(3, 0, 0), new CallTreeNode(4, 1, 1),
        ], tree);
        Assert.Throws<ArgumentOutOfRangeException>(() => profiler.RecordSample([a.Id], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => profiler.RecordSample([new FunctionId(7)], 9));
    }
}
