using System.Text.Json;

namespace Flywheel.Profiling;

/// <summary>Reads the JSON written by <see cref="Profile.Save(Stream)"/>, validating as it goes.</summary>
internal static class ProfileReader
{
    public static Profile Read(JsonElement root)
    {
        if (root.GetProperty("format").GetString() != "flywheel-profile")
            throw new FormatException("the \"format\" field is not \"flywheel-profile\"");
        var version = root.GetProperty("version").GetInt32();
        if (version != Profile.CurrentVersion)
            throw new FormatException($"version {version} is not supported (this library reads version {Profile.CurrentVersion})");
        var functions = root.GetProperty("functions").EnumerateArray().Select(ReadFunction).ToArray();
        var callTree = root.GetProperty("callTree").EnumerateArray()
            .Select(n => new CallTreeNode(n.GetProperty("parent").GetInt32(), n.GetProperty("function").GetInt32(), n.GetProperty("self").GetInt64()))
            .ToArray();
        var nodes = root.GetProperty("sampleNodes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var times = root.GetProperty("sampleTimestamps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (nodes.Length != times.Length) throw new FormatException("sampleNodes and sampleTimestamps differ in length");
        for (var i = 0; i < callTree.Length; i++)
        {
            var node = callTree[i];
            if (node.Parent >= i || (i > 0 && node.Parent < 0) || node.Function < -1 || node.Function >= functions.Length)
                throw new FormatException($"call tree node {i} is inconsistent");
        }
        foreach (var node in nodes)
            if ((uint)node >= (uint)callTree.Length) throw new FormatException($"sample names missing call tree node {node}");
        var samples = new ProfileSample[nodes.Length];
        for (var i = 0; i < samples.Length; i++) samples[i] = new ProfileSample(nodes[i], times[i]);
        return new Profile { Functions = functions, CallTree = callTree, Samples = samples };
    }

    private static FunctionProfile ReadFunction(JsonElement f) => new()
    {
        Function = new FunctionInfo(
            f.GetProperty("key").GetString()!, f.GetProperty("name").GetString()!, f.GetProperty("url").GetString()!,
            f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()),
        Tier = Enum<ExecutionTier>(f, "tier"),
        Invocations = f.GetProperty("invocations").GetInt64(),
        BackEdges = f.GetProperty("backEdges").GetInt64(),
        Ticks = f.GetProperty("ticks").GetUInt32(),
        StableTicks = f.GetProperty("stableTicks").GetUInt32(),
        Deoptimizations = f.GetProperty("deoptimizations").GetInt32(),
        BaselineDisabled = f.GetProperty("baselineDisabled").GetBoolean(),
        OptimizationDisabled = f.GetProperty("optimizationDisabled").GetBoolean(),
        Slots = f.GetProperty("slots").EnumerateArray().Select(ReadSlot).ToArray(),
    };

    private static SlotProfile ReadSlot(JsonElement s) => new()
    {
        Kind = Enum<FeedbackSlotKind>(s, "kind"),
        BytecodeOffset = s.GetProperty("offset").GetInt32(),
        Types = ReadTypes(s.GetProperty("types")),
        StableTicks = s.GetProperty("stableTicks").GetUInt32(),
        CacheState = Enum<InlineCacheState>(s, "cache"),
        DistinctKeys = s.GetProperty("distinct").GetInt32(),
        Count = s.GetProperty("count").GetInt64(),
    };

    private static TypeFeedback ReadTypes(JsonElement array)
    {
        var types = TypeFeedback.None;
        foreach (var item in array.EnumerateArray())
        {
            var name = item.GetString();
            var match = Array.FindIndex(TypeFeedbackExtensions.AllCategories, c => c.Name == name);
            if (match < 0) throw new FormatException($"unknown type category \"{name}\"");
            types |= TypeFeedbackExtensions.AllCategories[match].Flag;
        }
        return types;
    }

    private static T Enum<T>(JsonElement element, string property) where T : struct, System.Enum
    {
        var name = element.GetProperty(property).GetString() ?? "";
        return Names.TryParse<T>(name, out var value) ? value : throw new FormatException($"unknown {property} \"{name}\"");
    }
}
