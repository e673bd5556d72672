namespace Flywheel.SsaIR.Analysis;

/// <summary>
/// Predecessors, successors and a reverse postorder of a function's blocks, computed once from the
/// terminators. Recompute after changing any terminator; it does not track edits.
/// </summary>
public sealed class ControlFlowGraph
{
    readonly List<BlockId>[] predecessors;
    readonly List<BlockId>[] successors;
    readonly int[] rpoIndex;

    /// <summary>Computes the graph of <paramref name="function"/>.</summary>
    public ControlFlowGraph(Function function)
    {
        int count = function.BlockCount;
        predecessors = new List<BlockId>[count];
        successors = new List<BlockId>[count];
        for (int i = 0; i < count; i++) { predecessors[i] = []; successors[i] = []; }
        foreach (var block in function.Layout)
        {
            foreach (var succ in function.Successors(block).Distinct())
            {
                successors[block.Index].Add(succ);
                if (succ.Index < count) predecessors[succ.Index].Add(block);
            }
        }
        rpoIndex = new int[count];
        Array.Fill(rpoIndex, -1);
        var postorder = new List<BlockId>();
        if (function.Layout.Count > 0) PostOrder(function.Entry, new bool[count], postorder);
        postorder.Reverse();
        ReversePostorder = postorder;
        for (int i = 0; i < postorder.Count; i++) rpoIndex[postorder[i].Index] = i;
    }

    /// <summary>Blocks reachable from the entry, each before its successors except along back edges.</summary>
    public IReadOnlyList<BlockId> ReversePostorder { get; }

    /// <summary>Distinct predecessors of a block (from every block in layout, reachable or not).</summary>
    public IReadOnlyList<BlockId> Predecessors(BlockId block) => predecessors[block.Index];

    /// <summary>Distinct successors of a block.</summary>
    public IReadOnlyList<BlockId> Successors(BlockId block) => successors[block.Index];

    /// <summary>Whether the block is reachable from the entry.</summary>
    public bool IsReachable(BlockId block) => block.Index < rpoIndex.Length && rpoIndex[block.Index] >= 0;

    /// <summary>Position in <see cref="ReversePostorder"/>, or -1 when unreachable.</summary>
    public int RpoIndex(BlockId block) => rpoIndex[block.Index];

    void PostOrder(BlockId entry, bool[] visited, List<BlockId> order)
    {
        // Iterative so deep chains of blocks cannot overflow the .NET stack.
        var stack = new Stack<(BlockId Block, int Next)>();
        visited[entry.Index] = true;
        stack.Push((entry, 0));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            var succs = successors[block.Index];
            if (next < succs.Count)
            {
                stack.Push((block, next + 1));
                var succ = succs[next];
                if (succ.Index < visited.Length && !visited[succ.Index])
                {
                    visited[succ.Index] = true;
                    stack.Push((succ, 0));
                }
            }
            else
            {
                order.Add(block);
            }
        }
    }
}
