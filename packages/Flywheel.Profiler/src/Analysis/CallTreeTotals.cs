namespace Flywheel.Profiling;

/// <summary>Per-function sample totals from a profile's call tree.</summary>
internal static class CallTreeTotals
{
    /// <summary>
    /// Self samples (function innermost) and total samples (function anywhere on the stack,
    /// recursive frames counted once) per function index.
    /// </summary>
    public static (long[] Self, long[] Total) PerFunction(Profile profile)
    {
        var tree = profile.CallTree;
        var self = new long[profile.Functions.Count];
        var total = new long[profile.Functions.Count];
        var inclusive = Inclusive(tree);
        for (var i = 1; i < tree.Count; i++)
        {
            var f = tree[i].Function;
            if (f < 0) continue;
            self[f] += tree[i].SelfSamples;
            if (!HasAncestorWith(tree, tree[i].Parent, f)) total[f] += inclusive[i];
        }
        return (self, total);
    }

    /// <summary>Samples at or below each node. Parents precede children, so one backward pass sums them.</summary>
    public static long[] Inclusive(IReadOnlyList<CallTreeNode> tree)
    {
        var inclusive = new long[tree.Count];
        for (var i = tree.Count - 1; i >= 0; i--)
        {
            inclusive[i] += tree[i].SelfSamples;
            if (tree[i].Parent >= 0) inclusive[tree[i].Parent] += inclusive[i];
        }
        return inclusive;
    }

    private static bool HasAncestorWith(IReadOnlyList<CallTreeNode> tree, int node, int function)
    {
        for (; node > 0; node = tree[node].Parent)
            if (tree[node].Function == function) return true;
        return false;
    }
}
