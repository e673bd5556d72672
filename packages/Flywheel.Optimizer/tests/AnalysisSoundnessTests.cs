using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.Optimizer.Tests;

/// <summary>Analyses checked against execution: every value the interpreter produces must lie where the analysis said it would.</summary>
public sealed class AnalysisSoundnessTests
{
    [Fact]
    public void EveryExecutedIntegerLiesInItsRange()
    {
        int checkedValues = 0, narrowRanges = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var generator = new RandomFunctionGenerator(seed);
            var module = generator.GenerateModule();
            // Ranges after some cleanup too: folded code has more constants to reason from.
            if (seed % 2 == 1) PassManager.ForLevel(OptLevel.Fast).Run(module);
            var ranges = module.Functions.ToDictionary(f => f, f => new RangeAnalysis(f, new ControlFlowGraph(f)));
            Assert.All(ranges.Values, r => Assert.True(r.Converged));
            var failures = new List<string>();
            var options = new InterpreterOptions
            {
                Fuel = 20_000,
                Host = StandardHost.Create(),
                Trace = (f, value, bits) =>
                {
                    if (!f.TypeOf(value).IsInt()) return;
                    checkedValues++;
                    var range = ranges[f].RangeOf(value);
                    if (range is not { } r) failures.Add($"%{f.Name} {value} = {bits} but the analysis says it is never reached");
                    else if (bits < r.Min || bits > r.Max) failures.Add($"%{f.Name} {value} = {bits} outside {r}");
                },
            };
            var main = module.Functions[^1];
            for (int run = 0; run < 3; run++) new Interpreter(module, options).Run("main", generator.GenerateArguments(main));
            Assert.True(failures.Count == 0, $"seed {seed}:\n{string.Join("\n", failures.Take(5))}\n{module}");
            narrowRanges += module.Functions.Sum(f => f.AllInstructions().Count(id => f[id].Result is { } v && f.TypeOf(v).IsInt()
                && ranges[f].RangeOf(v) is { } r && r != IntRange.Full(f.TypeOf(v))));
        }
        Assert.True(checkedValues > 10_000, $"only {checkedValues} values checked");
        Assert.True(narrowRanges > 1_000, $"only {narrowRanges} narrow ranges: the analysis proves little");
    }

    [Fact]
    public void LoopsAreNaturalAndProperlyNested()
    {
        int loops = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            foreach (var f in new RandomFunctionGenerator(seed).GenerateModule().Functions)
            {
                var cfg = new ControlFlowGraph(f);
                var dom = new DominatorTree(f, cfg);
                var nest = new LoopNest(f, dom);
                foreach (var loop in nest.Loops)
                {
                    loops++;
                    Assert.All(loop.Blocks, b => Assert.True(dom.Dominates(loop.Header, b)));
                    Assert.All(loop.Latches, l => Assert.Contains(loop.Header, cfg.Successors(l)));
                    // Only the header has predecessors outside the loop.
                    Assert.All(loop.Blocks.Where(b => b != loop.Header), b => Assert.All(cfg.Predecessors(b).Where(cfg.IsReachable), p => Assert.Contains(p, loop.Blocks)));
                    if (loop.Parent is { } parent) Assert.True(loop.Blocks.IsSubsetOf(parent.Blocks));
                }
                // Innermost first: a loop never comes after one it contains.
                for (int i = 0; i < nest.Loops.Count; i++)
                {
                    for (int j = i + 1; j < nest.Loops.Count; j++) Assert.False(nest.Loops[j].Blocks.IsProperSubsetOf(nest.Loops[i].Blocks));
                }
            }
        }
        Assert.True(loops > 100, $"only {loops} loops generated");
    }

    [Fact]
    public void InductionVariablesAreThoseThatStepByAConstant()
    {
        var f = Flywheel.SsaIR.Text.IrParser.ParseFunction("""
            function %f(i64) -> i64 {
            block0(v0: i64):
                v1 = iconst.i64 0
                v2 = iconst.i64 3
                jump block1(v1, v1, v1)
            block1(v3: i64, v4: i64, v5: i64):
                v6 = iadd.i64 v3, v2
                v7 = isub.i64 v4, v2
                v8 = iadd.i64 v5, v3
                v9 = icmp slt v6, v0
                brif v9, block1(v6, v7, v8), block2
            block2:
                return v8
            }
            """);
        var cfg = new ControlFlowGraph(f);
        var loop = Assert.Single(new LoopNest(f, new DominatorTree(f, cfg)).Loops);
        var ivs = InductionVariables.Find(f, cfg, loop);
        Assert.Equal([(new ValueId(3), 3L), (new ValueId(4), -3L)], ivs.Select(iv => (iv.Param, iv.Step)));
    }
}
