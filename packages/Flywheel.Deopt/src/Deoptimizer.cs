namespace Flywheel.Deopt;

/// <summary>
/// The machine state at a deopt exit, as the exit stub saved it: every general-purpose and
/// floating-point register, and a way to read the optimized frame's stack slots.
/// </summary>
public readonly ref struct MachineSnapshot
{
    private readonly ReadOnlySpan<ulong> _registers;
    private readonly ReadOnlySpan<ulong> _floatRegisters;
    private readonly Func<int, ulong> _readStackSlot;

    /// <summary>Describes a snapshot.</summary>
    /// <param name="registers">General-purpose registers by number.</param>
    /// <param name="floatRegisters">Floating-point registers' low 64 bits by number.</param>
    /// <param name="readStackSlot">Reads the 8 bytes at a frame-pointer-relative offset.</param>
    public MachineSnapshot(ReadOnlySpan<ulong> registers, ReadOnlySpan<ulong> floatRegisters, Func<int, ulong> readStackSlot)
    {
        _registers = registers;
        _floatRegisters = floatRegisters;
        _readStackSlot = readStackSlot;
    }

    /// <summary>A snapshot whose stack slots are read from memory at <paramref name="framePointer"/>.</summary>
    public static unsafe MachineSnapshot FromFramePointer(ReadOnlySpan<ulong> registers, ReadOnlySpan<ulong> floatRegisters, nint framePointer) =>
        new(registers, floatRegisters, offset => *(ulong*)(framePointer + offset));

    internal ulong Register(int number) =>
        (uint)number < (uint)_registers.Length ? _registers[number] : throw new DeoptimizationException($"Register r{number} is not in the snapshot ({_registers.Length} saved).");

    internal ulong FloatRegister(int number) =>
        (uint)number < (uint)_floatRegisters.Length ? _floatRegisters[number] : throw new DeoptimizationException($"Register f{number} is not in the snapshot ({_floatRegisters.Length} saved).");

    internal ulong StackSlot(int offset) => _readStackSlot(offset);
}

/// <summary>
/// What the embedder supplies to turn raw machine values into its tagged values, and to allocate
/// the objects that escape analysis removed.
/// </summary>
public interface IDeoptMaterializer
{
    /// <summary>The tagged value that stands for a value the optimized code proved dead.</summary>
    ulong OptimizedOut { get; }

    /// <summary>Converts raw bits in <paramref name="representation"/> into a tagged value.</summary>
    ulong Box(ulong bits, ValueRepresentation representation);

    /// <summary>Allocates an object of <paramref name="typeId"/> with room for <paramref name="fieldCount"/> fields, not yet initialized.</summary>
    ulong AllocateObject(int typeId, int fieldCount);

    /// <summary>Stores field <paramref name="index"/> of an object from <see cref="AllocateObject"/>.</summary>
    void InitializeField(ulong obj, int index, ulong value);
}

/// <summary>One rebuilt frame: the values a lower tier needs to resume it.</summary>
/// <param name="FunctionId">The embedder's id of the function.</param>
/// <param name="ResumeOffset">The bytecode offset to resume at.</param>
/// <param name="Values">The frame's values, tagged.</param>
public sealed record TranslatedFrame(int FunctionId, int ResumeOffset, ulong[] Values);

/// <summary>Thrown when a frame state cannot be translated against a snapshot.</summary>
public sealed class DeoptimizationException(string message) : InvalidOperationException(message);

/// <summary>Rebuilds lower-tier frames from a frame state and the machine state at a deopt exit.</summary>
public static class Deoptimizer
{
    /// <summary>
    /// Reads every value of every frame from <paramref name="snapshot"/>, boxing raw values and
    /// allocating captured objects through <paramref name="materializer"/>. Objects are allocated
    /// before their fields are read, so fields may refer back to an enclosing object (cycles).
    /// </summary>
    public static IReadOnlyList<TranslatedFrame> Translate(FrameState state, in MachineSnapshot snapshot, IDeoptMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(materializer);
        var objects = new List<ulong>();
        var frames = state.Decode();
        var result = new TranslatedFrame[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var values = new ulong[frame.Values.Count];
            for (var v = 0; v < values.Length; v++) values[v] = Materialize(frame.Values[v], snapshot, materializer, objects);
            result[i] = new TranslatedFrame(frame.FunctionId, frame.ResumeOffset, values);
        }
        return result;
    }

    private static ulong Materialize(ValueLocation location, in MachineSnapshot snapshot, IDeoptMaterializer materializer, List<ulong> objects)
    {
        switch (location)
        {
            case RegisterLocation r:
                return materializer.Box(snapshot.Register(r.Register), r.Representation);
            case FloatRegisterLocation f:
                return materializer.Box(snapshot.FloatRegister(f.Register), f.Representation);
            case StackSlotLocation s:
                return materializer.Box(snapshot.StackSlot(s.FrameOffset), s.Representation);
            case LiteralLocation l:
                return materializer.Box(l.Bits, l.Representation);
            case CapturedObjectLocation o:
                var obj = materializer.AllocateObject(o.TypeId, o.Fields.Count);
                objects.Add(obj);
                for (var i = 0; i < o.Fields.Count; i++) materializer.InitializeField(obj, i, Materialize(o.Fields[i], snapshot, materializer, objects));
                return obj;
            case DuplicatedObjectLocation d:
                return objects[d.ObjectIndex];
            case OptimizedOutLocation:
                return materializer.OptimizedOut;
            default:
                throw new DeoptimizationException($"Unknown value location {location}.");
        }
    }
}
