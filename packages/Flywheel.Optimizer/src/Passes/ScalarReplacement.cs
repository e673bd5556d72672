using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>escape</c>: escape analysis with scalar replacement. An <c>alloc</c> whose address is used
/// only as the address operand of loads and stores in its own block, at constant in-bounds offsets
/// that split the object into non-overlapping fields of one type each, never escapes: its fields
/// become SSA values (zero until stored, as <c>alloc</c> zeroes memory), its loads become those
/// values, and the allocation and its stores disappear. Any other use (a call argument, a stored
/// value, a block argument, a frame state, pointer arithmetic, a use in another block) counts as an
/// escape and the allocation stays.
/// </summary>
public sealed class ScalarReplacement : IPass
{
    /// <inheritdoc/>
    public string Name => "escape";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        foreach (var block in f.Layout)
        {
            foreach (var allocId in f[block].Instructions.Where(id => f[id].Opcode == Opcode.Alloc).ToList())
            {
                if (TryReplace(f, block, f[allocId])) changes++;
            }
        }
        return changes;
    }

    static bool TryReplace(Function f, BlockId block, Instruction alloc)
    {
        var pointer = alloc.Result!.Value;
        var instructions = f[block].Instructions.ToList();
        int start = instructions.IndexOf(f.IdOf(alloc));
        var accesses = new List<Instruction>();
        var fields = new Dictionary<int, IrType>();
        // Every use must be an access in this block after the allocation.
        foreach (var id in f.AllInstructions())
        {
            var inst = f[id];
            if (!inst.Uses().Contains(pointer)) continue;
            bool isAccess = inst.Block == block && instructions.IndexOf(id) > start
                && (inst.Opcode == Opcode.Load && inst.Args[0] == pointer
                    || inst.Opcode == Opcode.Store && inst.Args[1] == pointer && inst.Args[0] != pointer)
                && inst.FrameState is null;
            if (!isAccess) return false;
            var type = inst.Opcode == Opcode.Load ? inst.Type : f.TypeOf(inst.Args[0]);
            if (inst.Offset < 0 || inst.Offset + type.Bytes() > alloc.Imm) return false;
            if (fields.TryGetValue(inst.Offset, out var existing) && existing != type) return false;
            fields[inst.Offset] = type;
            accesses.Add(inst);
        }
        var ordered = fields.OrderBy(kv => kv.Key).ToList();
        for (int i = 0; i + 1 < ordered.Count; i++)
        {
            if (ordered[i].Key + ordered[i].Value.Bytes() > ordered[i + 1].Key) return false; // overlapping fields
        }
        var current = new Dictionary<int, ValueId>();
        foreach (var id in instructions.Skip(start + 1))
        {
            var inst = f[id];
            if (!accesses.Contains(inst)) continue;
            if (inst.Opcode == Opcode.Store)
            {
                current[inst.Offset] = inst.Args[0];
                f.RemoveInst(id);
                continue;
            }
            if (!current.TryGetValue(inst.Offset, out var value))
            {
                var zero = new Instruction(inst.Type.IsFloat() ? Opcode.Fconst : Opcode.Iconst, inst.Type) { Imm = 0 };
                value = Rewrites.InsertBefore(f, alloc, zero);
                current[inst.Offset] = value;
            }
            f.ReplaceAllUses(inst.Result!.Value, value);
            f.RemoveInst(id);
        }
        f.RemoveInst(f.IdOf(alloc));
        return true;
    }
}
