using Flywheel.SsaIR.Analysis;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.SsaIR.Tests;

public sealed class AnalysisTests
{
    /// <summary>Dominance by definition: a dominates b iff b cannot be reached from the entry without passing a.</summary>
    static bool ReachableAvoiding(Function f, BlockId target, BlockId avoided)
    {
        if (f.Entry == avoided) return false;
        var seen = new HashSet<BlockId> { f.Entry };
        var work = new Stack<BlockId>([f.Entry]);
        while (work.Count > 0)
        {
            var block = work.Pop();
            if (block == target) return true;
            foreach (var succ in f.Successors(block))
            {
                if (succ != avoided && seen.Add(succ)) work.Push(succ);
            }
        }
        return false;
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool DominatorTreeAgreesWithTheDefinition(int seed)
    {
        var module = new RandomFunctionGenerator(seed).GenerateModule();
        foreach (var f in module.Functions)
        {
            var cfg = new ControlFlowGraph(f);
            var dom = new DominatorTree(f, cfg);
            foreach (var a in cfg.ReversePostorder)
            {
                foreach (var b in cfg.ReversePostorder)
                {
                    bool expected = a == b || !ReachableAvoiding(f, b, a);
                    if (dom.Dominates(a, b) != expected) return false;
                }
                // The immediate dominator is a strict dominator that every other strict dominator dominates.
                if (dom.ImmediateDominator(a) is { } idom && (!dom.Dominates(idom, a) || idom == a)) return false;
            }
        }
        return true;
    }

    [Fact]
    public void ReversePostorderPutsEachBlockAfterItsForwardPredecessors()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            foreach (var f in new RandomFunctionGenerator(seed).GenerateModule().Functions)
            {
                var cfg = new ControlFlowGraph(f);
                var dom = new DominatorTree(f, cfg);
                foreach (var block in cfg.ReversePostorder)
                {
                    foreach (var pred in cfg.Predecessors(block).Where(cfg.IsReachable))
                    {
                        // Only back edges (to a dominator) may come from later in the order.
                        Assert.True(cfg.RpoIndex(pred) < cfg.RpoIndex(block) || dom.Dominates(block, pred), $"seed {seed}: {pred} -> {block}");
                    }
                }
            }
        }
    }
}
