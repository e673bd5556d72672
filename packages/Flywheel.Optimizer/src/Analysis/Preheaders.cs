using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer.Analysis;

/// <summary>Finds or makes a loop's preheader: the one block outside the loop that enters the header, by a plain jump.</summary>
static class Preheaders
{
    /// <summary>
    /// The preheader of <paramref name="loop"/>, created when the header has several outside
    /// predecessors or one that does not end in a jump. Null when the header is the entry or is
    /// entered by a <c>switch</c> with parameters in play (never both: switch targets take none).
    /// </summary>
    public static BlockId? GetOrCreate(Function f, ControlFlowGraph cfg, Loop loop, out bool created)
    {
        created = false;
        var header = loop.Header;
        if (header == f.Entry) return null;
        var outside = cfg.Predecessors(header).Where(p => !loop.Contains(p)).ToList();
        if (outside.Count == 1 && f.Terminator(outside[0]) is { Opcode: Opcode.Jump }) return outside[0];
        if (outside.Count == 0) return null;
        var preheader = f.CreateBlock();
        f.MoveBlockAfter(preheader, outside[^1]);
        var forwarded = f[header].Params.Select(p => f.AddBlockParam(preheader, f.TypeOf(p))).ToArray();
        f.AppendInst(preheader, new Instruction(Opcode.Jump, IrType.None) { Targets = [new BlockCall(header, forwarded)] });
        foreach (var pred in outside)
        {
            var term = f.Terminator(pred)!;
            for (int i = 0; i < term.Targets.Length; i++)
            {
                if (term.Targets[i].Block == header) term.Targets[i] = term.Targets[i] with { Block = preheader };
            }
        }
        created = true;
        return preheader;
    }
}
