using System.Numerics;

namespace Flywheel.Arm64;

/// <summary>
/// The bitmask immediates of AND/ORR/EOR/ANDS: a run of ones rotated within an element of 2, 4,
/// 8, 16, 32 or 64 bits, replicated across the register. There are 5334 such 64-bit values and
/// 1302 32-bit ones; everything else answers "not encodable".
/// </summary>
public static class LogicalImmediate
{
    /// <summary>
    /// Encodes <paramref name="value"/> as the 13-bit <c>N:immr:imms</c> field for a
    /// <paramref name="width"/>-bit instruction.
    /// </summary>
    /// <param name="value">The immediate; for width 32 only the low 32 bits count.</param>
    /// <param name="width">32 or 64.</param>
    /// <param name="encoding">N in bit 12, immr in bits 11–6, imms in bits 5–0.</param>
    /// <returns><see langword="false"/> when no bitmask encoding exists (0, all ones, or not a rotated run).</returns>
    public static bool TryEncode(ulong value, int width, out uint encoding)
    {
        encoding = 0;
        if (width == 32)
        {
            value &= 0xFFFF_FFFF;
            value |= value << 32;
        }
        else if (width != 64) throw new ArgumentOutOfRangeException(nameof(width), width, "Width is 32 or 64.");
        if (value == 0 || value == ulong.MaxValue) return false;

        // The element size is the smallest power of two whose halves keep repeating.
        var size = 64;
        while (size > 2)
        {
            var half = size / 2;
            var halfMask = (1UL << half) - 1;
            if ((value & halfMask) != ((value >> half) & halfMask)) break;
            size = half;
        }
        var mask = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        var element = value & mask;

        int rotation, ones;
        if (IsShiftedMask(element))
        {
            rotation = BitOperations.TrailingZeroCount(element);
            ones = BitOperations.TrailingZeroCount(~(element >> rotation));
        }
        else
        {
            // The ones wrap around the element's top: rotate the view by looking at the zeros.
            var widened = element | ~mask;
            if (!IsShiftedMask(~widened)) return false;
            var leadingOnes = BitOperations.LeadingZeroCount(~widened);
            rotation = 64 - leadingOnes;
            ones = leadingOnes + BitOperations.TrailingZeroCount(~widened) - (64 - size);
        }
        var immr = (uint)((size - rotation) & (size - 1));
        var nImms = (uint)((~(size - 1) << 1) | (ones - 1)) & 0x7F;
        var n = ((nImms >> 6) & 1) ^ 1;
        encoding = (n << 12) | (immr << 6) | (nImms & 0x3F);
        return width == 64 || n == 0;
    }

    /// <summary>Whether <paramref name="value"/> is encodable for a <paramref name="width"/>-bit instruction.</summary>
    public static bool IsEncodable(ulong value, int width) => TryEncode(value, width, out _);

    /// <summary>
    /// Expands an <c>N:immr:imms</c> field back to its value (the architecture's DecodeBitMasks).
    /// </summary>
    /// <returns><see langword="false"/> for a reserved encoding.</returns>
    public static bool TryDecode(uint n, uint immr, uint imms, int width, out ulong value)
    {
        value = 0;
        var combined = (n << 6) | (~imms & 0x3F);
        if (combined == 0) return false;
        var len = 31 - BitOperations.LeadingZeroCount(combined);
        if (len < 1 || (width == 32 && n != 0)) return false;
        var levels = (1u << len) - 1;
        var s = imms & levels;
        var r = immr & levels;
        if (s == levels) return false;
        var esize = 1 << len;
        var welem = (1UL << (int)(s + 1)) - 1;
        var emask = esize == 64 ? ulong.MaxValue : (1UL << esize) - 1;
        var rotated = r == 0 ? welem : ((welem >> (int)r) | (welem << (esize - (int)r))) & emask;
        for (var i = 0; i < 64; i += esize) value |= rotated << i;
        if (width == 32) value &= 0xFFFF_FFFF;
        return true;
    }

    private static bool IsShiftedMask(ulong value)
    {
        if (value == 0) return false;
        var filled = (value - 1) | value;
        return ((filled + 1) & filled) == 0;
    }
}
