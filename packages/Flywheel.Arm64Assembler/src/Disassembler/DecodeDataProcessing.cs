using static Flywheel.Arm64.Decoded;

namespace Flywheel.Arm64;

/// <summary>Integer data processing: immediate and register forms, with objdump's alias choices.</summary>
internal static class DecodeDataProcessing
{
    public static string? Try(Decoded d)
    {
        var w = d.Word;
        if ((w & 0x1F000000) == 0x10000000) return PcRelative(d);
        if ((w & 0x1F800000) == 0x11000000) return AddSubImmediate(d);
        if ((w & 0x1F800000) == 0x12000000) return LogicalImmediate(d);
        if ((w & 0x1F800000) == 0x12800000) return MoveWide(d);
        if ((w & 0x1F800000) == 0x13000000) return Bitfield(d);
        if ((w & 0x1FA00000) == 0x13800000) return Extract(d);
        if ((w & 0x1F000000) == 0x0A000000) return LogicalShifted(d);
        if ((w & 0x1F200000) == 0x0B000000) return AddSubShifted(d);
        if ((w & 0x1FE00000) == 0x0B200000) return AddSubExtended(d);
        if ((w & 0x1FE0FC00) == 0x1A000000) return AddSubCarry(d);
        if ((w & 0x1FE00410) == 0x1A400000 && d.Bit(29)) return CondCompare(d);
        if ((w & 0x3FE00800) == 0x1A800000) return CondSelect(d);
        if ((w & 0x5FE00000) == 0x1AC00000) return TwoSource(d);
        if ((w & 0x5FFF0000) == 0x5AC00000) return OneSource(d);
        if ((w & 0x1F000000) == 0x1B000000) return ThreeSource(d);
        return null;
    }

    private static string PcRelative(Decoded d)
    {
        var imm = SignExtend((d.Bits(5, 19) << 2) | d.Bits(29, 2), 21);
        return d.Bit(31)
            ? $"adrp\t{R(d.Rd, true)}, {Target(d.Address & ~0xFFFUL, imm << 12)}"
            : $"adr\t{R(d.Rd, true)}, {Target(d.Address, imm)}";
    }

    private static string AddSubImmediate(Decoded d)
    {
        var sf = d.Sf;
        bool sub = d.Bit(30), setFlags = d.Bit(29), shifted = d.Bit(22);
        var imm = d.Bits(10, 12);
        var operand = Hex(imm) + (shifted ? ", lsl #12" : "");
        if (!sub && !setFlags && !shifted && imm == 0 && (d.Rd == 31 || d.Rn == 31))
            return $"mov\t{RSp(d.Rd, sf)}, {RSp(d.Rn, sf)}";
        if (setFlags && d.Rd == 31) return $"{(sub ? "cmp" : "cmn")}\t{RSp(d.Rn, sf)}, {operand}";
        var name = (sub ? "sub" : "add") + (setFlags ? "s" : "");
        return $"{name}\t{(setFlags ? R(d.Rd, sf) : RSp(d.Rd, sf))}, {RSp(d.Rn, sf)}, {operand}";
    }

    private static string? LogicalImmediate(Decoded d)
    {
        var sf = d.Sf;
        var width = sf ? 64 : 32;
        if (!Arm64.LogicalImmediate.TryDecode(d.Bits(22, 1), d.Bits(16, 6), d.Bits(10, 6), width, out var value)) return null;
        var opc = d.Bits(29, 2);
        if (opc == 3 && d.Rd == 31) return $"tst\t{R(d.Rn, sf)}, {Hex(value)}";
        if (opc == 1 && d.Rn == 31 && (d.Rd == 31 || !MoveWidePreferred(value, width)))
            return $"mov\t{RSp(d.Rd, sf)}, {Hex(value)}";
        var name = opc switch { 0 => "and", 1 => "orr", 2 => "eor", _ => "ands" };
        return $"{name}\t{(opc == 3 ? R(d.Rd, sf) : RSp(d.Rd, sf))}, {R(d.Rn, sf)}, {Hex(value)}";
    }

