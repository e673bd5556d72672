using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>gvn</c>: replaces an instruction by an identical one that dominates it (same opcode, type,
/// operands and immediates), walking the dominator tree with a scoped table. Only opcodes whose
/// result depends on operands alone take part: pure ones, trapping arithmetic (a dominating copy that
/// did not trap means this one would not either) and checked arithmetic (likewise for deopts). Memory
/// reads, allocations, calls and guards never do; <see cref="LoadStoreForwarding"/> handles loads.
/// </summary>
public sealed class GlobalValueNumbering : IPass
{
    /// <inheritdoc/>
    public string Name => "gvn";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        var dom = context.DomTree;
        var substitution = new Substitution();
        var table = new Dictionary<ValueKey, ValueId>();
        var scopes = new Stack<List<ValueKey>>();
        int changes = 0;
        // Iterative dominator-tree walk: enter a block, visit children, then drop its entries.
        var stack = new Stack<(BlockId Block, bool Exit)>();
        if (context.Cfg.ReversePostorder.Count > 0) stack.Push((f.Entry, false));
        while (stack.Count > 0)
        {
            var (block, exit) = stack.Pop();
            if (exit)
            {
                foreach (var key in scopes.Pop()) table.Remove(key);
                continue;
            }
            var added = new List<ValueKey>();
            scopes.Push(added);
            stack.Push((block, true));
            foreach (var instId in f[block].Instructions.ToList())
            {
                var inst = f[instId];
                if (substitution.Count > 0) inst.MapUses(substitution.Resolve);
                if (inst.Result is not { } result || !IsNumberable(inst)) continue;
                var key = ValueKey.Of(inst);
                if (table.TryGetValue(key, out var existing))
                {
                    substitution.Add(result, existing);
                    f.RemoveInst(instId);
                    changes++;
                }
                else
                {
                    table[key] = result;
                    added.Add(key);
                }
            }
            foreach (var child in dom.Children(block)) stack.Push((child, false));
        }
        substitution.Apply(f);
        return changes;
    }

    static bool IsNumberable(Instruction inst) => (inst.Effects & ~(Effects.MayTrap | Effects.MayDeopt)) == Effects.None;

    /// <summary>Everything that determines a numberable instruction's result (numberable opcodes have at most three operands).</summary>
    readonly record struct ValueKey(Opcode Opcode, IrType Type, long Imm, int Extra, string? Callee, int A0, int A1, int A2)
    {
        public static ValueKey Of(Instruction inst)
        {
            var args = inst.Args;
            int a0 = args.Length > 0 ? args[0].Index : -1, a1 = args.Length > 1 ? args[1].Index : -1, a2 = args.Length > 2 ? args[2].Index : -1;
            // Commutative operands in a fixed order so a+b and b+a meet.
            if (inst.Opcode is Opcode.Iadd or Opcode.Imul or Opcode.Band or Opcode.Bor or Opcode.Bxor && a0 > a1) (a0, a1) = (a1, a0);
            int extra = inst.Opcode switch
            {
                Opcode.Icmp => (int)inst.IntCond,
                Opcode.Fcmp => (int)inst.FloatCond,
                Opcode.StackAddr => inst.Slot.Index,
                _ => 0,
            };
            return new ValueKey(inst.Opcode, inst.Type, inst.Imm, extra, inst.Callee, a0, a1, a2);
        }
    }
}
