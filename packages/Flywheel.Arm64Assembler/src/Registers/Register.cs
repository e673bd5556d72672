namespace Flywheel.Arm64;

/// <summary>
/// A general-purpose register as a 64-bit X or 32-bit W view: <c>x0</c>–<c>x30</c>, <c>w0</c>–<c>w30</c>,
/// or the zero register <c>xzr</c>/<c>wzr</c>. Encoding 31 means the zero register in this type; the
/// stack pointer, which shares that encoding, is a <see cref="RegisterOrSp"/> only, so it cannot be
/// passed where the instruction would read 31 as zero.
/// </summary>
public readonly record struct Register
{
    internal Register(int code, bool is64)
    {
        if ((uint)code > 31) throw new ArgumentOutOfRangeException(nameof(code), code, "General registers are numbered 0–31 (31 = zero register).");
        Code = code;
        Is64Bit = is64;
    }

    /// <summary>The 5-bit register number (31 for the zero register).</summary>
    public int Code { get; }

    /// <summary>Whether this is the 64-bit X view.</summary>
    public bool Is64Bit { get; }

    /// <summary>Whether this is <c>xzr</c> or <c>wzr</c>.</summary>
    public bool IsZero => Code == 31;

    /// <summary>The operand width in bits, 32 or 64.</summary>
    public int Width => Is64Bit ? 64 : 32;

    /// <summary>The 64-bit view of the same register.</summary>
    public Register X => new(Code, true);

    /// <summary>The 32-bit view of the same register.</summary>
    public Register W => new(Code, false);

    /// <summary>The X register numbered <paramref name="code"/> (31 = <c>xzr</c>).</summary>
    public static Register FromX(int code) => new(code, true);

    /// <summary>The W register numbered <paramref name="code"/> (31 = <c>wzr</c>).</summary>
    public static Register FromW(int code) => new(code, false);

    /// <summary>The name objdump prints: <c>x3</c>, <c>wzr</c>.</summary>
    public override string ToString() => Code == 31 ? (Is64Bit ? "xzr" : "wzr") : $"{(Is64Bit ? 'x' : 'w')}{Code}";
}

/// <summary>
/// A general-purpose register where encoding 31 means the stack pointer: <c>sp</c>/<c>wsp</c> or
/// <c>x0</c>–<c>x30</c>. Used for base registers and the operands of add/sub (immediate and extended)
/// that accept SP. A <see cref="Register"/> converts implicitly unless it is the zero register.
/// </summary>
public readonly record struct RegisterOrSp
{
    internal RegisterOrSp(int code, bool is64)
    {
        if ((uint)code > 31) throw new ArgumentOutOfRangeException(nameof(code), code, "General registers are numbered 0–31 (31 = stack pointer).");
        Code = code;
        Is64Bit = is64;
    }

    /// <summary>The 5-bit register number (31 for the stack pointer).</summary>
    public int Code { get; }

    /// <summary>Whether this is the 64-bit view.</summary>
    public bool Is64Bit { get; }

    /// <summary>Whether this is <c>sp</c> or <c>wsp</c>.</summary>
    public bool IsSp => Code == 31;

    /// <summary>The operand width in bits, 32 or 64.</summary>
    public int Width => Is64Bit ? 64 : 32;

    /// <summary>
    /// Views a general register as one of this type. The zero register has no such view: an
    /// instruction reading encoding 31 here would use the stack pointer instead.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="register"/> is <c>xzr</c> or <c>wzr</c>.</exception>
    public static implicit operator RegisterOrSp(Register register) =>
        register.IsZero
            ? throw new ArgumentException($"{register} cannot be used here: encoding 31 means the stack pointer in this operand.", nameof(register))
            : new RegisterOrSp(register.Code, register.Is64Bit);

    /// <summary>The name objdump prints: <c>x3</c>, <c>sp</c>, <c>wsp</c>.</summary>
    public override string ToString() => Code == 31 ? (Is64Bit ? "sp" : "wsp") : $"{(Is64Bit ? 'x' : 'w')}{Code}";
}

/// <summary>The size of a scalar floating-point or SIMD register view.</summary>
public enum FpSize
{
    /// <summary>32-bit single precision (<c>s0</c>).</summary>
    S,
    /// <summary>64-bit double precision (<c>d0</c>).</summary>
    D,
    /// <summary>128-bit whole vector register (<c>q0</c>), for loads, stores and pairs.</summary>
    Q,
}

/// <summary>A scalar view of a SIMD&amp;FP register: <c>s0</c>–<c>s31</c>, <c>d0</c>–<c>d31</c>, <c>q0</c>–<c>q31</c>.</summary>
public readonly record struct FpRegister
{
    internal FpRegister(int code, FpSize size)
    {
        if ((uint)code > 31) throw new ArgumentOutOfRangeException(nameof(code), code, "SIMD&FP registers are numbered 0–31.");
        Code = code;
        Size = size;
    }

    /// <summary>The 5-bit register number.</summary>
    public int Code { get; }

    /// <summary>The view's size.</summary>
    public FpSize Size { get; }

    /// <summary>Whether this is a <c>d</c> register.</summary>
    public bool IsDouble => Size == FpSize.D;

    /// <summary>The register numbered <paramref name="code"/> viewed with <paramref name="size"/>.</summary>
    public static FpRegister From(int code, FpSize size) => new(code, size);

    /// <summary>The name objdump prints: <c>d3</c>.</summary>
    public override string ToString() => $"{char.ToLowerInvariant(Size.ToString()[0])}{Code}";
}

/// <summary>The lane arrangement of a 128-bit vector operand.</summary>
public enum Arrangement
{
    /// <summary>Four 32-bit lanes (<c>.4s</c>).</summary>
    S4,
    /// <summary>Two 64-bit lanes (<c>.2d</c>).</summary>
    D2,
}

/// <summary>A SIMD register viewed as a vector with an arrangement: <c>v0.4s</c>, <c>v7.2d</c>.</summary>
public readonly record struct VRegister
{
    internal VRegister(int code, Arrangement arrangement)
    {
        if ((uint)code > 31) throw new ArgumentOutOfRangeException(nameof(code), code, "SIMD&FP registers are numbered 0–31.");
        Code = code;
        Arrangement = arrangement;
    }

    /// <summary>The 5-bit register number.</summary>
    public int Code { get; }

    /// <summary>The lane arrangement.</summary>
    public Arrangement Arrangement { get; }

    /// <summary>The same register with four 32-bit lanes.</summary>
    public VRegister S4 => new(Code, Arrangement.S4);

    /// <summary>The same register with two 64-bit lanes.</summary>
    public VRegister D2 => new(Code, Arrangement.D2);

    /// <summary>The register numbered <paramref name="code"/> with <paramref name="arrangement"/>.</summary>
    public static VRegister From(int code, Arrangement arrangement) => new(code, arrangement);

    /// <summary>The name objdump prints: <c>v3.4s</c>.</summary>
    public override string ToString() => $"v{Code}.{(Arrangement == Arrangement.S4 ? "4s" : "2d")}";
}