    // objdump keeps "orr" when a single movz or movn could make the value (that prints as mov
    // itself), and prints "mov" only for values that need the bitmask form — or when the
    // destination is SP, which move-wide cannot write.
    private static bool MoveWidePreferred(ulong value, int width)
    {
        var mask = width == 64 ? ulong.MaxValue : 0xFFFF_FFFFUL;
        return OneHalfword(value & mask, width) || OneHalfword(~value & mask, width);
    }

    private static bool OneHalfword(ulong value, int width)
    {
        var nonZero = 0;
        for (var shift = 0; shift < width; shift += 16)
            if (((value >> shift) & 0xFFFF) != 0) nonZero++;
        return nonZero <= 1;
    }

    private static string? MoveWide(Decoded d)
    {
        var sf = d.Sf;
        var opc = d.Bits(29, 2);
        var hw = (int)d.Bits(21, 2);
        if (opc == 1 || (!sf && hw >= 2)) return null;
        var imm16 = d.Bits(5, 16);
        var shift = hw * 16;
        var lsl = hw != 0 ? $", lsl #{shift}" : "";
        switch (opc)
        {
            case 2 when !(imm16 == 0 && hw != 0):
                return $"mov\t{R(d.Rd, sf)}, {Hex((ulong)imm16 << shift)}";
            case 0 when !(imm16 == 0 && hw != 0) && (sf || imm16 != 0xFFFF):
                var value = ~((ulong)imm16 << shift);
                return $"mov\t{R(d.Rd, sf)}, {Hex(sf ? value : value & 0xFFFF_FFFF)}";
            default:
                var name = opc switch { 0 => "movn", 2 => "movz", _ => "movk" };
                return $"{name}\t{R(d.Rd, sf)}, {Hex(imm16)}{lsl}";
        }
    }

    private static string? Bitfield(Decoded d)
    {
        var sf = d.Sf;
        if (d.Bit(22) != sf) return null;
        var width = sf ? 64 : 32;
        int immr = (int)d.Bits(16, 6), imms = (int)d.Bits(10, 6);
        if (!sf && (immr > 31 || imms > 31)) return null;
        var opc = d.Bits(29, 2);
        string rd = R(d.Rd, sf), rn = R(d.Rn, sf);
        var insertLsb = (width - immr) % width;
        switch (opc)
        {
            case 0:
                if (imms == width - 1) return $"asr\t{rd}, {rn}, #{immr}";
                if (imms < immr) return $"sbfiz\t{rd}, {rn}, #{width - immr}, #{imms + 1}";
                if (BfxPreferred(sf, false, imms, immr)) return $"sbfx\t{rd}, {rn}, #{immr}, #{imms - immr + 1}";
                if (immr == 0 && imms == 7) return $"sxtb\t{rd}, {R(d.Rn, false)}";
                if (immr == 0 && imms == 15) return $"sxth\t{rd}, {R(d.Rn, false)}";
                if (immr == 0 && imms == 31) return $"sxtw\t{rd}, {R(d.Rn, false)}";
                return $"sbfm\t{rd}, {rn}, #{immr}, #{imms}";
            case 1:
                if (d.Rn == 31 && imms < immr) return $"bfc\t{rd}, #{insertLsb}, #{imms + 1}";
                if (imms < immr) return $"bfi\t{rd}, {rn}, #{insertLsb}, #{imms + 1}";
                return $"bfxil\t{rd}, {rn}, #{immr}, #{imms - immr + 1}";
            case 2:
                if (imms != width - 1 && imms + 1 == immr) return $"lsl\t{rd}, {rn}, #{width - 1 - imms}";
                if (imms == width - 1) return $"lsr\t{rd}, {rn}, #{immr}";
                if (imms < immr) return $"ubfiz\t{rd}, {rn}, #{width - immr}, #{imms + 1}";
                if (BfxPreferred(sf, true, imms, immr)) return $"ubfx\t{rd}, {rn}, #{immr}, #{imms - immr + 1}";
                if (immr == 0 && imms == 7) return $"uxtb\t{rd}, {R(d.Rn, false)}";
                if (immr == 0 && imms == 15) return $"uxth\t{rd}, {R(d.Rn, false)}";
                return $"ubfm\t{rd}, {rn}, #{immr}, #{imms}";
            default:
                return null;
        }
    }

