using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.CodeGen.Lowering;

/// <summary>
/// The order blocks are laid out and numbered in: reverse postorder from the entry (unreachable
/// blocks are dropped), which puts every block after its dominator and keeps loop bodies
/// together. Each emitted instruction gets an even position: its operands are read there and its
/// result is written at the next (odd) position, so an operand that dies at an instruction and
/// that instruction's result may share a register. A block's parameters are defined at the
/// block's start position.
/// </summary>
internal sealed class LinearOrder
{
    readonly int[] blockStart;
    readonly int[] blockEnd;
    readonly int[] instPosition;

    public LinearOrder(Function function, SelectionPlan plan)
    {
        var cfg = new ControlFlowGraph(function);
        Cfg = cfg;
        Blocks = CodeOrder(function);
        blockStart = new int[function.BlockCount];
        blockEnd = new int[function.BlockCount];
        instPosition = new int[function.InstCount];
        Array.Fill(instPosition, -1);
        int position = 0;
        var calls = new List<int>();
        foreach (var block in Blocks)
        {
            blockStart[block.Index] = position;
            position += 2;
            foreach (var inst in function[block].Instructions)
            {
                if (plan.IsCovered(inst)) continue;
                instPosition[inst.Index] = position;
                if (SelectionPlan.IsCall(function[inst])) calls.Add(position);
                position += 2;
            }
            blockEnd[block.Index] = position;
        }
        CallPositions = calls;
        Length = position;
        (loopDepth, loopEntry) = LoopDepths(function, cfg, Blocks, blockStart);
    }

    readonly int[] loopDepth;
    readonly int[] loopEntry;

    /// <summary>
    /// The start of the outermost loop containing the block at <paramref name="position"/> (its
    /// header's start), or <paramref name="position"/> outside loops: from there on, everything
    /// in the loop runs again after <paramref name="position"/>.
    /// </summary>
    public int LoopEntry(int position)
    {
        int lo = 0, hi = Blocks.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (blockStart[Blocks[mid].Index] <= position) lo = mid; else hi = mid - 1;
        }
        int entry = loopEntry[Blocks[lo].Index];
        return entry < 0 ? position : Math.Min(entry, position);
    }

    /// <summary>How many loops contain <paramref name="block"/> (0 outside every loop): the allocator weighs uses by it.</summary>
    public int LoopDepth(BlockId block) => loopDepth[block.Index];

    /// <summary>
    /// Loop nesting from back edges: an edge to a block at or before its source in code order
    /// (reverse postorder, so in a reducible graph exactly the edges to loop headers) closes a
    /// natural loop — the header and every block that reaches the source without passing through
    /// the header. Edges closing the same header form one loop. A heuristic input only: an
    /// irreducible graph just gets a less precise depth.
    /// </summary>
    static (int[] Depth, int[] OutermostHeaderStart) LoopDepths(Function function, ControlFlowGraph cfg, IReadOnlyList<BlockId> blocks, int[] blockStart)
    {
        var depth = new int[function.BlockCount];
        var outermost = new int[function.BlockCount];
        Array.Fill(outermost, -1);
        var index = new int[function.BlockCount];
        for (int i = 0; i < blocks.Count; i++) index[blocks[i].Index] = i;
        var latchesByHeader = new Dictionary<BlockId, List<BlockId>>();
        foreach (var block in blocks)
        {
            foreach (var successor in cfg.Successors(block))
            {
                if (!cfg.IsReachable(successor) || index[successor.Index] > index[block.Index]) continue;
                if (!latchesByHeader.TryGetValue(successor, out var latches)) latchesByHeader[successor] = latches = [];
                latches.Add(block);
            }
        }
        var inLoop = new bool[function.BlockCount];
        var work = new Stack<BlockId>();
        foreach (var (header, latches) in latchesByHeader)
        {
            Array.Clear(inLoop);
            inLoop[header.Index] = true;
            foreach (var latch in latches)
            {
                if (!inLoop[latch.Index]) { inLoop[latch.Index] = true; work.Push(latch); }
            }
            while (work.Count > 0)
            {
                foreach (var predecessor in cfg.Predecessors(work.Pop()))
                {
                    if (cfg.IsReachable(predecessor) && !inLoop[predecessor.Index]) { inLoop[predecessor.Index] = true; work.Push(predecessor); }
                }
            }
            int headerStart = blockStart[header.Index];
            for (int b = 0; b < inLoop.Length; b++)
            {
                if (!inLoop[b]) continue;
                depth[b]++;
                if (outermost[b] < 0 || headerStart < outermost[b]) outermost[b] = headerStart;
            }
        }
        return (depth, outermost);
    }

    public ControlFlowGraph Cfg { get; }

    /// <summary>
    /// Reverse postorder of a depth-first search that visits a block's successors last-first, so
    /// the first successor (a branch's "then" block, a loop's body) tends to follow its
    /// predecessor and be reached by falling through, with exits placed after the loop.
    /// </summary>
    static List<BlockId> CodeOrder(Function function)
    {
        var visited = new bool[function.BlockCount];
        var postorder = new List<BlockId>();
        var stack = new Stack<(BlockId Block, IEnumerator<BlockId> Successors)>();
        visited[function.Entry.Index] = true;
        stack.Push((function.Entry, function.Successors(function.Entry).Reverse().GetEnumerator()));
        while (stack.Count > 0)
        {
            var (block, successors) = stack.Peek();
            if (successors.MoveNext())
            {
                var next = successors.Current;
                if (visited[next.Index]) continue;
                visited[next.Index] = true;
                stack.Push((next, function.Successors(next).Reverse().GetEnumerator()));
                continue;
            }
            stack.Pop();
            postorder.Add(block);
        }
        postorder.Reverse();
        return postorder;
    }

    /// <summary>Reachable blocks in code order.</summary>
    public IReadOnlyList<BlockId> Blocks { get; }

    /// <summary>Positions of instructions that clobber caller-saved registers, ascending.</summary>
    public IReadOnlyList<int> CallPositions { get; }

    /// <summary>One past the last position.</summary>
    public int Length { get; }

    public int BlockStart(BlockId block) => blockStart[block.Index];

    public int BlockEnd(BlockId block) => blockEnd[block.Index];

    /// <summary>The position of an emitted instruction, or -1 for a covered one.</summary>
    public int PositionOf(InstId inst) => instPosition[inst.Index];
}
