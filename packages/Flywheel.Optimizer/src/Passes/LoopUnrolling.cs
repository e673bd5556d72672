using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.Optimizer.Passes;

/// <summary>
/// <c>unroll</c>: fully unrolls single-block loops whose trip count is a compile-time constant:
/// the counter is a header parameter that enters as a constant, steps by a constant
/// (<c>iadd</c>) and is compared against a constant by the loop's <c>brif</c>. The count comes from
/// running the counter through the interpreter's <see cref="Semantics"/>, so wrapping and unsigned
/// compares are exact. Loops of more than <see cref="MaxTrips"/> trips, or whose copies would exceed
/// <see cref="MaxUnrolledInstructions"/>, stay.
/// </summary>
public sealed class LoopUnrolling : IPass
{
    /// <summary>The most iterations a loop may have to be unrolled.</summary>
    public int MaxTrips { get; init; } = 8;

    /// <summary>The most instructions the unrolled copies may have in total.</summary>
    public int MaxUnrolledInstructions { get; init; } = 96;

    /// <inheritdoc/>
    public string Name => "unroll";

    /// <inheritdoc/>
    public int Run(PassContext context)
    {
        var f = context.Function;
        int changes = 0;
        foreach (var loop in context.Loops.Loops.ToList())
        {
            if (loop.Blocks.Count != 1) continue;
            var header = loop.Header;
            if (!f[header].InLayout) continue;
            var cfg = context.Cfg;
            var entries = cfg.Predecessors(header).Where(p => p != header).ToList();
            if (entries.Count != 1 || f.Terminator(entries[0]) is not { Opcode: Opcode.Jump } entryJump) continue;
            if (TripCount(f, header, entryJump.Targets[0]) is not { } trips) continue;
            if (trips * f[header].Instructions.Count > MaxUnrolledInstructions) continue;
            Unroll(f, header, entryJump, trips);
            context.Invalidate();
            changes++;
        }
        return changes;
    }

    int? TripCount(Function f, BlockId header, BlockCall entry)
    {
        var branch = f.Terminator(header);
        if (branch?.Opcode != Opcode.Brif || (branch.Targets[0].Block == header) == (branch.Targets[1].Block == header)) return null;
        int back = branch.Targets[0].Block == header ? 0 : 1;
        if (f.DefiningInst(branch.Args[0]) is not { Opcode: Opcode.Icmp } compare) return null;
        // The compare reads next = counter + step (or the counter) against a constant limit.
        int limitSide = Rewrites.Constant(f, compare.Args[1]) is not null ? 1 : Rewrites.Constant(f, compare.Args[0]) is not null ? 0 : -1;
        if (limitSide < 0) return null;
        var next = compare.Args[1 - limitSide];
        long limit = Rewrites.Constant(f, compare.Args[limitSide])!.Value;
        var step = f.DefiningInst(next);
        ValueId counter;
        long stepValue = 0;
        if (step is { Opcode: Opcode.Iadd } && Rewrites.Constant(f, step.Args[1]) is { } s) { counter = step.Args[0]; stepValue = s; }
        else { counter = next; step = null; }
        var parameters = f[header].Params;
        int index = parameters.ToList().IndexOf(counter);
        if (index < 0 || branch.Targets[back].Args[index] != next || Rewrites.Constant(f, entry.Args[index]) is not { } init) return null;
        var type = f.TypeOf(counter);
        long value = init;
        for (int trips = 1; trips <= MaxTrips; trips++)
        {
            long nextValue = value;
            if (step is not null && Semantics.Evaluate(step, type, [value, stepValue], out nextValue, out _) != EvalStatus.Value) return null;
            Span<long> operands = limitSide == 1 ? [nextValue, limit] : [limit, nextValue];
            if (Semantics.Evaluate(compare, type, operands, out long taken, out _) != EvalStatus.Value) return null;
            bool again = (taken != 0) == (back == 0);
            if (!again) return trips;
            value = nextValue;
        }
        return null;
    }

    static void Unroll(Function f, BlockId header, Instruction entryJump, int trips)
    {
        var branch = f.Terminator(header)!;
        int back = branch.Targets[0].Block == header ? 0 : 1;
        var exit = branch.Targets[1 - back];
        var body = f[header].Instructions.Where(id => f[id] != branch).ToList();
        var copies = new List<BlockId>();
        var after = header;
        Dictionary<ValueId, ValueId> map = [];
        for (int k = 0; k < trips; k++)
        {
            var copy = f.CreateBlockAfter(after);
            after = copy;
            copies.Add(copy);
            map = [];
            foreach (var param in f[header].Params) map[param] = f.AddBlockParam(copy, f.TypeOf(param));
            foreach (var id in body)
            {
                var clone = f[id].Clone();
                clone.MapUses(v => map.TryGetValue(v, out var m) ? m : v);
                f.AppendInst(copy, clone);
                if (f[id].Result is { } r) map[r] = clone.Result!.Value;
            }
            var target = k + 1 < trips ? new BlockCall(header, branch.Targets[back].Args) : exit;
            var args = target.Args.Select(v => map.TryGetValue(v, out var m) ? m : v).ToArray();
            // The next copy's block is created on the next iteration; patch it in afterwards.
            f.AppendInst(copy, new Instruction(Opcode.Jump, IrType.None) { Targets = [new BlockCall(target.Block, args)] });
        }
        for (int k = 0; k + 1 < trips; k++)
        {
            var jump = f.Terminator(copies[k])!;
            jump.Targets[0] = jump.Targets[0] with { Block = copies[k + 1] };
        }
        entryJump.Targets[0] = entryJump.Targets[0] with { Block = copies[0] };
        var headerValues = f[header].Params.Concat(body.Select(id => f[id].Result).OfType<ValueId>()).ToList();
        f.RemoveBlock(header);
        // Code after the loop saw the last iteration's values.
        foreach (var value in headerValues) f.ReplaceAllUses(value, map[value]);
    }
}