    // The architecture's BFXPreferred: extract aliases lose to shifts and extends.
    private static bool BfxPreferred(bool sf, bool unsigned, int imms, int immr)
    {
        if (imms < immr) return false;
        if (imms == (sf ? 63 : 31)) return false;
        if (immr == 0)
        {
            if (!sf && imms is 7 or 15) return false;
            if (sf && !unsigned && imms is 7 or 15 or 31) return false;
        }
        return true;
    }

    private static string? Extract(Decoded d)
    {
        var sf = d.Sf;
        var lsb = d.Bits(10, 6);
        if (d.Bit(22) != sf || (!sf && lsb > 31)) return null;
        return d.Rn == d.Rm
            ? $"ror\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, #{lsb}"
            : $"extr\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, {R(d.Rm, sf)}, #{lsb}";
    }

    private static string ShiftSuffix(uint shift, uint amount) =>
        shift == 0 && amount == 0 ? "" : $", {(new[] { "lsl", "lsr", "asr", "ror" })[shift]} #{amount}";

    private static string? LogicalShifted(Decoded d)
    {
        var sf = d.Sf;
        uint opc = d.Bits(29, 2), shift = d.Bits(22, 2), amount = d.Bits(10, 6);
        if (!sf && amount > 31) return null;
        var invert = d.Bit(21);
        var suffix = ShiftSuffix(shift, amount);
        string rd = R(d.Rd, sf), rn = R(d.Rn, sf), rm = R(d.Rm, sf);
        if (opc == 1 && !invert && d.Rn == 31 && shift == 0 && amount == 0) return $"mov\t{rd}, {rm}";
        if (opc == 1 && invert && d.Rn == 31) return $"mvn\t{rd}, {rm}{suffix}";
        if (opc == 3 && !invert && d.Rd == 31) return $"tst\t{rn}, {rm}{suffix}";
        var name = (opc, invert) switch
        {
            (0, false) => "and", (0, true) => "bic", (1, false) => "orr", (1, true) => "orn",
            (2, false) => "eor", (2, true) => "eon", (3, false) => "ands", _ => "bics",
        };
        return $"{name}\t{rd}, {rn}, {rm}{suffix}";
    }

    private static string? AddSubShifted(Decoded d)
    {
        var sf = d.Sf;
        uint shift = d.Bits(22, 2), amount = d.Bits(10, 6);
        if (shift == 3 || (!sf && amount > 31)) return null;
        bool sub = d.Bit(30), setFlags = d.Bit(29);
        var suffix = ShiftSuffix(shift, amount);
        string rd = R(d.Rd, sf), rn = R(d.Rn, sf), rm = R(d.Rm, sf);
        if (setFlags && d.Rd == 31) return $"{(sub ? "cmp" : "cmn")}\t{rn}, {rm}{suffix}";
        if (sub && d.Rn == 31) return $"{(setFlags ? "negs" : "neg")}\t{rd}, {rm}{suffix}";
        return $"{(sub ? "sub" : "add")}{(setFlags ? "s" : "")}\t{rd}, {rn}, {rm}{suffix}";
    }

    private static readonly string[] s_extends = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"];

    private static string? AddSubExtended(Decoded d)
    {
        var sf = d.Sf;
        uint option = d.Bits(13, 3), amount = d.Bits(10, 3);
        if (amount > 4 || d.Bits(22, 2) != 0) return null;
        bool sub = d.Bit(30), setFlags = d.Bit(29);
        var rm = R(d.Rm, sf && (option & 3) == 3);
        var spInvolved = d.Rn == 31 || (!setFlags && d.Rd == 31);
        var extend = spInvolved && option == (sf ? 3u : 2u)
            ? amount == 0 ? "" : $", lsl #{amount}"
            : $", {s_extends[option]}{(amount != 0 ? $" #{amount}" : "")}";
        if (setFlags && d.Rd == 31) return $"{(sub ? "cmp" : "cmn")}\t{RSp(d.Rn, sf)}, {rm}{extend}";
        var rd = setFlags ? R(d.Rd, sf) : RSp(d.Rd, sf);
        return $"{(sub ? "sub" : "add")}{(setFlags ? "s" : "")}\t{rd}, {RSp(d.Rn, sf)}, {rm}{extend}";
    }

