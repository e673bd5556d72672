using Flywheel.Profiling;

namespace Flywheel.Profiling.Tests;

internal static class Fixtures
{
    /// <summary>Slots of the given kinds at bytecode offsets 0, 4, 8, ...</summary>
    public static FeedbackSlotInfo[] Slots(params FeedbackSlotKind[] kinds) =>
        kinds.Select((kind, i) => new FeedbackSlotInfo(kind, i * 4)).ToArray();

    public static FunctionInfo Fn(string name, int line = 1) => FunctionInfo.Create(name, "test.js", line, 1);

    public static FeedbackVector Register(Profiler profiler, string name, params FeedbackSlotKind[] kinds) =>
        profiler.RegisterFunction(Fn(name), Slots(kinds));

    public static readonly FeedbackSlotKind[] AllKinds = Enum.GetValues<FeedbackSlotKind>();
}
