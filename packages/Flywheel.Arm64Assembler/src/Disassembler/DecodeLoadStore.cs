using static Flywheel.Arm64.Decoded;

namespace Flywheel.Arm64;

/// <summary>Loads and stores: single registers in every addressing mode, literals, pairs, exclusives.</summary>
internal static class DecodeLoadStore
{
    public static string? Try(Decoded d)
    {
        var w = d.Word;
        if ((w & 0x3B000000) == 0x39000000) return Single(d, Mode.Unsigned);
        if ((w & 0x3B200C00) == 0x38000000) return Single(d, Mode.Unscaled);
        if ((w & 0x3B200C00) == 0x38000400) return Single(d, Mode.Post);
        if ((w & 0x3B200C00) == 0x38000C00) return Single(d, Mode.Pre);
        if ((w & 0x3B200C00) == 0x38200800) return Single(d, Mode.Register);
        if ((w & 0x3B000000) == 0x18000000) return Literal(d);
        if ((w & 0x3A000000) == 0x28000000 && d.Bits(23, 2) != 0) return Pair(d);
        if ((w & 0x3F000000) == 0x08000000) return Exclusive(d);
        return null;
    }

    private enum Mode { Unsigned, Unscaled, Post, Pre, Register }

    /// <summary>Mnemonic, register text and access size of a single-register form, or null.</summary>
    private static (string Name, string Rt, int Scale)? Describe(Decoded d, bool unscaled)
    {
        uint size = d.Bits(30, 2), opc = d.Bits(22, 2);
        var u = unscaled ? "u" : "";
        if (d.Bit(26))
        {
            var scale = opc >= 2 ? (size == 0 ? 4 : -1) : (int)size;
            if (scale < 0) return null;
            var prefix = "bhsdq"[scale];
            return ((opc & 1) == 0 ? $"st{u}r" : $"ld{u}r", $"{prefix}{d.Rd}", scale);
        }
        return (size, opc) switch
        {
            (0, 0) => ($"st{u}rb", R(d.Rd, false), 0),
            (0, 1) => ($"ld{u}rb", R(d.Rd, false), 0),
            (0, 2) => ($"ld{u}rsb", R(d.Rd, true), 0),
            (0, 3) => ($"ld{u}rsb", R(d.Rd, false), 0),
            (1, 0) => ($"st{u}rh", R(d.Rd, false), 1),
            (1, 1) => ($"ld{u}rh", R(d.Rd, false), 1),
            (1, 2) => ($"ld{u}rsh", R(d.Rd, true), 1),
            (1, 3) => ($"ld{u}rsh", R(d.Rd, false), 1),
            (2, 0) => ($"st{u}r", R(d.Rd, false), 2),
            (2, 1) => ($"ld{u}r", R(d.Rd, false), 2),
            (2, 2) => ($"ld{u}rsw", R(d.Rd, true), 2),
            (3, 0) => ($"st{u}r", R(d.Rd, true), 3),
            (3, 1) => ($"ld{u}r", R(d.Rd, true), 3),
            _ => null,
        };
    }

    private static string? Single(Decoded d, Mode mode)
    {
        if (Describe(d, mode == Mode.Unscaled) is not var (name, rt, scale)) return null;
        var @base = RSp(d.Rn, true);
        var imm9 = SignExtend(d.Bits(12, 9), 9);
        switch (mode)
        {
            case Mode.Unsigned:
                var offset = (long)d.Bits(10, 12) << scale;
                return $"{name}\t{rt}, [{@base}{(offset != 0 ? $", #{offset}" : "")}]";
            case Mode.Unscaled:
                return $"{name}\t{rt}, [{@base}{(imm9 != 0 ? $", #{imm9}" : "")}]";
            case Mode.Post:
                return $"{name}\t{rt}, [{@base}], #{imm9}";
            case Mode.Pre:
                return $"{name}\t{rt}, [{@base}, #{imm9}]!";
            default:
                var option = d.Bits(13, 3);
                if ((option & 2) == 0) return null;
                var index = R(d.Rm, (option & 1) == 1);
                var scaled = d.Bit(12);
                var extend = option switch
                {
                    3 => scaled ? $", lsl #{scale}" : "",
                    _ => $", {(option switch { 2 => "uxtw", 6 => "sxtw", _ => "sxtx" })}{(scaled ? $" #{scale}" : "")}",
                };
                return $"{name}\t{rt}, [{@base}, {index}{extend}]";
        }
    }

