using Flywheel.MachineCode;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.X64.Tests;

/// <summary>
/// Rows of (what is called, expected bytes, expected listing text). Each row runs on a fresh
/// assembler; the listing of the finished code must match the text, so the rows check both the
/// encoding and the listing.
/// </summary>
public class EncodingTableTests
{
    private static readonly (string Name, Action<X64Assembler> Emit, string Bytes, string Text)[] Rows =
    [
        ("short backward jump", a => { var l = a.CreateLabel(); a.Bind(l); a.Iced.nop(); a.Jump(l); }, "90 EB FD", "nop | jmp L0"),
        ("near forward jump", a => { var l = a.CreateLabel(); a.Jump(l); a.Bind(l); }, "E9 00 00 00 00", "jmp L0"),
        ("jcc forward", a => { var l = a.CreateLabel(); a.Jump(Condition.NotEqual, l); a.Iced.int3(); a.Bind(l); }, "0F 85 01 00 00 00 CC", "jne L0 | int3"),
        ("jcc short backward", a => { var l = a.CreateLabel(); a.Bind(l); a.Jump(Condition.Less, l); }, "7C FE", "jl L0"),
        ("jcc far backward uses rel32", a => { var l = a.CreateLabel(); a.Bind(l); for (var i = 0; i < 130; i++) a.Iced.nop(); a.Jump(Condition.Equal, l); }, null!, null!),
        ("call label", a => { var l = a.CreateLabel(); a.Bind(l); a.Call(l); }, "E8 FB FF FF FF", "call L0"),
        ("call absolute", a => a.CallAbsolute(unchecked((nint)0x1122334455667788)), "49 BB 88 77 66 55 44 33 22 11 41 FF D3", "mov r11,0x1122334455667788 | call r11"),
        ("call absolute via rax", a => a.CallAbsolute(0x1000, rax), "48 B8 00 10 00 00 00 00 00 00 FF D0", "mov rax,0x1000 | call rax"),
        ("load zero", a => a.LoadConstant(rbx, 0), "31 DB", "xor ebx,ebx"),
        ("load small positive", a => a.LoadConstant(r9, 0x12345678), "41 B9 78 56 34 12", "mov r9d,0x12345678"),
        ("load small negative", a => a.LoadConstant(rax, -2), "48 C7 C0 FE FF FF FF", "mov rax,0xFFFFFFFFFFFFFFFE"),
        ("load large", a => a.LoadConstant(rcx, 0x1_0000_0000), "48 B9 00 00 00 00 01 00 00 00", "mov rcx,0x100000000"),
        ("patchable mov", a => a.MovPatchable(rdx, 0xCAFE, "ic"), "48 BA FE CA 00 00 00 00 00 00", "mov rdx,0xCAFE"),
        ("lea label", a => { var l = a.CreateLabel(); a.Lea(rax, l); a.Bind(l); }, "48 8D 05 00 00 00 00", "lea rax,[L0]"),
        ("iced instructions pass through", a => { a.Iced.add(rax, rbx); a.Iced.imul(ecx, __dword_ptr[rsi + rdi * 4 + 8], 3); }, "48 01 D8 6B 4C BE 08 03", "add rax,rbx | imul ecx,[rsi+rdi*4+8],3"),
        ("zero displacement and immediate are not labels", a => { var l = a.CreateLabel(); a.Bind(l); a.Iced.mov(rax, __qword_ptr[rbx]); a.Iced.mov(eax, 0); }, "48 8B 03 B8 00 00 00 00", "mov rax,[rbx] | mov eax,0"),
        ("align pads with int3", a => { a.Iced.ret(); a.Align(4); a.Iced.ret(); }, "C3 CC CC CC C3", "ret | int3 | int3 | int3 | ret"),
    ];

    public static TheoryData<string> RowNames() => [.. Rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Row_encodes_and_lists_as_expected(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var masm = new X64Assembler();
        row.Emit(masm);
        var blob = masm.Finish();
        if (row.Bytes is null)
        {
            // The far-backward row: 130 nops then a 6-byte jcc back to offset 0.
            Assert.Equal([0x0F, 0x84], blob.Code.Span.Slice(130, 2).ToArray());
            Assert.Equal(-136, BitConverter.ToInt32(blob.Code.Span.Slice(132, 4)));
            return;
        }
        Assert.Equal(row.Bytes, Convert.ToHexString(blob.Code.Span).Chunk(2).Select(c => new string(c)).Aggregate((x, y) => x + " " + y));
        Assert.Equal(row.Text, ListedInstructions(blob));
    }

    [Fact]
    public void Patchable_mov_names_its_eight_byte_immediate()
    {
        var masm = new X64Assembler();
        masm.Iced.nop();
        var site = masm.MovPatchable(rdx, 0xCAFE, "shape");
        Assert.Equal(new PatchSite("shape", 3, 8), site);
    }

    [Fact]
    public void Patchable_compare_names_its_four_byte_immediate()
    {
        var masm = new X64Assembler();
        var site = masm.EmitPatchable(Instruction.Create(Code.Cmp_rm64_imm32, Register.RAX, 5), "expected");
        Assert.Equal(new PatchSite("expected", 3, 4), site);
    }

    [Fact]
    public void An_iced_label_is_rejected_with_a_clear_message()
    {
        var masm = new X64Assembler();
        var icedLabel = masm.Iced.CreateLabel();
        masm.Iced.jmp(icedLabel);
        var error = Assert.Throws<InvalidOperationException>(() => masm.Flush());
        Assert.Contains("Flywheel label", error.Message);
    }

    [Fact]
    public void A_rip_relative_operand_with_an_immediate_after_the_displacement_reaches_its_target()
    {
        var masm = new X64Assembler();
        var target = masm.Buffer.AddConstant64(1);
        // cmp qword [rip+target], 0x7f: the imm8 follows the displacement.
        masm.EmitRipRelative(Instruction.Create(Code.Cmp_rm64_imm8, new MemoryOperand(Register.RIP), 0x7F), target);
        masm.Iced.ret();
        var blob = masm.Finish();
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(blob.Code.ToArray()), 0);
        decoder.Decode(out var cmp);
        Assert.Equal((ulong)blob.GetLabelOffset(target), cmp.MemoryDisplacement64);
    }

    [Fact]
    public void Listing_shows_labels_annotations_and_pools()
    {
        var masm = new X64Assembler();
        var loop = masm.CreateLabel();
        masm.Annotate("loop head");
        masm.Bind(loop);
        masm.LoadConstant(xmm1, 2.5);
        masm.Jump(loop);
        var listing = X64Listing.Format(masm.Finish());
        Assert.Contains("; loop head", listing);
        Assert.Contains("L0:", listing);
        Assert.Contains("jmp     L0", listing);
        Assert.Contains("movsd   xmm1,[L1]", listing);
        Assert.Contains(".byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x40", listing);
    }

    private static string ListedInstructions(CodeBlob blob) =>
        string.Join(" | ", X64Listing.Format(blob).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.EndsWith(':') && !line.TrimStart().StartsWith(';'))
            .Select(line => string.Join(' ', line[29..].Split(' ', StringSplitOptions.RemoveEmptyEntries))));
}
