using System.Text;

namespace Flywheel.Deopt;

/// <summary>
/// The frames a deopt point rebuilds — outermost first, inlined callees after their callers —
/// encoded as a compact translation stream, V8-style: one opcode byte per entry, then LEB128
/// operands. A typical frame of a few values takes a dozen bytes, so frame states can be kept
/// for every guard and call of optimized code.
/// </summary>
/// <remarks>
/// Stream: <c>varint frameCount</c>, then per frame <c>BeginFrame functionId resumeOffset valueCount</c>
/// followed by that many value entries; a <c>CapturedObject typeId fieldCount</c> entry is followed
/// by its fields' entries. Signed operands (stack offsets) are zigzag-encoded.
/// </remarks>
public sealed class FrameState
{
    private readonly byte[] _encoded;

    /// <summary>How deeply captured objects may nest inside each other (keeps decoding of corrupt input bounded).</summary>
    public const int MaxObjectNesting = 64;

    private FrameState(byte[] encoded) => _encoded = encoded;

    /// <summary>The encoded translation stream.</summary>
    public ReadOnlyMemory<byte> Encoded => _encoded;

    /// <summary>Encodes <paramref name="frames"/>, outermost first.</summary>
    /// <exception cref="ArgumentException">A duplicated object refers to an object not yet described.</exception>
    public static FrameState Encode(IReadOnlyList<FrameDescription> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0) throw new ArgumentException("A frame state has at least one frame.", nameof(frames));
        var writer = new TranslationWriter();
        writer.WriteUnsigned((ulong)frames.Count);
        var objects = 0;
        foreach (var frame in frames)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(frame.FunctionId);
            ArgumentOutOfRangeException.ThrowIfNegative(frame.ResumeOffset);
            writer.WriteOpcode(TranslationOpcode.BeginFrame);
            writer.WriteUnsigned((ulong)frame.FunctionId);
            writer.WriteUnsigned((ulong)frame.ResumeOffset);
            writer.WriteUnsigned((ulong)frame.Values.Count);
            foreach (var value in frame.Values) writer.WriteValue(value, ref objects);
        }
        return new FrameState(writer.ToArray());
    }

    /// <summary>Wraps a stream produced by <see cref="Encode"/> (for example, loaded from a code object's side table).</summary>
    /// <exception cref="FormatException">The bytes are not a valid translation stream.</exception>
    public static FrameState FromEncoded(ReadOnlySpan<byte> encoded)
    {
        var state = new FrameState(encoded.ToArray());
        _ = state.Decode();
        return state;
    }

    /// <summary>Decodes the frames.</summary>
    public IReadOnlyList<FrameDescription> Decode()
    {
        var reader = new TranslationReader(_encoded);
        var count = reader.ReadEntryCount();
        if (count == 0) throw new FormatException("A frame state has at least one frame.");
        var frames = new List<FrameDescription>(count);
        var objects = 0;
        for (var i = 0; i < count; i++)
        {
            reader.ExpectOpcode(TranslationOpcode.BeginFrame);
            var function = reader.ReadCount();
            var resume = reader.ReadCount();
            var valueCount = reader.ReadEntryCount();
            var values = new ValueLocation[valueCount];
            for (var v = 0; v < valueCount; v++) values[v] = reader.ReadValue(ref objects);
            frames.Add(new FrameDescription(function, resume, values));
        }
        reader.ExpectEnd();
        return frames;
    }

    /// <summary>Prints the frames, one value per line — the format of deopt traces and listings.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var frames = Decode();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            text.Append($"frame {i}: function {frame.FunctionId} resumes at {frame.ResumeOffset}, {frame.Values.Count} values\n");
            for (var v = 0; v < frame.Values.Count; v++) text.Append($"  v{v} = {frame.Values[v]}\n");
        }
        return text.ToString();
    }
}

/// <summary>The entries of a translation stream.</summary>
internal enum TranslationOpcode : byte
{
    BeginFrame = 1,
    Register,
    FloatRegister,
    StackSlot,
    Literal,
    CapturedObject,
    DuplicatedObject,
    OptimizedOut,
}
