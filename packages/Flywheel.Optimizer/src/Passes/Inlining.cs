using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>inline</c>: replaces direct calls with a copy of the callee's body, taken from the
/// <see cref="ICalleeProvider"/>. First, <c>call_indirect</c> through a <c>func_addr</c> of a known
/// function with a matching signature becomes a direct call. Size heuristic: callees of at most
/// <see cref="MaxCalleeInstructions"/> instructions, at most <see cref="MaxInlinesPerFunction"/>
/// inlines per run, never a function into itself. A deopt inside the inlined body reports the
/// callee's own frame state, exactly as when the callee ran as a call; embedders that need the
/// caller's frame too should not offer such callees.
/// </summary>
public sealed class Inlining : IPass
{
    /// <summary>The largest callee (in instructions) that is inlined.</summary>
    public int MaxCalleeInstructions { get; init; } = 40;

    /// <summary>The most call sites inlined into one function per run (bounds growth).</summary>
    public int MaxInlinesPerFunction { get; init; } = 16;

    /// <inheritdoc/>
    public string Name => "inline";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        int changes = Devirtualize(context);
        if (context.Callees is not { } callees) return changes;
        int inlined = 0;
        bool progress = true;
        while (progress && inlined < MaxInlinesPerFunction)
        {
            progress = false;
            foreach (var instId in f.AllInstructions().ToList())
            {
                var call = f[instId];
                if (call.Opcode != Opcode.Call || call.Callee == f.Name) continue;
                var callee = callees.GetCallee(call.Callee!);
                if (callee is null || callee.LiveInstructionCount() > MaxCalleeInstructions) continue;
                if (!callee.ParameterTypes.SequenceEqual(call.Args.Select(f.TypeOf)) || callee.ReturnType != call.Type) continue;
                InlineCall(f, call, callee);
                inlined++;
                progress = true;
                break; // block lists changed: rescan
            }
        }
        if (inlined > 0) context.Invalidate();
        return changes + inlined;
    }

    int Devirtualize(PassContext context)
    {
        if (context.Module is not { } module) return 0;
        var f = context.Function;
        int changes = 0;
        foreach (var instId in f.AllInstructions())
        {
            var inst = f[instId];
            if (inst.Opcode != Opcode.CallIndirect || f.DefiningInst(inst.Args[0]) is not { Opcode: Opcode.FuncAddr } address) continue;
            if (!module.TryGet(address.Callee!, out var target)) continue;
            var args = inst.Args[1..];
            if (!target.ParameterTypes.SequenceEqual(args.Select(f.TypeOf)) || target.ReturnType != inst.Type) continue;
            inst.Opcode = Opcode.Call;
            inst.Callee = target.Name;
            inst.Args = args;
            changes++;
        }
        return changes;
    }

    /// <summary>Splits the caller's block at the call, copies the callee's blocks in between, and routes its returns to the continuation.</summary>
    static void InlineCall(Function f, Instruction call, Function callee)
    {
        var block = call.Block!.Value;
        var continuation = f.CreateBlockAfter(block);
        var instructions = f[block].Instructions;
        int at = instructions.ToList().IndexOf(f.IdOf(call));
        foreach (var moved in instructions.Skip(at + 1).ToList())
        {
            f.DetachInst(moved);
            f.AppendInst(continuation, f[moved]);
        }
        ValueId? result = call.Type != IrType.None ? f.AddBlockParam(continuation, call.Type) : null;

        var values = new Dictionary<ValueId, ValueId>();
        var blocks = new Dictionary<BlockId, BlockId>();
        var slots = new Dictionary<int, StackSlotId>();
        for (int i = 0; i < callee.StackSlots.Count; i++) slots[i] = f.CreateStackSlot(callee.StackSlots[i].Size);
        var after = block;
        foreach (var calleeBlock in callee.Layout)
        {
            var copy = f.CreateBlockAfter(after);
            after = copy;
            blocks[calleeBlock] = copy;
            foreach (var param in callee[calleeBlock].Params) values[param] = f.AddBlockParam(copy, callee.TypeOf(param));
        }
        var copies = new List<Instruction>();
        foreach (var calleeBlock in callee.Layout)
        {
            foreach (var id in callee[calleeBlock].Instructions)
            {
                var original = callee[id];
                Instruction copy;
                if (original.Opcode == Opcode.Return)
                {
                    copy = new Instruction(Opcode.Jump, IrType.None) { Targets = [new BlockCall(continuation, original.Args.ToArray())] };
                }
                else
                {
                    copy = original.Clone();
                    if (copy.Opcode == Opcode.StackAddr) copy.Slot = slots[copy.Slot.Index];
                    copy.Targets = Array.ConvertAll(copy.Targets, t => t with { Block = blocks[t.Block] });
                }
                f.AppendInst(blocks[calleeBlock], copy);
                if (original.Result is { } r) values[r] = copy.Result!.Value;
                copies.Add(copy);
            }
        }
        foreach (var copy in copies) copy.MapUses(v => values[v]);
        // Map the continuation's jump arguments back: Return's args were callee values.
        f.RemoveInst(f.IdOf(call));
        f.AppendInst(block, new Instruction(Opcode.Jump, IrType.None) { Targets = [new BlockCall(blocks[callee.Entry], call.Args)] });
        if (call.Result is { } callResult && result is { } resultParam) f.ReplaceAllUses(callResult, resultParam);
    }
}
