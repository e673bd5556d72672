using System.Buffers.Binary;

namespace Flywheel.Arm64.Tests.Table;

/// <summary>
/// The encoder table (<c>Data/encodings.txt</c>): each row's call must emit the row's bytes, and
/// our disassembler must print the row's text. The expectations were produced by GNU as/objdump.
/// </summary>
public sealed class EncodingTableTests
{
    public static TheoryData<int, string, string, string> Rows()
    {
        var data = new TheoryData<int, string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "encodings.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || string.IsNullOrWhiteSpace(lines[i])) continue;
            var columns = lines[i].Split(" | ");
            data.Add(i + 1, columns[0], columns[1], columns[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_encodes_and_disassembles_as_binutils_does(int line, string call, string bytes, string text)
    {
        var asm = new Arm64Assembler();
        CallParser.Invoke(asm, call);
        Assert.True(bytes == Convert.ToHexString(asm.Buffer.Bytes).ToLowerInvariant().Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b),
            $"line {line}: {call} emitted {Convert.ToHexString(asm.Buffer.Bytes)}, table says {bytes}");
        var word = BinaryPrimitives.ReadUInt32LittleEndian(asm.Buffer.Bytes);
        Assert.Equal(text, Arm64Disassembler.Disassemble(word, 0x10000000).Replace('\t', ' '));
    }

    [Fact]
    public void The_table_covers_every_group()
    {
        var calls = Rows().Select(r => (string)r[1]).ToList();
        Assert.True(calls.Count >= 200, $"{calls.Count} rows");
        foreach (var name in new[] { "Add(", "Orr(", "Movk(", "Ubfx(", "Mul(", "Csel(", "Ldr(", "Ldp(", "Ldaxr(", "BranchOffset(", "Fmadd(", "Fmov(", "Fjcvtzs(", "Fmla(", "Ld1(", "Dmb(" })
            Assert.Contains(calls, c => c.StartsWith(name, StringComparison.Ordinal));
    }
}
