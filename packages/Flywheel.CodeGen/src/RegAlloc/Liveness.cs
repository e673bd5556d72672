using System.Collections;
using Flywheel.CodeGen.Lowering;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen.RegAlloc;

/// <summary>
/// Live intervals from block liveness (Wimmer and Franz, "Linear Scan Register Allocation on SSA
/// Form"): live-in sets by backward dataflow to a fixed point (loops need more than one sweep),
/// then one backward walk over the blocks builds each value's ranges, with holes where the value
/// is dead. A block parameter is defined at its block's start; a branch argument is used at the
/// branch.
/// </summary>
internal static class Liveness
{
    public static LiveInterval?[] BuildIntervals(Function function, SelectionPlan plan, LinearOrder order)
    {
        int valueCount = function.ValueCount;
        var liveIn = new BitArray[function.BlockCount];
        foreach (var block in order.Blocks) liveIn[block.Index] = new BitArray(valueCount);
        var uses = new List<(ValueId Value, bool Late)>();

        // Fixed point over postorder (reverse of the code order) so most facts flow in one sweep.
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = order.Blocks.Count - 1; b >= 0; b--)
            {
                var block = order.Blocks[b];
                var live = LiveOut(function, order, block, liveIn, valueCount);
                var instructions = function[block].Instructions;
                for (int i = instructions.Count - 1; i >= 0; i--)
                {
                    if (plan.IsCovered(instructions[i])) continue;
                    var inst = function[instructions[i]];
                    if (inst.Result is { } result) live[result.Index] = false;
                    uses.Clear();
                    plan.CollectUses(inst, uses);
                    foreach (var (value, _) in uses) live[value.Index] = true;
                }
                foreach (var param in function[block].Params) live[param.Index] = false;
                if (!SameBits(live, liveIn[block.Index]))
                {
                    liveIn[block.Index] = live;
                    changed = true;
                }
            }
        }

        var intervals = new LiveInterval?[valueCount];
        LiveInterval Interval(ValueId v) => intervals[v.Index] ??= new LiveInterval(v, function.TypeOf(v));
        for (int b = order.Blocks.Count - 1; b >= 0; b--)
        {
            var block = order.Blocks[b];
            int start = order.BlockStart(block), end = order.BlockEnd(block);
            var liveOut = LiveOut(function, order, block, liveIn, valueCount);
            for (int v = 0; v < valueCount; v++)
            {
                if (liveOut[v]) Interval(new ValueId(v)).AddRange(start, end);
            }
            var instructions = function[block].Instructions;
            for (int i = instructions.Count - 1; i >= 0; i--)
            {
                if (plan.IsCovered(instructions[i])) continue;
                var inst = function[instructions[i]];
                int position = order.PositionOf(instructions[i]);
                int depth = order.LoopDepth(block);
                if (inst.Result is { } result && !plan.IsConstant(result))
                {
                    Interval(result).SetFrom(position + 1);
                    Interval(result).AddAccess(position + 1, depth);
                }
                uses.Clear();
                plan.CollectUses(inst, uses);
                foreach (var (value, late) in uses)
                {
                    Interval(value).AddRange(start, position + (late ? 2 : 1));
                    Interval(value).AddAccess(position, depth);
                }
            }
            foreach (var param in function[block].Params)
            {
                Interval(param).SetFrom(start);
                Interval(param).AddAccess(start, order.LoopDepth(block));
            }
        }

        foreach (var interval in intervals) interval?.Seal();
        return intervals;
    }

    /// <summary>
    /// Move-saving preferences: a value passed to a block parameter and the parameter would like
    /// each other's register (whichever is allocated second takes the first's when it is free),
    /// and an instruction's result would like its first operand's (two-address instructions then
    /// compute in place when that operand dies there).
    /// </summary>
    public static void AddCopyHints(Function function, SelectionPlan plan, LinearOrder order, LiveInterval?[] intervals)
    {
        foreach (var block in order.Blocks)
        {
            foreach (var id in function[block].Instructions)
            {
                if (plan.IsCovered(id)) continue;
                var inst = function[id];
                foreach (var target in inst.Targets)
                {
                    var parameters = function[target.Block].Params;
                    for (int i = 0; i < target.Args.Length; i++)
                    {
                        if (intervals[target.Args[i].Index] is not { } arg || intervals[parameters[i].Index] is not { } param || arg == param) continue;
                        if (!arg.CopyHints.Contains(param)) arg.CopyHints.Add(param);
                        if (!param.CopyHints.Contains(arg)) param.CopyHints.Add(arg);
                        foreach (var sibling in parameters)
                        {
                            if (intervals[sibling.Index] is { } s && s != arg && !arg.EdgeParameters.Contains(s)) arg.EdgeParameters.Add(s);
                        }
                    }
                }
                if (inst.Result is { } result && inst.Args.Length > 0 && intervals[result.Index] is { } r && intervals[inst.Args[0].Index] is { } first)
                {
                    r.OperandHint ??= first;
                }
            }
        }
    }

    static BitArray LiveOut(Function function, LinearOrder order, BlockId block, BitArray[] liveIn, int valueCount)
    {
        var live = new BitArray(valueCount);
        foreach (var succ in order.Cfg.Successors(block))
        {
            if (liveIn[succ.Index] is { } succIn) live.Or(succIn);
        }
        return live;
    }

    static bool SameBits(BitArray a, BitArray b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}
