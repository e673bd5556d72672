using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// Builds a profiler's state from a byte stream: each byte (or pair) is one recording operation on
/// one of a few functions, so FsCheck's byte arrays become realistic, shrinkable profiles.
/// </summary>
internal static class RandomRuns
{
    private static readonly FeedbackSlotKind[][] Layouts =
    [
        [FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.PropertyLoad, FeedbackSlotKind.LoopHeader, FeedbackSlotKind.Call],
        [FeedbackSlotKind.Comparison, FeedbackSlotKind.ElementLoad, FeedbackSlotKind.ElementStore],
        [FeedbackSlotKind.PropertyStore, FeedbackSlotKind.LoopHeader, FeedbackSlotKind.Call, FeedbackSlotKind.BinaryOperation],
        [],
    ];

    public static Profiler Run(byte[] ops, TieringOptions? options = null)
    {
        var profiler = new Profiler(options ?? new TieringOptions { Budget = 5, BaselineInvocations = 4, OptimizeInvocations = 12, OsrBackEdges = 20, RequiredStableTicks = 1 });
        var names = new[] { "main", "add", "we\"ird <name>/\u00e9", "" };
        var vectors = Layouts.Select((kinds, i) => profiler.RegisterFunction(
            new FunctionInfo($"script{i % 2}.js:{i + 1}:{i * 3 + 1}:{names[i]}", names[i], $"script{i % 2}.js", i + 1, i * 3 + 1),
            Slots(kinds))).ToArray();
        var time = 1_000L;
        var stack = new List<FunctionId>();
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            var v = vectors[op % vectors.Length];
            var arg = i + 1 < ops.Length ? ops[i + 1] : (byte)0;
            switch (op / 4 % 8)
            {
                case 0: v.RecordInvocation(); break;
                case 1 when v.SlotCount > 0: v.RecordTypes(arg % v.SlotCount, (TypeFeedback)(1u << (arg % 7))); break;
                case 2:
                    for (var s = 0; s < v.SlotCount; s++)
                        if (v.GetSlotKind(s).IsShapeSite()) v.RecordShape(s, 1UL + (ulong)(arg % 7), arg);
                    break;
                case 3:
                    for (var s = 0; s < v.SlotCount; s++)
                        if (v.GetSlotKind(s) == FeedbackSlotKind.Call) v.RecordCall(s, 100UL + (ulong)(arg % 6));
                    break;
                case 4:
                    for (var s = 0; s < v.SlotCount; s++)
                        if (v.GetSlotKind(s) == FeedbackSlotKind.LoopHeader) v.RecordBackEdge(s);
                    break;
                case 5:
                    stack.Clear();
                    for (var d = 0; d <= arg % 4; d++) stack.Add(vectors[(arg + d * op) % vectors.Length].Id);
                    time += arg % 5 * 100;
                    profiler.RecordSample(stack.ToArray(), time);
                    break;
                case 6 when v.Tier == ExecutionTier.Optimized: v.ReportDeoptimization(ExecutionTier.Baseline); break;
                default: v.RecordInvocation(); break;
            }
        }
        return profiler;
    }
}
