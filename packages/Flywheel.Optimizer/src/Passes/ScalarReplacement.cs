using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>escape</c>: escape analysis with scalar replacement. An <c>alloc</c> whose address is used
/// only as the address operand of loads and stores, at constant in-bounds offsets that split the
/// object into non-overlapping fields of one type each, never escapes: each field becomes an SSA
/// variable (zero at the allocation, as <c>alloc</c> zeroes memory, then whatever was last stored),
/// block parameters carry fields across joins and loops, loads become the current values, and the
/// allocation and its stores disappear. Any other use (a call argument, a stored value, a block
/// argument, a frame state, pointer arithmetic) counts as an escape and the allocation stays; so do
/// objects whose fields would need parameters on <c>switch</c> targets, which cannot take any.
/// </summary>
public sealed class ScalarReplacement : IPass
{
    /// <inheritdoc/>
    public string Name => "escape";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        if (!f.AllInstructions().Any(id => f[id].Opcode == Opcode.Alloc)) return 0;
        int changes = DeadCodeElimination.RemoveUnreachableBlocks(context);
        var users = new Dictionary<ValueId, List<Instruction>>();
        foreach (var id in f.AllInstructions())
        {
            var inst = f[id];
            foreach (var use in inst.Uses().Distinct())
            {
                if (f.DefiningInst(use)?.Opcode != Opcode.Alloc) continue;
                if (!users.TryGetValue(use, out var list)) users[use] = list = [];
                list.Add(inst);
            }
        }
        foreach (var allocId in f.AllInstructions().Where(id => f[id].Opcode == Opcode.Alloc).ToList())
        {
            var alloc = f[allocId];
            if (TryReplace(context, alloc, users.GetValueOrDefault(alloc.Result!.Value) ?? [])) changes++;
        }
        return changes;
    }

    static bool TryReplace(PassContext context, Instruction alloc, List<Instruction> accesses)
    {
        var f = context.Function;
        var pointer = alloc.Result!.Value;
        var fields = new Dictionary<int, IrType>();
        foreach (var inst in accesses)
        {
            bool isAccess = (inst.Opcode == Opcode.Load && inst.Args[0] == pointer
                    || inst.Opcode == Opcode.Store && inst.Args[1] == pointer && inst.Args[0] != pointer)
                && inst.FrameState is null;
            if (!isAccess) return false;
            var type = inst.Opcode == Opcode.Load ? inst.Type : f.TypeOf(inst.Args[0]);
            if (inst.Offset < 0 || inst.Offset + type.Bytes() > alloc.Imm) return false;
            if (fields.TryGetValue(inst.Offset, out var existing) && existing != type) return false;
            fields[inst.Offset] = type;
        }
        var ordered = fields.OrderBy(kv => kv.Key).ToList();
        for (int i = 0; i + 1 < ordered.Count; i++)
        {
            if (ordered[i].Key + ordered[i].Value.Bytes() > ordered[i + 1].Key) return false; // overlapping fields
        }
        var home = alloc.Block!.Value;
        var dom = context.DomTree;
        // Fields may need block parameters anywhere the object lives; switch targets cannot take them.
        if (f.Layout.Any(b => dom.Dominates(home, b) && f.Terminator(b)?.Opcode == Opcode.Switch && accesses.Count > 0)) return false;

        var zeros = new Dictionary<int, ValueId>();
        foreach (var (offset, type) in ordered)
        {
            var zero = new Instruction(type.IsFloat() ? Opcode.Fconst : Opcode.Iconst, type) { Imm = 0 };
            zeros[offset] = Rewrites.InsertBefore(f, alloc, zero);
        }
        new FieldSsa(f, context.Cfg, alloc, new HashSet<Instruction>(accesses), fields, zeros).Rewrite();
        return true;
    }
}
