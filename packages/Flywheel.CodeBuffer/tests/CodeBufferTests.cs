using System.Buffers.Binary;
using FsCheck.Xunit;
using Flywheel.MachineCode;

namespace Flywheel.MachineCode.Tests;

public class CodeBufferTests
{
    /// <summary>
    /// Interprets each byte of <paramref name="script"/> as an operation (emit filler, create a
    /// label, bind one, refer to one) and checks that every reference ends up holding the distance
    /// to where its label was finally bound, whether the label was bound before or after.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Every_reference_holds_the_distance_to_its_label(byte[] script)
    {
        var buffer = new CodeBuffer();
        var labels = new List<Label>();
        var references = new List<(int Site, Label Target, long Addend)>();
        foreach (var op in script)
        {
            switch (op % 4)
            {
                case 0:
                    for (var i = 0; i < op / 4 + 1; i++) buffer.EmitByte(0x90);
                    break;
                case 1:
                    labels.Add(buffer.CreateLabel());
                    break;
                case 2 when labels.Count > 0:
                    var unbound = labels.Where(l => !buffer.IsBound(l)).ToList();
                    if (unbound.Count > 0) buffer.Bind(unbound[op % unbound.Count]);
                    break;
                case 3 when labels.Count > 0:
                    var target = labels[op % labels.Count];
                    var site = buffer.Length;
                    buffer.EmitUInt32(0xDEADBEEF);
                    long addend = op % 3 - 1;
                    buffer.AddFixup(site, target, Rel32.Instance, addend);
                    references.Add((site, target, addend));
                    break;
            }
        }
        foreach (var label in labels)
            if (!buffer.IsBound(label)) buffer.Bind(label);

        var blob = buffer.Finish();
        return references.All(r =>
            BinaryPrimitives.ReadInt32LittleEndian(blob.Code.Span[r.Site..]) ==
            blob.GetLabelOffset(r.Target) + r.Addend - (r.Site + 4));
    }

    [Fact]
    public void Backward_and_forward_references_are_resolved()
    {
        var buffer = new CodeBuffer();
        var top = buffer.CreateLabel();
        var end = buffer.CreateLabel();
        buffer.Bind(top);
        buffer.EmitByte(0xEB);
        buffer.EmitByte(0);
        buffer.AddFixup(1, end, Rel8.Instance);
        Assert.Equal(1, buffer.PendingFixupCount);
        buffer.EmitByte(0xEB);
        buffer.EmitByte(0);
        buffer.AddFixup(3, top, Rel8.Instance);
        buffer.Bind(end);
        Assert.Equal(0, buffer.PendingFixupCount);
        Assert.Equal(new byte[] { 0xEB, 0x02, 0xEB, 0xFC }, buffer.Finish().Code.ToArray());
    }

    [Fact]
    public void A_label_referenced_but_never_bound_fails_at_finish_and_names_the_site()
    {
        var buffer = new CodeBuffer();
        var label = buffer.CreateLabel();
        buffer.EmitUInt32(0);
        buffer.AddFixup(0, label, Rel32.Instance);
        var error = Assert.Throws<CodeBufferException>(() => buffer.Finish());
        Assert.Contains("L0", error.Message);
        Assert.Contains("never bound", error.Message);
    }

    [Fact]
    public void Binding_a_label_twice_is_an_error()
    {
        var buffer = new CodeBuffer();
        var label = buffer.CreateLabel();
        buffer.Bind(label);
        Assert.Throws<CodeBufferException>(() => buffer.Bind(label));
    }

    [Fact]
    public void A_fixup_out_of_range_fails_when_its_label_is_bound()
    {
        var buffer = new CodeBuffer();
        var far = buffer.CreateLabel();
        buffer.EmitByte(0);
        buffer.AddFixup(0, far, Rel8.Instance);
        for (var i = 0; i < 200; i++) buffer.EmitByte(0x90);
        var error = Assert.Throws<CodeBufferException>(() => buffer.Bind(far));
        Assert.Contains("rel8", error.Message);
    }

