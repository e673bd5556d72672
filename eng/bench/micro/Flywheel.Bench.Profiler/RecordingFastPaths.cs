using BenchmarkDotNet.Attributes;
using Flywheel.Profiling;

namespace Flywheel.Bench.Profiler;

/// <summary>
/// Cost per recorded event of the interpreter-facing fast paths, each in a loop of
/// <see cref="Events"/> so the loop overhead is amortized and the result reads as ns per event.
/// <see cref="PlainIncrement"/> is the floor: one increment of an array element.
/// The default thresholds apply, so budget expirations (and their tiering checks) are included at
/// their real frequency.
/// </summary>
[MemoryDiagnoser]
public class RecordingFastPaths
{
    private const int Events = 10_000;
    private readonly long[] counter = new long[1];
    private FeedbackVector vector = null!;
    private const int BinarySlot = 0, LoopSlot = 1, MonoSite = 2, PolySite = 3, MonoCall = 4, PolyCall = 5, MegaSite = 6;

    [GlobalSetup]
    public void Setup()
    {
        // Interpreter-only thresholds keep the function in one tier for the whole run while the
        // budget still expires (and is checked) every 1000 events, as in a real interpreter.
        var profiler = new Flywheel.Profiling.Profiler(TieringOptions.InterpreterOnly);
        vector = profiler.RegisterFunction(FunctionInfo.Create("bench", "bench.js", 1, 1),
        [
            new(FeedbackSlotKind.BinaryOperation, 0), new(FeedbackSlotKind.LoopHeader, 4),
            new(FeedbackSlotKind.PropertyLoad, 8), new(FeedbackSlotKind.PropertyLoad, 12),
            new(FeedbackSlotKind.Call, 16), new(FeedbackSlotKind.Call, 20), new(FeedbackSlotKind.PropertyStore, 24),
        ]);
        for (ulong s = 1; s <= 16; s++) vector.RecordShape(MegaSite, 0x3000 + s, s);
        vector.RecordTypes(BinarySlot, TypeFeedback.SmallInt);
        vector.RecordShape(MonoSite, 0x1000, 3);
        for (ulong s = 1; s <= 4; s++) vector.RecordShape(PolySite, 0x2000 + s, s);
        vector.RecordCall(MonoCall, 77);
        for (ulong t = 1; t <= 3; t++) vector.RecordCall(PolyCall, t);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void PlainIncrement()
    {
        var c = counter;
        for (var i = 0; i < Events; i++) c[0]++;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int RecordInvocation()
    {
        var v = vector;
        var tierUps = 0;
        for (var i = 0; i < Events; i++) tierUps += (int)v.RecordInvocation();
        return tierUps;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int RecordBackEdge()
    {
        var v = vector;
        var tierUps = 0;
        for (var i = 0; i < Events; i++) tierUps += (int)v.RecordBackEdge(LoopSlot);
        return tierUps;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordTypes_Unchanged()
    {
        var v = vector;
        for (var i = 0; i < Events; i++) v.RecordTypes(BinarySlot, TypeFeedback.SmallInt);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public ulong InlineCacheHit_Monomorphic()
    {
        var v = vector;
        ulong sum = 0;
        for (var i = 0; i < Events; i++)
        {
            v.TryGetCachedHandler(MonoSite, 0x1000, out var handler);
            sum += handler;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public ulong InlineCacheHit_PolymorphicFourthEntry()
    {
        var v = vector;
        ulong sum = 0;
        for (var i = 0; i < Events; i++)
        {
            v.TryGetCachedHandler(PolySite, 0x2004, out var handler);
            sum += handler;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordShape_KnownShape()
    {
        var v = vector;
        for (var i = 0; i < Events; i++) v.RecordShape(MonoSite, 0x1000, 3);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordCall_Monomorphic()
    {
        var v = vector;
        for (var i = 0; i < Events; i++) v.RecordCall(MonoCall, 77);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordCall_Polymorphic()
    {
        var v = vector;
        for (var i = 0; i < Events; i++) v.RecordCall(PolyCall, 3);
    }

    /// <summary>The megamorphic miss path: a full cache, so every access records its (already seen) shape.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordShape_Megamorphic()
    {
        var v = vector;
        for (var i = 0; i < Events; i++) v.RecordShape(MegaSite, 0x3001 + (ulong)(i & 15), 1);
    }
}