    private static string? Literal(Decoded d)
    {
        var opc = d.Bits(30, 2);
        var target = Target(d.Address, SignExtend(d.Bits(5, 19), 19) << 2);
        if (d.Bit(26))
        {
            if (opc == 3) return null;
            return $"ldr\t{"sdq"[(int)opc]}{d.Rd}, {target}";
        }
        return opc switch
        {
            0 => $"ldr\t{R(d.Rd, false)}, {target}",
            1 => $"ldr\t{R(d.Rd, true)}, {target}",
            2 => $"ldrsw\t{R(d.Rd, true)}, {target}",
            _ => null,
        };
    }

    private static string? Pair(Decoded d)
    {
        uint opc = d.Bits(30, 2), mode = d.Bits(23, 2);
        var load = d.Bit(22);
        var vector = d.Bit(26);
        string name, rt1, rt2;
        int scale;
        if (vector)
        {
            if (opc == 3) return null;
            scale = 2 + (int)opc;
            var prefix = "sdq"[(int)opc];
            (name, rt1, rt2) = (load ? "ldp" : "stp", $"{prefix}{d.Rd}", $"{prefix}{d.Ra}");
        }
        else
        {
            if (opc == 3 || (opc == 1 && !load)) return null;
            var is64 = opc == 2;
            scale = opc == 0 ? 2 : opc == 1 ? 2 : 3;
            name = opc == 1 ? "ldpsw" : load ? "ldp" : "stp";
            (rt1, rt2) = (R(d.Rd, is64 || opc == 1), R(d.Ra, is64 || opc == 1));
            // Writeback into a transferred register, or loading one register twice, is unpredictable.
            if (mode != 2 && d.Rn != 31 && (d.Rn == d.Rd || d.Rn == d.Ra)) return null;
            if (load && d.Rd == d.Ra) return null;
        }
        var offset = SignExtend(d.Bits(15, 7), 7) << scale;
        var @base = RSp(d.Rn, true);
        return mode switch
        {
            1 => $"{name}\t{rt1}, {rt2}, [{@base}], #{offset}",
            2 => $"{name}\t{rt1}, {rt2}, [{@base}{(offset != 0 ? $", #{offset}" : "")}]",
            _ => $"{name}\t{rt1}, {rt2}, [{@base}, #{offset}]!",
        };
    }

    private static string? Exclusive(Decoded d)
    {
        uint size = d.Bits(30, 2);
        bool o2 = d.Bit(23), load = d.Bit(22), o1 = d.Bit(21), o0 = d.Bit(15);
        if (o1 || d.Ra != 31) return null;
        var suffix = size switch { 0 => "b", 1 => "h", _ => "" };
        var rt = R(d.Rd, size == 3);
        var @base = $"[{RSp(d.Rn, true)}]";
        if (o2)
        {
            if (!o0 || d.Rm != 31) return null;
            return $"{(load ? "ldar" : "stlr")}{suffix}\t{rt}, {@base}";
        }
        if (load)
        {
            if (d.Rm != 31) return null;
            return $"{(o0 ? "ldaxr" : "ldxr")}{suffix}\t{rt}, {@base}";
        }
        return $"{(o0 ? "stlxr" : "stxr")}{suffix}\t{R(d.Rm, false)}, {rt}, {@base}";
    }
}
