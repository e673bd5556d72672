namespace Flywheel.Arm64;

/// <summary>How a <see cref="Mem"/> operand forms its address.</summary>
public enum AddressingMode
{
    /// <summary><c>[base, #offset]</c>: base plus an immediate, base unchanged.</summary>
    Offset,
    /// <summary><c>[base, #offset]!</c>: base += offset, then access.</summary>
    PreIndex,
    /// <summary><c>[base], #offset</c>: access, then base += offset.</summary>
    PostIndex,
    /// <summary><c>[base, index{, extend #amount}]</c>: base plus an extended, optionally scaled, register.</summary>
    RegisterOffset,
}

/// <summary>
/// A memory operand for loads and stores. Built by <see cref="At"/>, <see cref="PreIndex"/>,
/// <see cref="PostIndex"/> and <see cref="Indexed"/>; the instruction decides whether its
/// immediate fits a scaled, unscaled or pair encoding.
/// </summary>
public readonly record struct Mem
{
    private Mem(RegisterOrSp @base, long offset, AddressingMode mode, Register index, IndexExtend extend, bool scaled)
    {
        if (!@base.Is64Bit) throw new ArgumentException("A base register must be 64-bit.", nameof(@base));
        Base = @base;
        Offset = offset;
        Mode = mode;
        Index = index;
        Extend = extend;
        Scaled = scaled;
    }

    /// <summary>The base register.</summary>
    public RegisterOrSp Base { get; }

    /// <summary>The immediate offset (not used by <see cref="AddressingMode.RegisterOffset"/>).</summary>
    public long Offset { get; }

    /// <summary>How the address is formed.</summary>
    public AddressingMode Mode { get; }

    /// <summary>The index register of <see cref="AddressingMode.RegisterOffset"/>.</summary>
    public Register Index { get; }

    /// <summary>How the index register is extended.</summary>
    public IndexExtend Extend { get; }

    /// <summary>Whether the index is shifted left by log2 of the access size.</summary>
    public bool Scaled { get; }

    /// <summary><c>[base, #offset]</c>.</summary>
    public static Mem At(RegisterOrSp @base, long offset = 0) => new(@base, offset, AddressingMode.Offset, default, IndexExtend.Lsl, false);

    /// <summary><c>[base, #offset]!</c>: the base is updated before the access.</summary>
    public static Mem PreIndex(RegisterOrSp @base, long offset) => new(@base, offset, AddressingMode.PreIndex, default, IndexExtend.Lsl, false);

    /// <summary><c>[base], #offset</c>: the base is updated after the access.</summary>
    public static Mem PostIndex(RegisterOrSp @base, long offset) => new(@base, offset, AddressingMode.PostIndex, default, IndexExtend.Lsl, false);

    /// <summary>
    /// <c>[base, index{, extend #log2(size)}]</c>. The index must be an X register for
    /// <see cref="IndexExtend.Lsl"/>/<see cref="IndexExtend.Sxtx"/> and a W register for the others.
    /// </summary>
    public static Mem Indexed(RegisterOrSp @base, Register index, IndexExtend extend = IndexExtend.Lsl, bool scaled = false)
    {
        var wantsX = extend is IndexExtend.Lsl or IndexExtend.Sxtx;
        if (index.Is64Bit != wantsX)
            throw new ArgumentException($"{extend} needs a{(wantsX ? "n X" : " W")} index register, not {index}.", nameof(index));
        return new Mem(@base, 0, AddressingMode.RegisterOffset, index, extend, scaled);
    }
}
