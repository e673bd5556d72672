using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// The loop half of <c>strength-reduce</c>: a multiplication of a basic induction variable by a
/// constant (<c>imul i, k</c> or <c>ishl i, k</c>) inside its loop becomes a new induction variable
/// that starts at <c>init * k</c> in the preheader and adds <c>step * k</c> on every back edge.
/// Exact under wrapping arithmetic: <c>(i + s) * k = i * k + s * k</c> modulo the width.
/// </summary>
static class InductionStrengthReduction
{
    public static int Run(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        foreach (var loop in context.Loops.Loops)
        {
            var cfg = context.Cfg;
            var ivs = InductionVariables.Find(f, cfg, loop);
            if (ivs.Count == 0) continue;
            var candidates = loop.Blocks.SelectMany(b => f[b].Instructions).Select(id => f[id])
                .Where(inst => inst.Opcode is Opcode.Imul or Opcode.Ishl && inst.Args.Length == 2
                    && ivs.Any(iv => iv.Param == inst.Args[0]) && Rewrites.Constant(f, inst.Args[1]) is not null)
                .ToList();
            if (candidates.Count == 0) continue;
            var preheader = Preheaders.GetOrCreate(f, cfg, loop, out bool created);
            if (preheader is not { } pre) continue;
            if (created)
            {
                for (var outer = loop.Parent; outer is not null; outer = outer.Parent) outer.Blocks.Add(pre);
                context.Invalidate();
                cfg = context.Cfg;
            }
            var entry = f.Terminator(pre)!;
            var latches = cfg.Predecessors(loop.Header).Where(loop.Contains).ToList();
            foreach (var inst in candidates)
            {
                var iv = ivs.First(v => v.Param == inst.Args[0]);
                var type = inst.Type;
                long c = Rewrites.Constant(f, inst.Args[1])!.Value;
                long factor = inst.Opcode == Opcode.Imul ? c : 1L << (int)(c & (type.Bits() - 1));
                // Initial value in the preheader, from what the preheader passes for the induction variable.
                var factorValue = Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(factor) });
                var init = Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Imul, type, entry.Targets[0].Args[iv.Index], factorValue));
                var stride = Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(unchecked(iv.Step * factor)) });
                var derived = f.AddBlockParam(loop.Header, type);
                entry.Targets[0] = entry.Targets[0] with { Args = [.. entry.Targets[0].Args, init] };
                foreach (var latch in latches)
                {
                    var term = f.Terminator(latch)!;
                    var next = Rewrites.InsertBefore(f, term, new Instruction(Opcode.Iadd, type, derived, stride));
                    for (int t = 0; t < term.Targets.Length; t++)
                    {
                        if (term.Targets[t].Block == loop.Header) term.Targets[t] = term.Targets[t] with { Args = [.. term.Targets[t].Args, next] };
                    }
                }
                f.ReplaceAllUses(inst.Result!.Value, derived);
                f.RemoveInst(f.IdOf(inst));
                changes++;
            }
            context.Invalidate();
        }
        return changes;
    }
}
