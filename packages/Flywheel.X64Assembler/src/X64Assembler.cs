using Flywheel.MachineCode;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;


namespace Flywheel.X64;

/// <summary>
/// An x86-64 macro-assembler that streams encoded instructions into a <see cref="CodeBuffer"/>.
/// Ordinary instructions are written with Iced's assembler API through <see cref="Iced"/>
/// (which picks the encoding); this class adds what a JIT needs around them: labels and
/// branches resolved by the buffer's fixups, calls to absolute addresses, RIP-relative pool
/// constants, patchable immediates, frames, and annotations for listings.
/// </summary>
/// <example>
/// <code>
/// var masm = new X64Assembler();
/// var done = masm.CreateLabel();
/// masm.Iced.mov(eax, edi);
/// masm.Iced.test(eax, eax);
/// masm.Jump(Condition.NoSign, done);
/// masm.Iced.neg(eax);
/// masm.Bind(done);
/// masm.Iced.ret();
/// CodeBlob blob = masm.Finish();
/// </code>
/// </example>
/// <remarks>
/// Instructions given to <see cref="Iced"/> are encoded at the next call into this class (or
/// <see cref="Flush"/>), so offsets such as <see cref="Offset"/> are always exact. Branches must
/// use this class's labels: an Iced label or RIP-relative operand given to <see cref="Iced"/>
/// is rejected with an <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed partial class X64Assembler
{
    private const byte Int3 = 0xCC;
    private readonly Assembler _iced = new(64);
    private readonly Encoder _encoder;

    /// <summary>Creates an assembler that appends to <paramref name="buffer"/>, or to a new buffer.</summary>
    public X64Assembler(CodeBuffer? buffer = null)
    {
        Buffer = buffer ?? new CodeBuffer();
        _encoder = Encoder.Create(64, new BufferWriter(Buffer));
    }

    /// <summary>The buffer receiving the code.</summary>
    public CodeBuffer Buffer { get; }

    /// <summary>Iced's instruction-level API; what is added here is encoded in order with everything else.</summary>
    public Assembler Iced => _iced;

    /// <summary>The offset of the next instruction.</summary>
    public int Offset
    {
        get
        {
            Flush();
            return Buffer.Length;
        }
    }

    /// <summary>Encodes the instructions added through <see cref="Iced"/> so far.</summary>
    public void Flush()
    {
        var instructions = _iced.Instructions;
        if (instructions.Count == 0) return;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            if (instruction.IsIPRelativeMemoryOperand || instruction.Op0Kind is OpKind.NearBranch64 or OpKind.NearBranch32 or OpKind.NearBranch16)
            {
                _iced.Reset();
                throw new InvalidOperationException(
                    $"'{instruction}' refers to an Iced label; use X64Assembler's Jump/Call/Lea/EmitRipRelative with a Flywheel label instead.");
            }
            _encoder.Encode(instruction, (ulong)Buffer.Length);
        }
        _iced.Reset();
    }

    /// <summary>Creates an unbound label in <see cref="Buffer"/>.</summary>
    public Label CreateLabel() => Buffer.CreateLabel();

    /// <summary>Binds <paramref name="label"/> to the next instruction.</summary>
    public void Bind(Label label)
    {
        Flush();
        Buffer.Bind(label);
    }

    /// <summary>Attaches a comment to the next instruction, shown in listings.</summary>
    public void Annotate(string text)
    {
        Flush();
        Buffer.Annotate(text);
    }

    /// <summary>Pads with <c>int3</c> until the next instruction is aligned to <paramref name="alignment"/> bytes.</summary>
    public void Align(int alignment)
    {
        Flush();
        Buffer.Align(alignment, Int3);
    }

    /// <summary>
    /// Jumps to <paramref name="target"/>: a 2-byte short jump when the label is already bound
    /// within reach, otherwise a 5-byte near jump.
    /// </summary>
    public void Jump(Label target)
    {
        Flush();
        if (TryShortBackward(target, 2, out var distance))
        {
            Buffer.EmitByte(0xEB);
            Buffer.EmitByte((byte)distance);
            return;
        }
        Buffer.EmitByte(0xE9);
        EmitRel32(target);
    }

    /// <summary>Jumps to <paramref name="target"/> when <paramref name="condition"/> holds.</summary>
    public void Jump(Condition condition, Label target)
    {
        Flush();
        if (TryShortBackward(target, 2, out var distance))
        {
            Buffer.EmitByte((byte)(0x70 | (byte)condition));
            Buffer.EmitByte((byte)distance);
            return;
        }
        Buffer.EmitByte(0x0F);
        Buffer.EmitByte((byte)(0x80 | (byte)condition));
        EmitRel32(target);
    }

    /// <summary>Calls the code at <paramref name="target"/> in this buffer.</summary>
    public void Call(Label target)
    {
        Flush();
        Buffer.EmitByte(0xE8);
        EmitRel32(target);
    }

    /// <summary>
    /// Calls an absolute address (a native function or an <c>[UnmanagedCallersOnly]</c> method's
    /// function pointer) through <paramref name="scratch"/>, which the call clobbers.
    /// </summary>
    public void CallAbsolute(nint target, AssemblerRegister64 scratch)
    {
        _iced.mov(scratch, (long)target);
        _iced.call(scratch);
        Flush();
    }

    /// <summary>Calls an absolute address through r11, which no convention uses for arguments.</summary>
    public void CallAbsolute(nint target) => CallAbsolute(target, r11);

    /// <summary>Jumps to an absolute address through <paramref name="scratch"/>.</summary>
    public void JumpAbsolute(nint target, AssemblerRegister64 scratch)
    {
        _iced.mov(scratch, (long)target);
        _iced.jmp(scratch);
        Flush();
    }

    /// <summary>Loads the address of <paramref name="target"/> into <paramref name="destination"/> (RIP-relative <c>lea</c>).</summary>
    public void Lea(AssemblerRegister64 destination, Label target) =>
        EmitRipRelative(Instruction.Create(Code.Lea_r64_m, destination.Value, new MemoryOperand(Register.RIP)), target);

    /// <summary>
    /// Encodes <paramref name="instruction"/>, whose memory operand must be RIP-relative, so that
    /// the operand addresses <paramref name="target"/>.
    /// </summary>
    public void EmitRipRelative(Instruction instruction, Label target)
    {
        if (!instruction.IsIPRelativeMemoryOperand)
            throw new ArgumentException($"'{instruction}' has no RIP-relative memory operand.", nameof(instruction));
        Flush();
        var start = Buffer.Length;
        // Any in-range target will do: the fixup rewrites the displacement.
        instruction.MemoryDisplacement64 = (ulong)start;
        _encoder.Encode(instruction, (ulong)start);
        var offsets = _encoder.GetConstantOffsets();
        var site = start + offsets.DisplacementOffset;
        // The displacement counts from the end of the instruction, which may be past the field.
        Buffer.AddFixup(site, target, X64Fixups.Rel32, addend: -(Buffer.Length - (site + 4)));
    }

    /// <summary>Loads a double from the constant pool into <paramref name="destination"/>.</summary>
    public void LoadConstant(AssemblerRegisterXMM destination, double value) =>
        EmitRipRelative(
            Instruction.Create(Code.Movsd_xmm_xmmm64, destination.Value, new MemoryOperand(Register.RIP)),
            Buffer.AddConstant64((ulong)BitConverter.DoubleToInt64Bits(value)));

    /// <summary>Loads a 64-bit integer into <paramref name="destination"/> with the shortest encoding.</summary>
    public void LoadConstant(AssemblerRegister64 destination, long value)
    {
        if (value == 0) _iced.xor(new AssemblerRegister32(ToRegister32(destination.Value)), new AssemblerRegister32(ToRegister32(destination.Value)));
        else if (value is > 0 and <= uint.MaxValue) _iced.mov(new AssemblerRegister32(ToRegister32(destination.Value)), (uint)value);
        else if (value is >= int.MinValue and < 0) _iced.AddInstruction(Instruction.Create(Code.Mov_rm64_imm32, destination.Value, (int)value));
        else _iced.mov(destination, value);
        Flush();
    }

    /// <summary>
    /// Emits <c>mov destination, imm64</c> with the full 8-byte immediate, named as a patch site so
    /// the value (a shape, a call target, a cell address) can be rewritten in installed code.
    /// </summary>
    public PatchSite MovPatchable(AssemblerRegister64 destination, ulong value, string siteName) =>
        EmitPatchable(Instruction.Create(Code.Mov_r64_imm64, destination.Value, value), siteName);

    /// <summary>
    /// Encodes <paramref name="instruction"/> and names its immediate as a patch site. Choose a
    /// <see cref="Code"/> with the immediate width you need (for example <c>Cmp_rm64_imm32</c>).
    /// </summary>
    public PatchSite EmitPatchable(Instruction instruction, string siteName)
    {
        Flush();
        var start = Buffer.Length;
        _encoder.Encode(instruction, (ulong)start);
        var offsets = _encoder.GetConstantOffsets();
        if (!offsets.HasImmediate)
            throw new ArgumentException($"'{instruction}' has no immediate to patch.", nameof(instruction));
        return Buffer.AddPatchSite(siteName, start + offsets.ImmediateOffset, offsets.ImmediateSize);
    }

    /// <summary>Encodes all pending instructions, places the constant pool after the code, and returns the finished code.</summary>
    public CodeBlob Finish()
    {
        Flush();
        return Buffer.Finish(Int3);
    }

    private bool TryShortBackward(Label target, int instructionLength, out sbyte distance)
    {
        distance = 0;
        if (!Buffer.IsBound(target)) return false;
        var delta = Buffer.GetOffset(target) - (Buffer.Length + instructionLength);
        if (delta < sbyte.MinValue) return false;
        distance = (sbyte)delta;
        return true;
    }

    private void EmitRel32(Label target)
    {
        var site = Buffer.Length;
        Buffer.EmitUInt32(0);
        Buffer.AddFixup(site, target, X64Fixups.Rel32);
    }

    private static Register ToRegister32(Register register) => register - Register.RAX + Register.EAX;

    private sealed class BufferWriter(CodeBuffer buffer) : CodeWriter
    {
        public override void WriteByte(byte value) => buffer.EmitByte(value);
    }
}
