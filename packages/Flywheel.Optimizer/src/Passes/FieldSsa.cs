using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// Turns the fields of one non-escaping allocation into SSA values: on-demand SSA construction
/// (Braun et al.) over the finished CFG, where stores define a field, the allocation defines every
/// field as zero, and a join adds a block parameter whose arguments are each predecessor's value.
/// </summary>
sealed class FieldSsa(Function f, ControlFlowGraph cfg, Instruction alloc, HashSet<Instruction> accesses, Dictionary<int, IrType> fields, Dictionary<int, ValueId> zeros)
{
    readonly Dictionary<(int Field, BlockId Block), ValueId> entryValues = [];
    readonly Dictionary<(int Field, BlockId Block), ValueId> exitValues = [];
    readonly HashSet<BlockId> blocksWithDefs = [];

    public void Rewrite()
    {
        // The last definition of each field in each block: stores, and the allocation's zeros.
        foreach (var block in f.Layout)
        {
            foreach (var id in f[block].Instructions)
            {
                var inst = f[id];
                if (inst == alloc)
                {
                    foreach (var (offset, zero) in zeros) exitValues[(offset, block)] = zero;
                    blocksWithDefs.Add(block);
                }
                else if (inst.Opcode == Opcode.Store && accesses.Contains(inst))
                {
                    exitValues[(inst.Offset, block)] = inst.Args[0];
                    blocksWithDefs.Add(block);
                }
            }
        }
        var substitution = new Substitution();
        var doomed = new List<InstId> { f.IdOf(alloc) };
        foreach (var block in f.Layout.Where(b => f[b].Instructions.Any(id => accesses.Contains(f[id]))).ToList())
        {
            var current = new Dictionary<int, ValueId>();
            foreach (var id in f[block].Instructions)
            {
                var inst = f[id];
                if (inst == alloc) { foreach (var (offset, zero) in zeros) current[offset] = zero; continue; }
                if (!accesses.Contains(inst)) continue;
                if (inst.Opcode == Opcode.Store) current[inst.Offset] = inst.Args[0];
                else substitution.Add(inst.Result!.Value, current.TryGetValue(inst.Offset, out var v) ? v : EntryValue(inst.Offset, block));
                doomed.Add(id);
            }
        }
        f.RemoveInsts(doomed);
        substitution.Apply(f);
    }

    ValueId ExitValue(int field, BlockId block) =>
        exitValues.TryGetValue((field, block), out var value) ? value : EntryValue(field, block);

    ValueId EntryValue(int field, BlockId block)
    {
        if (entryValues.TryGetValue((field, block), out var known)) return known;
        var preds = cfg.Predecessors(block);
        ValueId value;
        if (preds.Count == 0)
        {
            // Only the entry has no predecessors, and the allocation dominates every read: unreachable in valid IR.
            value = zeros[field];
        }
        else if (preds.Count == 1)
        {
            value = ExitValue(field, preds[0]);
        }
        else
        {
            // Record the parameter before visiting predecessors, so a loop back to here finds it.
            value = f.AddBlockParam(block, fields[field]);
            entryValues[(field, block)] = value;
            foreach (var pred in preds)
            {
                var argument = ExitValue(field, pred);
                var term = f.Terminator(pred)!;
                for (int i = 0; i < term.Targets.Length; i++)
                {
                    if (term.Targets[i].Block == block) term.Targets[i] = term.Targets[i] with { Args = [.. term.Targets[i].Args, argument] };
                }
            }
        }
        entryValues[(field, block)] = value;
        return value;
    }
}
