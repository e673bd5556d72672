namespace Flywheel.Deopt;

/// <summary>How the raw bits in a location become a value of the lower tier.</summary>
public enum ValueRepresentation : byte
{
    /// <summary>Already a tagged value of the embedder's encoding.</summary>
    Tagged,
    /// <summary>A signed 32-bit integer in the low bits.</summary>
    Int32,
    /// <summary>An unsigned 32-bit integer in the low bits.</summary>
    UInt32,
    /// <summary>A signed 64-bit integer.</summary>
    Int64,
    /// <summary>The bits of an IEEE double.</summary>
    Float64,
    /// <summary>A boolean: zero is false, anything else true.</summary>
    Bool,
    /// <summary>The bits of an IEEE single in the low 32 bits (the upper 32 are unspecified).</summary>
    Float32,
}

/// <summary>
/// Where one value of a frame lives at a deopt point, as the optimizing compiler left it.
/// Captured objects (allocations removed by escape analysis) hold further locations for their fields.
/// </summary>
public abstract record ValueLocation;

/// <summary>A general-purpose machine register, by the architecture's register number.</summary>
public sealed record RegisterLocation(int Register, ValueRepresentation Representation) : ValueLocation
{
    /// <inheritdoc />
    public override string ToString() => $"r{Register} ({Representation.ToString().ToLowerInvariant()})";
}

/// <summary>A floating-point register holding a double, or a single in its low 32 bits.</summary>
/// <param name="Register">The architecture's number of the register.</param>
/// <param name="Representation"><see cref="ValueRepresentation.Float64"/> or <see cref="ValueRepresentation.Float32"/>.</param>
public sealed record FloatRegisterLocation(int Register, ValueRepresentation Representation = ValueRepresentation.Float64) : ValueLocation
{
    /// <inheritdoc />
    public override string ToString() => $"f{Register} ({Representation.ToString().ToLowerInvariant()})";
}

/// <summary>An 8-byte stack slot at a byte offset from the frame pointer.</summary>
public sealed record StackSlotLocation(int FrameOffset, ValueRepresentation Representation) : ValueLocation
{
    /// <inheritdoc />
    public override string ToString() => $"[fp{FrameOffset:+#;-#;+0}] ({Representation.ToString().ToLowerInvariant()})";
}

/// <summary>A constant the compiler knew.</summary>
public sealed record LiteralLocation(ulong Bits, ValueRepresentation Representation) : ValueLocation
{
    /// <inheritdoc />
    public override string ToString() => $"literal 0x{Bits:X} ({Representation.ToString().ToLowerInvariant()})";
}

/// <summary>An object that optimized code never allocated; deopt allocates it with these fields.</summary>
public sealed record CapturedObjectLocation(int TypeId, IReadOnlyList<ValueLocation> Fields) : ValueLocation
{
    /// <inheritdoc />
    public bool Equals(CapturedObjectLocation? other) =>
        other is not null && TypeId == other.TypeId && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TypeId, Fields.Count);

    /// <inheritdoc />
    public override string ToString() => $"object type {TypeId} {{ {string.Join("; ", Fields)} }}";
}

/// <summary>
/// The same object as an earlier captured object of this frame state, by its index in order of
/// appearance (0 = the first <see cref="CapturedObjectLocation"/>), so identity survives deopt.
/// </summary>
public sealed record DuplicatedObjectLocation(int ObjectIndex) : ValueLocation
{
    /// <inheritdoc />
    public override string ToString() => $"same as object #{ObjectIndex}";
}

/// <summary>A value the optimized code proved dead; the lower tier sees the embedder's filler.</summary>
public sealed record OptimizedOutLocation : ValueLocation
{
    /// <summary>The one instance.</summary>
    public static OptimizedOutLocation Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "optimized out";
}

/// <summary>One interpreter frame to rebuild: which function, where to resume, and where its values are.</summary>
/// <param name="FunctionId">The embedder's id of the function.</param>
/// <param name="ResumeOffset">The bytecode offset at which the lower tier resumes.</param>
/// <param name="Values">The frame's values (registers, accumulator, … in the embedder's order).</param>
public sealed record FrameDescription(int FunctionId, int ResumeOffset, IReadOnlyList<ValueLocation> Values)
{
    /// <inheritdoc />
    public bool Equals(FrameDescription? other) =>
        other is not null && FunctionId == other.FunctionId && ResumeOffset == other.ResumeOffset && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FunctionId, ResumeOffset, Values.Count);
}
