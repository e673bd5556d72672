using System.Globalization;
using static Flywheel.Arm64.Decoded;

namespace Flywheel.Arm64;

/// <summary>Scalar floating point: arithmetic, compare, select, immediates and conversions.</summary>
internal static class DecodeFloatingPoint
{
    public static string? Try(Decoded d)
    {
        var w = d.Word;
        if ((w & 0x5F000000) != 0x1E000000 && (w & 0xFF000000) != 0x1F000000) return null;
        if ((w & 0xFF000000) == 0x1F000000) return ThreeSource(d);
        if (d.Bit(29) || (d.Bit(31) && (w & 0x7F20FC00) != 0x1E200000)) return null;
        var type = d.Bits(22, 2);
        if ((w & 0x7F20FC00) == 0x1E200000) return Convert(d);
        if (type > 1) return null;
        var p = type == 1 ? 'd' : 's';
        string rd = $"{p}{d.Rd}", rn = $"{p}{d.Rn}", rm = $"{p}{d.Rm}";
        if ((w & 0xFF200C00) == 0x1E200800)
        {
            var name = d.Bits(12, 4) switch
            {
                0 => "fmul", 1 => "fdiv", 2 => "fadd", 3 => "fsub", 4 => "fmax", 5 => "fmin",
                6 => "fmaxnm", 7 => "fminnm", 8 => "fnmul", _ => null,
            };
            return name is null ? null : $"{name}\t{rd}, {rn}, {rm}";
        }
        if ((w & 0xFF207C00) == 0x1E204000)
        {
            var opcode = d.Bits(15, 6);
            if (opcode is 4 or 5)
                return opcode == (type == 1 ? 5u : 4u) ? null : $"fcvt\t{(opcode == 5 ? 'd' : 's')}{d.Rd}, {rn}";
            var name = opcode switch
            {
                0 => "fmov", 1 => "fabs", 2 => "fneg", 3 => "fsqrt", 8 => "frintn", 9 => "frintp",
                10 => "frintm", 11 => "frintz", 12 => "frinta", 14 => "frintx", 15 => "frinti", _ => null,
            };
            return name is null ? null : $"{name}\t{rd}, {rn}";
        }
        if ((w & 0xFF20FC07) == 0x1E202000)
        {
            var name = d.Bit(4) ? "fcmpe" : "fcmp";
            if (d.Bit(3)) return d.Rm == 0 ? $"{name}\t{rn}, #0.0" : null;
            return $"{name}\t{rn}, {rm}";
        }
        if ((w & 0xFF200C00) == 0x1E200C00) return $"fcsel\t{rd}, {rn}, {rm}, {Cond(d.Bits(12, 4))}";
        if ((w & 0xFF201FE0) == 0x1E201000)
        {
            var value = FpImmediate.Decode((byte)d.Bits(13, 8));
            return $"fmov\t{rd}, #{value.ToString("0.000000000000000000e+00", CultureInfo.InvariantCulture)}";
        }
        return null;
    }

    private static string? ThreeSource(Decoded d)
    {
        var type = d.Bits(22, 2);
        if (type > 1) return null;
        var p = type == 1 ? 'd' : 's';
        var name = (d.Bit(21), d.Bit(15)) switch { (false, false) => "fmadd", (false, true) => "fmsub", (true, false) => "fnmadd", _ => "fnmsub" };
        return $"{name}\t{p}{d.Rd}, {p}{d.Rn}, {p}{d.Rm}, {p}{d.Ra}";
    }

    private static string? Convert(Decoded d)
    {
        if ((d.Word & 0xFFFFFC00) == 0x1E7E0000) return $"fjcvtzs\t{R(d.Rd, false)}, d{d.Rn}";
        var sf = d.Sf;
        uint type = d.Bits(22, 2), rmode = d.Bits(19, 2), opcode = d.Bits(16, 3);
        if (type > 1) return null;
        var fp = type == 1 ? 'd' : 's';
        if (opcode is 6 or 7)
        {
            if (rmode != 0 || sf != (type == 1)) return null;
            return opcode == 7 ? $"fmov\t{fp}{d.Rd}, {R(d.Rn, sf)}" : $"fmov\t{R(d.Rd, sf)}, {fp}{d.Rn}";
        }
        if (opcode is 2 or 3)
            return rmode == 0 ? $"{(opcode == 2 ? "scvtf" : "ucvtf")}\t{fp}{d.Rd}, {R(d.Rn, sf)}" : null;
        var name = (rmode, opcode) switch
        {
            (0, 0) => "fcvtns", (0, 1) => "fcvtnu", (1, 0) => "fcvtps", (1, 1) => "fcvtpu",
            (2, 0) => "fcvtms", (2, 1) => "fcvtmu", (3, 0) => "fcvtzs", (3, 1) => "fcvtzu",
            (0, 4) => "fcvtas", (0, 5) => "fcvtau", _ => null,
        };
        return name is null ? null : $"{name}\t{R(d.Rd, sf)}, {fp}{d.Rn}";
    }
}
