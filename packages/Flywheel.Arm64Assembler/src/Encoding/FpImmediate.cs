namespace Flywheel.Arm64;

/// <summary>
/// The 8-bit floating-point immediates of <c>fmov</c>: ±(16..31)/16 × 2^(−3..4), that is
/// ±0.125 to ±31 with four fraction bits. Zero is not among them (use <c>fmov d0, xzr</c>).
/// </summary>
public static class FpImmediate
{
    private static readonly Dictionary<ulong, byte> s_byBits = BuildTable();

    /// <summary>Encodes <paramref name="value"/> as <c>imm8</c>; <see langword="false"/> when it is not one of the 256 values.</summary>
    public static bool TryEncode(double value, out byte imm8) => s_byBits.TryGetValue(BitConverter.DoubleToUInt64Bits(value), out imm8);

    /// <summary>Encodes a single-precision <paramref name="value"/> (the same 256 values).</summary>
    public static bool TryEncode(float value, out byte imm8) => TryEncode((double)value, out imm8);

    /// <summary>The value an <c>imm8</c> stands for (the architecture's VFPExpandImm).</summary>
    public static double Decode(byte imm8)
    {
        var sign = (ulong)(uint)(imm8 >> 7);
        var b = (ulong)(uint)((imm8 >> 6) & 1);
        var exponent = ((b ^ 1) << 10) | (b == 1 ? 0xFFUL << 2 : 0UL) | (ulong)(uint)((imm8 >> 4) & 3);
        var fraction = (ulong)(uint)(imm8 & 0xF) << 48;
        return BitConverter.UInt64BitsToDouble((sign << 63) | (exponent << 52) | fraction);
    }

    private static Dictionary<ulong, byte> BuildTable()
    {
        var table = new Dictionary<ulong, byte>(256);
        for (var i = 0; i < 256; i++) table[BitConverter.DoubleToUInt64Bits(Decode((byte)i))] = (byte)i;
        return table;
    }
}
