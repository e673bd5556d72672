using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Analysis;

/// <summary>A natural loop: a header that dominates every block of the loop, entered only through the header.</summary>
public sealed class Loop
{
    internal Loop(BlockId header) => Header = header;

    /// <summary>The block every iteration starts at.</summary>
    public BlockId Header { get; }

    /// <summary>Blocks of the loop, the header and nested loops included.</summary>
    public HashSet<BlockId> Blocks { get; } = [];

    /// <summary>Blocks with a back edge to the header.</summary>
    public List<BlockId> Latches { get; } = [];

    /// <summary>The innermost enclosing loop, or null for an outermost loop.</summary>
    public Loop? Parent { get; internal set; }

    /// <summary>Nesting depth: 1 for outermost loops.</summary>
    public int Depth => Parent is null ? 1 : Parent.Depth + 1;

    /// <summary>Whether the loop contains <paramref name="block"/>.</summary>
    public bool Contains(BlockId block) => Blocks.Contains(block);
}

/// <summary>
/// The loops of a function, found from back edges (edges whose target dominates their source), with
/// loops sharing a header merged and nesting computed by containment. Irreducible cycles are not loops.
/// </summary>
public sealed class LoopNest
{
    readonly Dictionary<BlockId, Loop> byHeader = [];

    /// <summary>Computes the loops of <paramref name="function"/>.</summary>
    public LoopNest(Function function, DominatorTree domTree)
    {
        var cfg = domTree.Cfg;
        foreach (var block in cfg.ReversePostorder)
        {
            foreach (var succ in cfg.Successors(block))
            {
                if (!domTree.Dominates(succ, block)) continue;
                if (!byHeader.TryGetValue(succ, out var loop)) byHeader[succ] = loop = new Loop(succ);
                loop.Latches.Add(block);
                loop.Blocks.Add(succ);
                var work = new Stack<BlockId>();
                if (loop.Blocks.Add(block)) work.Push(block);
                while (work.Count > 0)
                {
                    foreach (var pred in cfg.Predecessors(work.Pop()))
                    {
                        if (cfg.IsReachable(pred) && loop.Blocks.Add(pred)) work.Push(pred);
                    }
                }
            }
        }
        // The parent is the smallest other loop containing this loop's header.
        foreach (var loop in byHeader.Values)
        {
            loop.Parent = byHeader.Values
                .Where(other => other != loop && other.Blocks.Contains(loop.Header) && other.Blocks.Count > loop.Blocks.Count)
                .MinBy(other => other.Blocks.Count);
        }
        Loops = byHeader.Values.OrderByDescending(l => l.Depth).ThenBy(l => cfg.RpoIndex(l.Header)).ToList();
    }

    /// <summary>All loops, innermost first.</summary>
    public IReadOnlyList<Loop> Loops { get; }

    /// <summary>The innermost loop containing <paramref name="block"/>, or null.</summary>
    public Loop? InnermostLoopOf(BlockId block) => Loops.FirstOrDefault(l => l.Contains(block));

    /// <summary>The loop headed by <paramref name="header"/>, or null.</summary>
    public Loop? LoopOf(BlockId header) => byHeader.GetValueOrDefault(header);
}
