using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// The loop half of <c>strength-reduce</c>: a multiplication of a basic induction variable by a
/// constant or a loop-invariant value (<c>imul i, k</c>, either operand order) inside its loop
/// becomes a new induction variable that starts at <c>init * k</c> in the preheader and adds
/// <c>step * k</c> on every back edge. Exact under wrapping arithmetic:
/// <c>(i + s) * k = i * k + s * k</c> modulo the width. Shifts are left alone: a shift costs what
/// the add replacing it would, the new variable costs a register, and a shift by 1–3 feeding an
/// address is free in the addressing modes of the targets we compile for.
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
            bool Invariant(ValueId value) => Rewrites.Constant(f, value) is not null || !loop.Contains(f.DefOf(value).Block);
            var candidates = loop.Blocks.SelectMany(b => f[b].Instructions).Select(id => f[id])
                .Where(inst => inst.Opcode is Opcode.Imul && inst.Args.Length == 2
                    && ((ivs.Any(iv => iv.Param == inst.Args[0]) && Invariant(inst.Args[1]))
                        || (ivs.Any(iv => iv.Param == inst.Args[1]) && Invariant(inst.Args[0]))))
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
            // One new variable per (induction variable, factor): equal products in blocks that do
            // not dominate each other (GVN could not merge them) share it.
            var derivedFor = new Dictionary<(ValueId Iv, long? Constant, ValueId Factor), ValueId>();
            foreach (var inst in candidates)
            {
                bool ivFirst = ivs.Any(v => v.Param == inst.Args[0]) && Invariant(inst.Args[1]);
                var iv = ivs.First(v => v.Param == inst.Args[ivFirst ? 0 : 1]);
                var factorOperand = inst.Args[ivFirst ? 1 : 0];
                var type = inst.Type;
                long? constantFactor = Rewrites.Constant(f, factorOperand);
                var key = (iv.Param, constantFactor, constantFactor is null ? factorOperand : default);
                if (derivedFor.TryGetValue(key, out var existing))
                {
                    f.ReplaceAllUses(inst.Result!.Value, existing);
                    f.RemoveInst(f.IdOf(inst));
                    changes++;
                    continue;
                }
                // Initial value in the preheader, from what the preheader passes for the induction variable.
                ValueId factorValue, stride;
                if (Rewrites.Constant(f, factorOperand) is { } factor)
                {
                    factorValue = Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(factor) });
                    stride = Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(unchecked(iv.Step * factor)) });
                }
                else
                {
                    // Folded here rather than left to const-fold: the usual step is 1 and the usual start 0.
                    factorValue = factorOperand;
                    stride = iv.Step == 1 ? factorValue : Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Imul, type, factorValue,
                        Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(iv.Step) })));
                }
                var start = entry.Targets[0].Args[iv.Index];
                var init = Rewrites.Constant(f, start) switch
                {
                    0 => Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Iconst, type) { Imm = 0 }),
                    1 => factorValue,
                    _ => Rewrites.InsertBefore(f, entry, new Instruction(Opcode.Imul, type, start, factorValue)),
                };
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
                derivedFor[key] = derived;
                changes++;
            }
            context.Invalidate();
        }
        return changes;
    }
}
