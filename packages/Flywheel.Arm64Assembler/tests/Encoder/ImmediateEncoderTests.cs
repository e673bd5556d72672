using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Flywheel.Arm64.Tests.Encoder;

/// <summary>The bitmask and 8-bit floating-point immediate encoders.</summary>
public sealed class ImmediateEncoderTests
{
    // Every valid (N, immr, imms) for a width, decoded: the complete set of bitmask immediates.
    private static HashSet<ulong> AllBitmasks(int width)
    {
        var values = new HashSet<ulong>();
        for (uint n = 0; n < (width == 64 ? 2u : 1u); n++)
            for (uint immr = 0; immr < 64; immr++)
                for (uint imms = 0; imms < 64; imms++)
                    if (LogicalImmediate.TryDecode(n, immr, imms, width, out var value)) values.Add(value);
        return values;
    }

    [Theory]
    [InlineData(64, 5334)]
    [InlineData(32, 1302)]
    public void There_are_exactly_the_architectural_number_of_bitmask_immediates(int width, int count) =>
        Assert.Equal(count, AllBitmasks(width).Count);

    [Theory]
    [InlineData(64)]
    [InlineData(32)]
    public void Every_bitmask_immediate_encodes_and_decodes_back(int width)
    {
        foreach (var value in AllBitmasks(width))
        {
            Assert.True(LogicalImmediate.TryEncode(value, width, out var field), $"0x{value:x} should encode");
            Assert.True(LogicalImmediate.TryDecode(field >> 12, (field >> 6) & 63, field & 63, width, out var back));
            Assert.Equal(value, back);
        }
    }

    [Property(MaxTest = 20000)]
    public bool A_random_value_encodes_exactly_when_it_is_a_bitmask_immediate(ulong value)
    {
        var all = s_all64.Value;
        return LogicalImmediate.IsEncodable(value, 64) == all.Contains(value);
    }

    [Property(MaxTest = 2000)]
    public Property Values_built_from_rotated_runs_encode(int onesSeed, int rotationSeed, int sizeSeed)
    {
        var size = 2 << (Math.Abs(sizeSeed) % 6);
        var ones = 1 + Math.Abs(onesSeed) % (size - 1);
        var rotation = Math.Abs(rotationSeed) % size;
        var element = (1UL << ones) - 1;
        var mask = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        element = rotation == 0 ? element : ((element >> rotation) | (element << (size - rotation))) & mask;
        var value = 0UL;
        for (var i = 0; i < 64; i += size) value |= element << i;
        return LogicalImmediate.IsEncodable(value, 64).Label($"0x{value:x} (size {size}, ones {ones}, rotation {rotation})");
    }

    private static readonly Lazy<HashSet<ulong>> s_all64 = new(() => AllBitmasks(64));

    [Theory]
    [InlineData(0UL, 64)]
    [InlineData(ulong.MaxValue, 64)]
    [InlineData(0x1234UL, 64)]
    [InlineData(0xFFFF_FFFFUL, 32)]
    [InlineData(0UL, 32)]
    [InlineData(0x0000_0000_0000_0005UL, 64)]
    public void Values_that_are_not_bitmask_immediates_say_so(ulong value, int width)
    {
        Assert.False(LogicalImmediate.TryEncode(value, width, out _));
        var asm = new Arm64Assembler();
        var error = Assert.Throws<ArgumentException>(() => asm.And(width == 64 ? Registers.X0 : Registers.W0, width == 64 ? Registers.X1 : Registers.W1, value));
        Assert.Contains("not encodable", error.Message);
    }

    [Fact]
    public void The_256_fp_immediates_round_trip_and_nothing_else_encodes()
    {
        var values = new HashSet<double>();
        for (var i = 0; i < 256; i++)
        {
            var value = FpImmediate.Decode((byte)i);
            Assert.True(FpImmediate.TryEncode(value, out var imm8));
            Assert.Equal(i, imm8);
            values.Add(value);
        }
        Assert.Equal(256, values.Count);
        Assert.Contains(0.125, values);
        Assert.Contains(31.0, values);
        Assert.Contains(-1.0, values);
        foreach (var other in new[] { 0.0, -0.0, 0.1, 32.0, 1.0 / 3, 0.0625, double.NaN, double.PositiveInfinity, 1.03125 })
            Assert.False(FpImmediate.TryEncode(other, out _), $"{other} must not encode");
    }
}