    private static string AddSubCarry(Decoded d)
    {
        var sf = d.Sf;
        bool sub = d.Bit(30), setFlags = d.Bit(29);
        var s = setFlags ? "s" : "";
        if (sub && d.Rn == 31) return $"ngc{s}\t{R(d.Rd, sf)}, {R(d.Rm, sf)}";
        return $"{(sub ? "sbc" : "adc")}{s}\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, {R(d.Rm, sf)}";
    }

    private static string CondCompare(Decoded d)
    {
        var sf = d.Sf;
        var name = d.Bit(30) ? "ccmp" : "ccmn";
        var operand = d.Bit(11) ? Hex((ulong)d.Rm) : R(d.Rm, sf);
        return $"{name}\t{R(d.Rn, sf)}, {operand}, {Hex(d.Bits(0, 4))}, {Cond(d.Bits(12, 4))}";
    }

    private static string CondSelect(Decoded d)
    {
        var sf = d.Sf;
        var cond = d.Bits(12, 4);
        var invertible = cond < 14;
        bool op = d.Bit(30), o2 = d.Bit(10);
        string rd = R(d.Rd, sf), rn = R(d.Rn, sf), rm = R(d.Rm, sf);
        var inverted = Cond(cond ^ 1);
        switch (op, o2)
        {
            case (false, true) when invertible && d.Rn == 31 && d.Rm == 31: return $"cset\t{rd}, {inverted}";
            case (false, true) when invertible && d.Rm != 31 && d.Rn == d.Rm: return $"cinc\t{rd}, {rn}, {inverted}";
            case (true, false) when invertible && d.Rn == 31 && d.Rm == 31: return $"csetm\t{rd}, {inverted}";
            case (true, false) when invertible && d.Rm != 31 && d.Rn == d.Rm: return $"cinv\t{rd}, {rn}, {inverted}";
            case (true, true) when invertible && d.Rn == d.Rm: return $"cneg\t{rd}, {rn}, {inverted}";
        }
        var name = (op, o2) switch { (false, false) => "csel", (false, true) => "csinc", (true, false) => "csinv", _ => "csneg" };
        return $"{name}\t{rd}, {rn}, {rm}, {Cond(cond)}";
    }

    private static string? TwoSource(Decoded d)
    {
        var name = d.Bits(10, 6) switch { 2 => "udiv", 3 => "sdiv", 8 => "lsl", 9 => "lsr", 10 => "asr", 11 => "ror", _ => null };
        if (name is null || d.Bit(29)) return null;
        var sf = d.Sf;
        return $"{name}\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, {R(d.Rm, sf)}";
    }

    private static string? OneSource(Decoded d)
    {
        var sf = d.Sf;
        var name = (d.Bits(10, 6), sf) switch
        {
            (0, _) => "rbit", (1, _) => "rev16", (2, true) => "rev32", (2, false) => "rev", (3, true) => "rev",
            (4, _) => "clz", (5, _) => "cls", _ => null,
        };
        if (name is null || d.Bit(29)) return null;
        return $"{name}\t{R(d.Rd, sf)}, {R(d.Rn, sf)}";
    }

    private static string? ThreeSource(Decoded d)
    {
        var sf = d.Sf;
        var op31 = d.Bits(21, 3);
        var o0 = d.Bit(15);
        if (d.Bits(29, 2) != 0) return null;
        switch (op31)
        {
            case 0:
                if (d.Ra == 31) return $"{(o0 ? "mneg" : "mul")}\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, {R(d.Rm, sf)}";
                return $"{(o0 ? "msub" : "madd")}\t{R(d.Rd, sf)}, {R(d.Rn, sf)}, {R(d.Rm, sf)}, {R(d.Ra, sf)}";
            case 1 or 5 when sf:
                var u = op31 == 5 ? "u" : "s";
                if (d.Ra == 31) return $"{u}{(o0 ? "mnegl" : "mull")}\t{R(d.Rd, true)}, {R(d.Rn, false)}, {R(d.Rm, false)}";
                return $"{u}{(o0 ? "msubl" : "maddl")}\t{R(d.Rd, true)}, {R(d.Rn, false)}, {R(d.Rm, false)}, {R(d.Ra, true)}";
            case 2 or 6 when sf && !o0:
                return $"{(op31 == 2 ? "smulh" : "umulh")}\t{R(d.Rd, true)}, {R(d.Rn, true)}, {R(d.Rm, true)}";
            default:
                return null;
        }
    }
}
