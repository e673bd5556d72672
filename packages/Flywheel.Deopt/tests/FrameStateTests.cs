using FsCheck.Xunit;

namespace Flywheel.Deopt.Tests;

public class FrameStateTests
{
    [Property(MaxTest = 500)]
    public bool Encoding_then_decoding_gives_back_the_same_frames(int seed)
    {
        var frames = RandomFrames.Generate(new Random(seed));
        var state = FrameState.Encode(frames);
        return state.Decode().SequenceEqual(frames)
            && FrameState.FromEncoded(state.Encoded.Span).Encoded.Span.SequenceEqual(state.Encoded.Span);
    }

    [Property(MaxTest = 5000)]
    public void Corrupt_streams_fail_with_a_format_error_and_nothing_else(byte[] bytes)
    {
        try
        {
            var state = FrameState.FromEncoded(bytes);
            Assert.NotEmpty(state.Decode());
        }
        catch (FormatException)
        {
        }
    }

    [Fact]
    public void The_printer_shows_each_frame_and_value()
    {
        var state = FrameState.Encode(
        [
            new FrameDescription(3, 17, [new RegisterLocation(0, ValueRepresentation.Tagged), new StackSlotLocation(-16, ValueRepresentation.Float64)]),
            new FrameDescription(9, 4,
            [
                new CapturedObjectLocation(7, [new RegisterLocation(3, ValueRepresentation.Int32), new DuplicatedObjectLocation(0)]),
                new LiteralLocation(0xA, ValueRepresentation.Tagged),
                OptimizedOutLocation.Instance,
                new FloatRegisterLocation(2),
            ]),
        ]);
        Assert.Equal(
            """
            frame 0: function 3 resumes at 17, 2 values
              v0 = r0 (tagged)
              v1 = [fp-16] (float64)
            frame 1: function 9 resumes at 4, 4 values
              v0 = object type 7 { r3 (int32); same as object #0 }
              v1 = literal 0xA (tagged)
              v2 = optimized out
              v3 = f2 (float64)

            """.ReplaceLineEndings("\n"),
            state.ToString());
    }

    [Fact]
    public void Float_registers_hold_doubles_or_singles_only()
    {
        var single = FrameState.Encode([new FrameDescription(1, 2, [new FloatRegisterLocation(5, ValueRepresentation.Float32)])]);
        Assert.Equal(new FloatRegisterLocation(5, ValueRepresentation.Float32), single.Decode()[0].Values[0]);
        Assert.Equal("f5 (float32)", single.Decode()[0].Values[0].ToString());
        Assert.Throws<ArgumentException>(() => FrameState.Encode([new FrameDescription(1, 2, [new FloatRegisterLocation(5, ValueRepresentation.Int32)])]));

        // The same bytes with the representation byte changed to int32 must not decode.
        var bytes = single.Encoded.ToArray();
        int at = Enumerable.Range(1, bytes.Length - 2).Single(i => bytes[i] == (byte)ValueRepresentation.Float32 && bytes[i + 1] == 5);
        bytes[at] = (byte)ValueRepresentation.Int32;
        Assert.Throws<FormatException>(() => FrameState.FromEncoded(bytes).Decode());
    }

    [Fact]
    public void A_typical_frame_takes_a_few_bytes_per_value()
    {
        var state = FrameState.Encode(
        [
            new FrameDescription(120, 345,
            [
                new RegisterLocation(3, ValueRepresentation.Tagged),
                new RegisterLocation(12, ValueRepresentation.Int32),
                new StackSlotLocation(-24, ValueRepresentation.Tagged),
                new LiteralLocation(0xA, ValueRepresentation.Tagged),
                OptimizedOutLocation.Instance,
            ]),
        ]);
        Assert.True(state.Encoded.Length <= 20, $"{state.Encoded.Length} bytes");
    }

    [Fact]
    public void A_duplicated_object_must_refer_to_an_earlier_object()
    {
        var error = Assert.Throws<ArgumentException>(() => FrameState.Encode(
            [new FrameDescription(0, 0, [new DuplicatedObjectLocation(0)])]));
        Assert.Contains("not described before", error.Message);
    }

    [Fact]
    public void A_stream_with_no_frames_is_rejected_like_encoding_none()
    {
        Assert.Throws<ArgumentException>(() => FrameState.Encode([]));
        Assert.Throws<FormatException>(() => FrameState.FromEncoded([0]));
    }

    [Fact]
    public void Deeply_nested_objects_in_a_corrupt_stream_fail_cleanly()
    {
        // 1 frame, function 0, resume 0, 1 value, then 100,000 nested one-field objects.
        var bytes = new List<byte> { 1, 1, 0, 0, 1 };
        for (var i = 0; i < 100_000; i++) bytes.AddRange([6, 0, 1]);
        bytes.Add(8);
        Assert.Throws<FormatException>(() => FrameState.FromEncoded(bytes.ToArray()));
    }

    [Fact]
    public void Every_reason_has_a_message()
    {
        Assert.All(DeoptReasons.All, reason => Assert.False(string.IsNullOrWhiteSpace(DeoptReasons.Describe(reason))));
        Assert.Equal(DeoptReasons.All.Count, DeoptReasons.All.Select(DeoptReasons.Describe).Distinct().Count());
    }
}
