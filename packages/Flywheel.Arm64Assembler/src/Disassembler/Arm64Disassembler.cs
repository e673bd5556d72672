using System.Buffers.Binary;
using System.Text;
using Flywheel.MachineCode;

namespace Flywheel.Arm64;

/// <summary>
/// Turns A64 machine code back into text, in the syntax GNU objdump prints (aliases included:
/// <c>mov</c>, <c>cmp</c>, <c>lsl</c>, <c>cset</c>, …), so listings read like objdump's and tests can
/// compare the two. It covers the instructions this assembler emits; anything else prints as
/// <c>.inst 0x…</c>. objdump's trailing <c>//</c> comments (alternative condition names, decimal
/// values) are not reproduced.
/// </summary>
public static class Arm64Disassembler
{
    /// <summary>Disassembles one instruction word located at <paramref name="address"/> (branch targets are absolute).</summary>
    /// <returns>The mnemonic, a tab, and the operands — e.g. <c>add\tx0, x1, #0x1</c>.</returns>
    public static string Disassemble(uint instruction, ulong address = 0) =>
        TryDisassemble(instruction, address, out var text) ? text : $".inst\t0x{instruction:x8} ; undefined";

    /// <summary>Disassembles one instruction, or returns <see langword="false"/> if it is not one this disassembler knows.</summary>
    public static bool TryDisassemble(uint instruction, ulong address, out string text)
    {
        var d = new Decoded(instruction, address);
        text = DecodeDataProcessing.Try(d)
               ?? DecodeLoadStore.Try(d)
               ?? DecodeBranchSystem.Try(d)
               ?? DecodeFloatingPoint.Try(d)
               ?? DecodeNeon.Try(d)
               ?? "";
        return text.Length > 0;
    }

    /// <summary>
    /// A listing of <paramref name="code"/>: one line per word with its offset, bytes and text,
    /// annotations as <c>;</c> comment lines before the instruction they describe, and data regions
    /// (literal pools) shown as <c>.word</c>.
    /// </summary>
    /// <param name="code">The finished code.</param>
    /// <param name="baseAddress">The address the code is (or will be) placed at; branch targets are printed relative to it.</param>
    public static string Listing(CodeBlob code, ulong baseAddress = 0)
    {
        ArgumentNullException.ThrowIfNull(code);
        var text = new StringBuilder();
        var bytes = code.Code.Span;
        for (var offset = 0; offset + 4 <= bytes.Length; offset += 4)
        {
            foreach (var note in code.Annotations)
                if (note.Offset == offset) text.Append("                          ; ").Append(note.Text).Append('\n');
            var word = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            var isData = code.DataRegions.Any(r => offset >= r.Offset && offset < r.Offset + r.Length);
            var body = isData ? $".word\t0x{word:x8}" : Disassemble(word, baseAddress + (ulong)offset);
            text.Append($"{baseAddress + (ulong)offset,8:x}:\t{word:x8} \t{body}\n");
        }
        return text.ToString();
    }
}

/// <summary>One instruction word and the field accessors every decoder uses.</summary>
internal readonly record struct Decoded(uint Word, ulong Address)
{
    public uint Bits(int lsb, int count) => (Word >> lsb) & ((1u << count) - 1);

    public bool Bit(int index) => ((Word >> index) & 1) != 0;

    public int Rd => (int)(Word & 31);

    public int Rn => (int)((Word >> 5) & 31);

    public int Rm => (int)((Word >> 16) & 31);

    public int Ra => (int)((Word >> 10) & 31);

    public bool Sf => Bit(31);

    public static string R(int code, bool is64) => code == 31 ? (is64 ? "xzr" : "wzr") : $"{(is64 ? 'x' : 'w')}{code}";

    public static string RSp(int code, bool is64) => code == 31 ? (is64 ? "sp" : "wsp") : $"{(is64 ? 'x' : 'w')}{code}";

    public static string Hex(ulong value) => $"#0x{value:x}";

    public static string Target(ulong address, long offset) => $"0x{address + (ulong)offset:x}";

    public static long SignExtend(uint value, int bits) => ((long)value << (64 - bits)) >> (64 - bits);

    private static readonly string[] s_conditions = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"];

    public static string Cond(uint condition) => s_conditions[condition & 15];
}
