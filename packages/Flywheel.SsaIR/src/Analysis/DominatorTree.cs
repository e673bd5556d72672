namespace Flywheel.SsaIR.Analysis;

/// <summary>
/// Immediate dominators of the reachable blocks (Cooper, Harvey and Kennedy's iterative algorithm
/// over reverse postorder), with constant-time dominance queries through a preorder numbering.
/// </summary>
public sealed class DominatorTree
{
    readonly ControlFlowGraph cfg;
    readonly BlockId?[] idom;
    readonly List<BlockId>[] children;
    readonly int[] preorder;
    readonly int[] lastDescendant;

    /// <summary>Computes the tree for <paramref name="function"/> using <paramref name="cfg"/>.</summary>
    public DominatorTree(Function function, ControlFlowGraph cfg)
    {
        this.cfg = cfg;
        int count = function.BlockCount;
        idom = new BlockId?[count];
        children = new List<BlockId>[count];
        for (int i = 0; i < count; i++) children[i] = [];
        var rpo = cfg.ReversePostorder;
        if (rpo.Count == 0) { preorder = []; lastDescendant = []; return; }
        var entry = rpo[0];
        idom[entry.Index] = entry;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 1; i < rpo.Count; i++)
            {
                var block = rpo[i];
                BlockId? newIdom = null;
                foreach (var pred in cfg.Predecessors(block))
                {
                    if (idom[pred.Index] is null) continue;
                    newIdom = newIdom is { } current ? Intersect(pred, current) : pred;
                }
                if (newIdom is { } found && idom[block.Index] != found)
                {
                    idom[block.Index] = found;
                    changed = true;
                }
            }
        }
        foreach (var block in rpo)
        {
            if (block != entry) children[idom[block.Index]!.Value.Index].Add(block);
        }
        preorder = new int[count];
        lastDescendant = new int[count];
        Array.Fill(preorder, -1);
        int counter = 0;
        var stack = new Stack<(BlockId Block, bool Exit)>();
        stack.Push((entry, false));
        while (stack.Count > 0)
        {
            var (block, exit) = stack.Pop();
            if (exit) { lastDescendant[block.Index] = counter - 1; continue; }
            preorder[block.Index] = counter++;
            stack.Push((block, true));
            for (int i = children[block.Index].Count - 1; i >= 0; i--) stack.Push((children[block.Index][i], false));
        }
    }

    /// <summary>The graph the tree was computed from.</summary>
    public ControlFlowGraph Cfg => cfg;

    /// <summary>The immediate dominator, or null for the entry and unreachable blocks.</summary>
    public BlockId? ImmediateDominator(BlockId block)
    {
        var found = idom[block.Index];
        return found == block ? null : found;
    }

    /// <summary>Blocks immediately dominated by <paramref name="block"/>.</summary>
    public IReadOnlyList<BlockId> Children(BlockId block) => children[block.Index];

    /// <summary>Whether <paramref name="a"/> dominates <paramref name="b"/> (every block dominates itself). False if either is unreachable.</summary>
    public bool Dominates(BlockId a, BlockId b)
    {
        if (!cfg.IsReachable(a) || !cfg.IsReachable(b)) return false;
        int pa = preorder[a.Index], pb = preorder[b.Index];
        return pa <= pb && pb <= lastDescendant[a.Index];
    }

    /// <summary>Blocks in a preorder of the dominator tree (each block after its dominators).</summary>
    public IEnumerable<BlockId> Preorder()
    {
        if (cfg.ReversePostorder.Count == 0) yield break;
        var stack = new Stack<BlockId>();
        stack.Push(cfg.ReversePostorder[0]);
        while (stack.Count > 0)
        {
            var block = stack.Pop();
            yield return block;
            for (int i = children[block.Index].Count - 1; i >= 0; i--) stack.Push(children[block.Index][i]);
        }
    }

    BlockId Intersect(BlockId a, BlockId b)
    {
        while (a != b)
        {
            while (cfg.RpoIndex(a) > cfg.RpoIndex(b)) a = idom[a.Index]!.Value;
            while (cfg.RpoIndex(b) > cfg.RpoIndex(a)) b = idom[b.Index]!.Value;
        }
        return a;
    }
}
