using Flywheel.MachineCode;

namespace Flywheel.Arm64;

/// <summary>
/// An A64 assembler writing into a <see cref="CodeBuffer"/>. Every method emits one instruction
/// (or, for the documented macros such as <see cref="Mov(Register, ulong)"/>, a short fixed
/// sequence); operands are checked and a bad one throws <see cref="ArgumentException"/> before
/// anything is written. The encoder never looks at the host: ARM64 code is produced the same way
/// on x86-64, ready to list, save or run under an emulator.
/// </summary>
/// <remarks>
/// Label references become <see cref="Arm64FixupKind"/> fixups, so a branch that cannot reach its
/// target fails with a <see cref="CodeBufferException"/> naming the label. Literals go to the
/// buffer's constant pool, which is placed by <see cref="EmitLiteralPool"/>, automatically once
/// the oldest pending literal is <see cref="LiteralPoolDistance"/> bytes behind, or at
/// <see cref="Finish"/>.
/// </remarks>
public sealed partial class Arm64Assembler
{
    private int _firstLiteralUse = -1;
    private bool _placingPool;

    /// <summary>Creates an assembler over <paramref name="buffer"/>, or over a fresh buffer.</summary>
    public Arm64Assembler(CodeBuffer? buffer = null) => Buffer = buffer ?? new CodeBuffer();

    /// <summary>The buffer instructions are written to.</summary>
    public CodeBuffer Buffer { get; }

    /// <summary>The byte offset of the next instruction.</summary>
    public int Offset => Buffer.Length;

    /// <summary>
    /// How far (in bytes) code may run past the first unplaced literal before a pool is placed
    /// automatically behind a branch. Literal loads reach ±1 MiB; the default leaves room for the
    /// pool itself.
    /// </summary>
    public int LiteralPoolDistance { get; init; } = 768 << 10;

    /// <summary>Creates an unbound label.</summary>
    public Label CreateLabel() => Buffer.CreateLabel();

    /// <summary>Binds <paramref name="label"/> to the next instruction.</summary>
    public void Bind(Label label) => Buffer.Bind(label);

    /// <summary>Attaches a listing comment to the next instruction.</summary>
    public void Annotate(string text) => Buffer.Annotate(text);

    /// <summary>Emits a raw instruction word.</summary>
    public void Emit(uint instruction)
    {
        Buffer.EmitUInt32(instruction);
        if (_firstLiteralUse >= 0 && !_placingPool && Buffer.Length - _firstLiteralUse >= LiteralPoolDistance)
            EmitLiteralPool();
    }

    /// <summary>Returns a label for a 64-bit literal in the pool (shared with equal literals).</summary>
    public Label AddLiteral(ulong value)
    {
        NoteLiteralUse();
        return Buffer.AddConstant64(value);
    }

    /// <summary>Returns a label for a 32-bit literal in the pool.</summary>
    public Label AddLiteral(uint value)
    {
        NoteLiteralUse();
        return Buffer.AddConstant(BitConverter.GetBytes(value), 4);
    }

    /// <summary>Returns a label for a 128-bit literal (for <c>ldr q</c>) in the pool.</summary>
    public Label AddLiteral(ulong low, ulong high)
    {
        NoteLiteralUse();
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), low);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), high);
        return Buffer.AddConstant(bytes, 16);
    }

    /// <summary>
    /// Places every pending literal here. With <paramref name="jumpOver"/> (the default) a branch
    /// skips the pool so it can sit in the middle of straight-line code; pass
    /// <see langword="false"/> after an unconditional branch or return.
    /// </summary>
    public void EmitLiteralPool(bool jumpOver = true)
    {
        if (!Buffer.HasPendingConstants) { _firstLiteralUse = -1; return; }
        _placingPool = true;
        try
        {
            var after = CreateLabel();
            if (jumpOver) B(after);
            Buffer.EmitConstantPool(0);
            Buffer.Align(4);
            Bind(after);
        }
        finally
        {
            _placingPool = false;
            _firstLiteralUse = -1;
        }
    }

    /// <summary>Places pending literals after the code and returns the finished code.</summary>
    public CodeBlob Finish()
    {
        if (Buffer.HasPendingConstants) EmitLiteralPool(jumpOver: false);
        return Buffer.Finish(0);
    }

    private void NoteLiteralUse()
    {
        if (_firstLiteralUse < 0) _firstLiteralUse = Buffer.Length;
    }

    private void EmitWithFixup(uint instruction, Label target, Arm64FixupKind kind)
    {
        var site = Buffer.Length;
        Buffer.EmitUInt32(instruction);
        Buffer.AddFixup(site, target, kind);
        if (_firstLiteralUse >= 0 && !_placingPool && Buffer.Length - _firstLiteralUse >= LiteralPoolDistance)
            EmitLiteralPool();
    }

    private static uint Sf(bool is64) => is64 ? 1u << 31 : 0;

    private static void SameWidth(Register a, Register b, string what = "operands")
    {
        if (a.Is64Bit != b.Is64Bit) throw new ArgumentException($"The {what} must all be X or all W registers ({a}, {b}).");
    }

    private static void SameWidth(Register a, Register b, Register c) { SameWidth(a, b); SameWidth(a, c); }

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"Must be in [{min}, {max}].");
    }
}