    [Fact]
    public void A_label_from_another_buffer_is_rejected()
    {
        var buffer = new CodeBuffer();
        Assert.Throws<ArgumentException>(() => buffer.Bind(new Label(5)));
    }

    [Fact]
    public void Equal_constants_share_one_aligned_slot_placed_at_finish()
    {
        var buffer = new CodeBuffer();
        buffer.EmitByte(0xC3);
        var a = buffer.AddConstant64(0x1122334455667788);
        var b = buffer.AddConstant64(0x1122334455667788);
        var c = buffer.AddConstant(new byte[] { 1, 2, 3, 4 }, 4);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var blob = buffer.Finish(poolFill: 0xCC);
        var offsetA = blob.GetLabelOffset(a);
        var offsetC = blob.GetLabelOffset(c);
        Assert.Equal(0, offsetA % 8);
        Assert.Equal(0, offsetC % 4);
        Assert.Equal(0x1122334455667788UL, BinaryPrimitives.ReadUInt64LittleEndian(blob.Code.Span[offsetA..]));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, blob.Code.Span.Slice(offsetC, 4).ToArray());
        Assert.Equal(0xCC, blob.Code.Span[1]);
    }

    [Fact]
    public void A_constant_added_after_a_pool_is_emitted_again_in_the_next_pool()
    {
        var buffer = new CodeBuffer();
        var first = buffer.AddConstant64(7);
        buffer.EmitConstantPool();
        buffer.EmitByte(0xC3);
        var second = buffer.AddConstant64(7);
        var blob = buffer.Finish();
        Assert.NotEqual(blob.GetLabelOffset(first), blob.GetLabelOffset(second));
    }

    [Property(MaxTest = 200)]
    public bool Relocations_hold_the_address_for_any_base(ulong codeBase, byte targetSeed)
    {
        codeBase &= 0x0000_7FFF_FFFF_F000;
        var buffer = new CodeBuffer();
        for (var i = 0; i < 64; i++) buffer.EmitByte((byte)i);
        var site = buffer.Length;
        buffer.EmitUInt64(0);
        buffer.AddRelocation(new Relocation(site, RelocationKind.Absolute64ToCode, targetSeed % 64, 1));
        var blob = buffer.Finish();
        var installed = new byte[blob.Length];
        blob.CopyTo(installed, codeBase);
        return BinaryPrimitives.ReadUInt64LittleEndian(installed.AsSpan(site)) == codeBase + (ulong)(targetSeed % 64) + 1
            && installed.AsSpan(0, 64).SequenceEqual(blob.Code.Span[..64]);
    }

    [Fact]
    public void A_relative_relocation_out_of_reach_fails_cleanly()
    {
        var buffer = new CodeBuffer();
        buffer.EmitUInt32(0);
        buffer.AddRelocation(new Relocation(0, RelocationKind.Relative32ToAbsolute, 0x7000_0000_0000));
        var blob = buffer.Finish();
        var code = new byte[4];
        Assert.Throws<CodeBufferException>(() => blob.CopyTo(code, 0x1000));
        blob.CopyTo(code, 0x7000_0000_0000 - 0x100);
        Assert.Equal(0x100 - 4, BinaryPrimitives.ReadInt32LittleEndian(code));
    }

    [Fact]
    public void Patch_sites_and_annotations_are_kept_in_the_blob()
    {
        var buffer = new CodeBuffer();
        buffer.Annotate("entry");
        buffer.EmitUInt64(0);
        buffer.AddPatchSite("shape", 0, 8);
        buffer.Annotate("after");
        var blob = buffer.Finish();
        Assert.Equal(new PatchSite("shape", 0, 8), blob.GetPatchSite("shape"));
        Assert.Equal([new CodeAnnotation(0, "entry"), new CodeAnnotation(8, "after")], blob.Annotations);
        Assert.Throws<KeyNotFoundException>(() => blob.GetPatchSite("missing"));
    }
}
