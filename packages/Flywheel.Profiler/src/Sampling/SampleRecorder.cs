namespace Flywheel.Profiling.Sampling;

/// <summary>
/// Folds stack samples into a call tree as they arrive (node 0 is the root), keeping one node id
/// and one timestamp per sample. Inserting costs one dictionary probe per frame; samples are taken
/// at the embedder's safepoints every millisecond or so, so this is far off any hot path.
/// </summary>
internal sealed class SampleRecorder
{
    private readonly List<int> parents = [-1];
    private readonly List<int> functions = [-1];
    private readonly List<long> selfCounts = [0];
    private readonly Dictionary<(int Parent, int Function), int> children = [];
    private readonly List<int> sampleNodes = [];
    private readonly List<long> timestamps = [];

    public int Count => sampleNodes.Count;

    public void Record(ReadOnlySpan<FunctionId> stack, long timestamp)
    {
        if (timestamps.Count > 0 && timestamp < timestamps[^1])
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "Sample timestamps must not decrease.");
        var node = 0;
        foreach (var frame in stack)
        {
            if (!children.TryGetValue((node, frame.Value), out var child))
            {
                child = parents.Count;
                parents.Add(node);
                functions.Add(frame.Value);
                selfCounts.Add(0);
                children.Add((node, frame.Value), child);
            }
            node = child;
        }
        selfCounts[node]++;
        sampleNodes.Add(node);
        timestamps.Add(timestamp);
    }

    public CallTreeNode[] Nodes()
    {
        var nodes = new CallTreeNode[parents.Count];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = new CallTreeNode(parents[i], functions[i], selfCounts[i]);
        return nodes;
    }

    public ProfileSample[] Samples()
    {
        var result = new ProfileSample[sampleNodes.Count];
        for (var i = 0; i < result.Length; i++) result[i] = new ProfileSample(sampleNodes[i], timestamps[i]);
        return result;
    }
}
