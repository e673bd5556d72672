using static Flywheel.Arm64.Decoded;

namespace Flywheel.Arm64;

/// <summary>Branches, exceptions, hints, barriers, system-register moves and cache maintenance.</summary>
internal static class DecodeBranchSystem
{
    // objdump's names for hint numbers; others print as "hint #0x..".
    private static readonly Dictionary<uint, string> s_hints = new()
    {
        [0] = "nop", [1] = "yield", [2] = "wfe", [3] = "wfi", [4] = "sev", [5] = "sevl", [7] = "xpaclri",
        [8] = "pacia1716", [10] = "pacib1716", [12] = "autia1716", [14] = "autib1716", [16] = "esb",
        [17] = "psb\tcsync", [18] = "tsb\tcsync", [20] = "csdb", [22] = "clearbhb", [24] = "paciaz", [25] = "paciasp",
        [26] = "pacibz", [27] = "pacibsp", [28] = "autiaz", [29] = "autiasp", [30] = "autibz", [31] = "autibsp",
        [32] = "bti", [34] = "bti\tc", [36] = "bti\tj", [38] = "bti\tjc",
    };

    private static readonly Dictionary<uint, string> s_barriers = new()
    {
        [1] = "oshld", [2] = "oshst", [3] = "osh", [5] = "nshld", [6] = "nshst", [7] = "nsh",
        [9] = "ishld", [10] = "ishst", [11] = "ish", [13] = "ld", [14] = "st", [15] = "sy",
    };

    private static readonly Dictionary<uint, string> s_systemRegisters = new()
    {
        [(uint)SystemRegister.Nzcv] = "nzcv", [(uint)SystemRegister.Fpcr] = "fpcr", [(uint)SystemRegister.Fpsr] = "fpsr",
        [(uint)SystemRegister.CtrEl0] = "ctr_el0", [(uint)SystemRegister.TpidrEl0] = "tpidr_el0",
        [(uint)SystemRegister.CntvctEl0] = "cntvct_el0",
    };

    public static string? Try(Decoded d)
    {
        var w = d.Word;
        if ((w & 0x7C000000) == 0x14000000)
            return $"{(d.Bit(31) ? "bl" : "b")}\t{Target(d.Address, SignExtend(d.Bits(0, 26), 26) << 2)}";
        if ((w & 0xFF000010) == 0x54000000)
            return $"b.{Cond(d.Bits(0, 4))}\t{Target(d.Address, SignExtend(d.Bits(5, 19), 19) << 2)}";
        if ((w & 0x7E000000) == 0x34000000)
            return $"{(d.Bit(24) ? "cbnz" : "cbz")}\t{R(d.Rd, d.Sf)}, {Target(d.Address, SignExtend(d.Bits(5, 19), 19) << 2)}";
        if ((w & 0x7E000000) == 0x36000000)
        {
            var bit = (d.Bits(31, 1) << 5) | d.Bits(19, 5);
            return $"{(d.Bit(24) ? "tbnz" : "tbz")}\t{R(d.Rd, d.Sf)}, #{bit}, {Target(d.Address, SignExtend(d.Bits(5, 14), 14) << 2)}";
        }
        if ((w & 0xFF9FFC1F) == 0xD61F0000)
        {
            var name = d.Bits(21, 2) switch { 0 => "br", 1 => "blr", 2 => "ret", _ => null };
            if (name is null) return null;
            return name == "ret" && d.Rn == 30 ? "ret" : $"{name}\t{R(d.Rn, true)}";
        }
        if ((w & 0xFFFFF01F) == 0xD503201F)
        {
            var imm = d.Bits(5, 7);
            return s_hints.TryGetValue(imm, out var hint) ? hint : $"hint\t{Hex(imm)}";
        }
        if ((w & 0xFFFFF0FF) == 0xD50330BF) return Barrier("dmb", d.Bits(8, 4));
        if ((w & 0xFFFFF0FF) == 0xD503309F)
        {
            var crm = d.Bits(8, 4);
            return crm switch { 0 => "ssbb", 4 => "pssbb", _ => Barrier("dsb", crm) };
        }
        if ((w & 0xFFFFF0FF) == 0xD50330DF) return d.Bits(8, 4) == 15 ? "isb" : $"isb\t{Hex(d.Bits(8, 4))}";
        if ((w & 0xFFE0001F) == 0xD4200000) return $"brk\t{Hex(d.Bits(5, 16))}";
        if ((w & 0xFFFF0000) == 0) return $"udf\t#{w}";
        if ((w & 0xFFF00000) == 0xD5300000) return $"mrs\t{R(d.Rd, true)}, {SystemRegisterName(d.Bits(5, 15) | 0x8000)}";
        if ((w & 0xFFF00000) == 0xD5100000) return $"msr\t{SystemRegisterName(d.Bits(5, 15) | 0x8000)}, {R(d.Rd, true)}";
        if ((w & 0xFFFFFFE0) == 0xD50B7B20) return $"dc\tcvau, {R(d.Rd, true)}";
        if ((w & 0xFFFFFFE0) == 0xD50B7520) return $"ic\tivau, {R(d.Rd, true)}";
        return null;
    }

    private static string Barrier(string name, uint crm) =>
        s_barriers.TryGetValue(crm, out var option) ? $"{name}\t{option}" : $"{name}\t#0x{crm:x2}";

    private static string SystemRegisterName(uint encoding) =>
        s_systemRegisters.TryGetValue(encoding, out var name)
            ? name
            : $"s{encoding >> 14}_{(encoding >> 11) & 7}_c{(encoding >> 7) & 15}_c{(encoding >> 3) & 15}_{encoding & 7}";
}
