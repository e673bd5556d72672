using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.CodeGen.Lowering;

/// <summary>
/// The order blocks are laid out and numbered in: reverse postorder from the entry (unreachable
/// blocks are dropped), which puts every block after its dominator and keeps loop bodies
/// together. Each emitted instruction gets an even position: its operands are read there and its
/// result is written at the next (odd) position, so an operand that dies at an instruction and
/// that instruction's result may share a register. A block's parameters are defined at the
/// block's start position.
/// </summary>
internal sealed class LinearOrder
{
    readonly int[] blockStart;
    readonly int[] blockEnd;
    readonly int[] instPosition;

    public LinearOrder(Function function, SelectionPlan plan)
    {
        var cfg = new ControlFlowGraph(function);
        Cfg = cfg;
        Blocks = cfg.ReversePostorder;
        blockStart = new int[function.BlockCount];
        blockEnd = new int[function.BlockCount];
        instPosition = new int[function.InstCount];
        Array.Fill(instPosition, -1);
        int position = 0;
        var calls = new List<int>();
        foreach (var block in Blocks)
        {
            blockStart[block.Index] = position;
            position += 2;
            foreach (var inst in function[block].Instructions)
            {
                if (plan.IsCovered(inst)) continue;
                instPosition[inst.Index] = position;
                if (SelectionPlan.IsCall(function[inst])) calls.Add(position);
                position += 2;
            }
            blockEnd[block.Index] = position;
        }
        CallPositions = calls;
        Length = position;
    }

    public ControlFlowGraph Cfg { get; }

    /// <summary>Reachable blocks in code order.</summary>
    public IReadOnlyList<BlockId> Blocks { get; }

    /// <summary>Positions of instructions that clobber caller-saved registers, ascending.</summary>
    public IReadOnlyList<int> CallPositions { get; }

    /// <summary>One past the last position.</summary>
    public int Length { get; }

    public int BlockStart(BlockId block) => blockStart[block.Index];

    public int BlockEnd(BlockId block) => blockEnd[block.Index];

    /// <summary>The position of an emitted instruction, or -1 for a covered one.</summary>
    public int PositionOf(InstId inst) => instPosition[inst.Index];
}
