using static Flywheel.Arm64.Decoded;

namespace Flywheel.Arm64;

/// <summary>The NEON subset: three-same arithmetic, register moves, dup, and ld1/st1 (multiple structures).</summary>
internal static class DecodeNeon
{
    public static string? Try(Decoded d)
    {
        var w = d.Word;
        if ((w & 0x9F200400) == 0x0E200400) return ThreeSame(d);
        if ((w & 0xBFE0FC00) == 0x0E000C00) return DupGeneral(d);
        if ((w & 0xBFE0FC00) == 0x0E000400) return DupElement(d);
        if ((w & 0xBFBF0000) == 0x0C000000 || (w & 0xBFA00000) == 0x0C800000) return Structure(d);
        return null;
    }

    private static string Arrangement(bool q, uint size) => (q, size) switch
    {
        (true, 0) => "16b", (true, 1) => "8h", (true, 2) => "4s", (true, _) => "2d",
        (false, 0) => "8b", (false, 1) => "4h", (false, 2) => "2s", _ => "1d",
    };

    private static string? ThreeSame(Decoded d)
    {
        var q = d.Bit(30);
        var u = d.Bit(29);
        var size = d.Bits(22, 2);
        var opcode = d.Bits(11, 5);
        string? name = null;
        var arrangement = Arrangement(q, size);
        switch (opcode)
        {
            case 0b10000: name = u ? "sub" : "add"; break;
            case 0b10011 when !u && size != 3: name = "mul"; break;
            case 0b00011 when !u && size == 2:
                if (d.Rn == d.Rm) return $"mov\tv{d.Rd}.{Arrangement(q, 0)}, v{d.Rn}.{Arrangement(q, 0)}";
                name = "orr"; arrangement = Arrangement(q, 0); break;
            case 0b11010 when !u: name = size < 2 ? "fadd" : "fsub"; arrangement = FloatArrangement(q, size); break;
            case 0b11011 when u && size < 2: name = "fmul"; arrangement = FloatArrangement(q, size); break;
            case 0b11111 when u && size < 2: name = "fdiv"; arrangement = FloatArrangement(q, size); break;
            case 0b11001 when !u: name = size < 2 ? "fmla" : "fmls"; arrangement = FloatArrangement(q, size); break;
        }
        if (name is null || arrangement == "1d") return null;
        return $"{name}\tv{d.Rd}.{arrangement}, v{d.Rn}.{arrangement}, v{d.Rm}.{arrangement}";
    }

    private static string FloatArrangement(bool q, uint size) => (size & 1) == 0 ? (q ? "4s" : "2s") : (q ? "2d" : "1d");

    private static (uint Size, int Index)? Lane(uint imm5)
    {
        if ((imm5 & 1) != 0) return (0, (int)(imm5 >> 1));
        if ((imm5 & 2) != 0) return (1, (int)(imm5 >> 2));
        if ((imm5 & 4) != 0) return (2, (int)(imm5 >> 3));
        if ((imm5 & 8) != 0) return (3, (int)(imm5 >> 4));
        return null;
    }

    private static string? DupGeneral(Decoded d)
    {
        if (Lane(d.Bits(16, 5)) is not var (size, _)) return null;
        var q = d.Bit(30);
        if (size == 3 && !q) return null;
        return $"dup\tv{d.Rd}.{Arrangement(q, size)}, {R(d.Rn, size == 3)}";
    }

    private static string? DupElement(Decoded d)
    {
        if (Lane(d.Bits(16, 5)) is not var (size, index)) return null;
        var q = d.Bit(30);
        if (size == 3 && !q) return null;
        return $"dup\tv{d.Rd}.{Arrangement(q, size)}, v{d.Rn}.{"bhsd"[(int)size]}[{index}]";
    }

    private static string? Structure(Decoded d)
    {
        var count = d.Bits(12, 4) switch { 0b0111 => 1, 0b1010 => 2, 0b0110 => 3, 0b0010 => 4, _ => 0 };
        if (count == 0) return null;
        var q = d.Bit(30);
        var size = d.Bits(10, 2);
        var arrangement = Arrangement(q, size);
        var first = d.Rd;
        string list;
        if (count > 2 && first + count - 1 <= 31)
            list = $"{{v{first}.{arrangement}-v{first + count - 1}.{arrangement}}}";
        else
            list = "{" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"v{(first + i) % 32}.{arrangement}")) + "}";
        var name = d.Bit(22) ? "ld1" : "st1";
        var address = $"[{RSp(d.Rn, true)}]";
        if (!d.Bit(23)) return $"{name}\t{list}, {address}";
        return d.Rm == 31 ? $"{name}\t{list}, {address}, #{count * (q ? 16 : 8)}" : $"{name}\t{list}, {address}, {R(d.Rm, true)}";
    }
}
