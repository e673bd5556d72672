using FsCheck.Xunit;

namespace Flywheel.Deopt.Tests;

public class DeoptimizerTests
{
    /// <summary>
    /// Translating against a random snapshot gives, for every value, what a direct reading of the
    /// snapshot gives; captured objects come out with their fields and keep their identity.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Translation_reads_every_value_from_where_the_frame_state_says(int seed)
    {
        var random = new Random(seed);
        var frames = RandomFrames.Generate(random);
        var registers = Enumerable.Range(0, 32).Select(_ => (ulong)random.NextInt64()).ToArray();
        var floats = Enumerable.Range(0, 32).Select(_ => (ulong)random.NextInt64()).ToArray();
        var stack = new Dictionary<int, ulong>();
        ulong ReadStack(int offset) => stack.TryGetValue(offset, out var v) ? v : stack[offset] = (ulong)offset * 0x9E3779B97F4A7C15;

        var materializer = new RecordingMaterializer();
        var translated = Deoptimizer.Translate(FrameState.Encode(frames), new MachineSnapshot(registers, floats, ReadStack), materializer);

        var expectedObjects = new List<ulong>();
        for (var f = 0; f < frames.Count; f++)
        {
            if (translated[f].FunctionId != frames[f].FunctionId || translated[f].ResumeOffset != frames[f].ResumeOffset) return false;
            for (var v = 0; v < frames[f].Values.Count; v++)
                if (!Matches(frames[f].Values[v], translated[f].Values[v])) return false;
        }
        return true;

        bool Matches(ValueLocation location, ulong value)
        {
            switch (location)
            {
                case RegisterLocation r: return value == RecordingMaterializer.Boxed(registers[r.Register], r.Representation);
                case FloatRegisterLocation fr: return value == RecordingMaterializer.Boxed(floats[fr.Register], fr.Representation);
                case StackSlotLocation s: return value == RecordingMaterializer.Boxed(ReadStack(s.FrameOffset), s.Representation);
                case LiteralLocation l: return value == RecordingMaterializer.Boxed(l.Bits, l.Representation);
                case OptimizedOutLocation: return value == RecordingMaterializer.Hole;
                case DuplicatedObjectLocation d: return value == expectedObjects[d.ObjectIndex];
                case CapturedObjectLocation o:
                    expectedObjects.Add(value);
                    var fields = materializer.Objects[value];
                    if (fields.Type != o.TypeId || fields.Values.Length != o.Fields.Count) return false;
                    for (var i = 0; i < o.Fields.Count; i++)
                        if (!Matches(o.Fields[i], fields.Values[i])) return false;
                    return true;
                default: return false;
            }
        }
    }

    [Fact]
    public void A_captured_object_may_refer_to_itself()
    {
        var state = FrameState.Encode([new FrameDescription(1, 2, [new CapturedObjectLocation(5, [new DuplicatedObjectLocation(0)])])]);
        var materializer = new RecordingMaterializer();
        var frame = Deoptimizer.Translate(state, new MachineSnapshot([], [], _ => 0), materializer).Single();
        var obj = frame.Values[0];
        Assert.Equal(obj, materializer.Objects[obj].Values[0]);
    }

    [Fact]
    public unsafe void Stack_slots_are_read_relative_to_the_frame_pointer()
    {
        var memory = stackalloc ulong[4] { 11, 22, 33, 44 };
        var fp = (nint)(memory + 2);
        var state = FrameState.Encode([new FrameDescription(0, 0,
            [new StackSlotLocation(-16, ValueRepresentation.Tagged), new StackSlotLocation(8, ValueRepresentation.Tagged)])]);
        var frame = Deoptimizer.Translate(state, MachineSnapshot.FromFramePointer([], [], fp), new RecordingMaterializer()).Single();
        Assert.Equal([RecordingMaterializer.Boxed(11, ValueRepresentation.Tagged), RecordingMaterializer.Boxed(44, ValueRepresentation.Tagged)], frame.Values);
    }

    [Fact]
    public void A_register_missing_from_the_snapshot_is_a_clear_error()
    {
        var state = FrameState.Encode([new FrameDescription(0, 0, [new RegisterLocation(20, ValueRepresentation.Tagged)])]);
        var error = Assert.Throws<DeoptimizationException>(() => Deoptimizer.Translate(state, new MachineSnapshot(new ulong[16], [], _ => 0), new RecordingMaterializer()));
        Assert.Contains("r20", error.Message);
    }

    [Fact]
    public void Statistics_count_by_reason_and_by_site()
    {
        var stats = new DeoptStatistics();
        var hot = new DeoptSite(4, 10, DeoptReason.WrongShape);
        var cold = new DeoptSite(4, 30, DeoptReason.Overflow);
        for (var i = 0; i < 5; i++) stats.Record(hot, hot.Reason);
        stats.Record(cold, cold.Reason);
        Assert.Equal(5, stats.Count(DeoptReason.WrongShape));
        Assert.Equal(1, stats.Count(cold));
        Assert.Equal(6, stats.Total);
        Assert.Equal([(hot, 5L), (cold, 1L)], stats.HottestSites(2));
    }

    private sealed class RecordingMaterializer : IDeoptMaterializer
    {
        public const ulong Hole = 0xDEAD;
        private ulong _next = 0x1000;

        public Dictionary<ulong, (int Type, ulong[] Values)> Objects { get; } = [];

        public ulong OptimizedOut => Hole;

        public static ulong Boxed(ulong bits, ValueRepresentation representation) =>
            bits * 31 + (ulong)representation;

        public ulong Box(ulong bits, ValueRepresentation representation) => Boxed(bits, representation);

        public ulong AllocateObject(int typeId, int fieldCount)
        {
            var obj = _next++;
            Objects[obj] = (typeId, new ulong[fieldCount]);
            return obj;
        }

        public void InitializeField(ulong obj, int index, ulong value) => Objects[obj].Values[index] = value;
    }
}
