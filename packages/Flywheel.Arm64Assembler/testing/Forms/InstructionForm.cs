namespace Flywheel.Arm64.Testing;

/// <summary>
/// One random instance of an instruction form: the text GNU as should assemble to the same
/// single instruction, and the call that makes our assembler emit it.
/// </summary>
/// <param name="Form">The form's name.</param>
/// <param name="Source">GNU assembler syntax for the same instruction.</param>
/// <param name="Emit">Emits exactly one instruction (4 bytes).</param>
public sealed record Sample(string Form, string Source, Action<Arm64Assembler> Emit);

/// <summary>An instruction form (a mnemonic in one operand shape or addressing mode) with a generator of random operands.</summary>
/// <param name="Name">Unique name, such as <c>ldr x [pre]</c>.</param>
/// <param name="Generate">Makes a random instance.</param>
public sealed record InstructionForm(string Name, Func<Gen, (string Source, Action<Arm64Assembler> Emit)> Generate)
{
    /// <summary>A random instance drawn with <paramref name="random"/>.</summary>
    public Sample Sample(Random random)
    {
        var (source, emit) = Generate(new Gen(random));
        return new Sample(Name, source, emit);
    }
}

/// <summary>Random operands for instruction forms.</summary>
public sealed class Gen(Random random)
{
    /// <summary>The underlying generator.</summary>
    public Random Random { get; } = random;

    /// <summary>A random boolean.</summary>
    public bool Bool() => Random.Next(2) == 0;

    /// <summary>A random integer in [min, max].</summary>
    public int Int(int min, int max) => Random.Next(min, max + 1);

    /// <summary>A random 64-bit value with a mix of magnitudes.</summary>
    public ulong U64() => Random.Next(4) switch
    {
        0 => (ulong)Random.Next(0, 1 << 16),
        1 => ~(ulong)Random.Next(0, 1 << 16),
        _ => (ulong)Random.NextInt64() ^ ((ulong)Random.Next() << 33),
    };

    /// <summary>A general register of the given width; 31 (the zero register) only if <paramref name="zero"/>.</summary>
    public Register Reg(bool is64, bool zero = true) => is64 ? Register.FromX(Random.Next(zero ? 32 : 31)) : Register.FromW(Random.Next(zero ? 32 : 31));

    /// <summary>A register-or-SP of the given width; 31 is SP.</summary>
    public RegisterOrSp RegSp(bool is64) => Random.Next(32) is var code && code == 31 ? (is64 ? Registers.SP : Registers.WSP) : Reg(is64, zero: false);

    /// <summary>A scalar FP register of <paramref name="size"/>.</summary>
    public FpRegister Fp(FpSize size) => FpRegister.From(Random.Next(32), size);

    /// <summary>S or D, at random.</summary>
    public FpSize SOrD() => Bool() ? FpSize.S : FpSize.D;

    /// <summary>A vector register with <paramref name="arrangement"/>.</summary>
    public VRegister V(Arrangement arrangement) => VRegister.From(Random.Next(32), arrangement);

    /// <summary>4S or 2D, at random.</summary>
    public Arrangement Arr() => Bool() ? Arrangement.S4 : Arrangement.D2;

    /// <summary>Any condition.</summary>
    public Condition Cond() => (Condition)Random.Next(16);

    /// <summary>A condition other than al/nv (for aliases that invert it).</summary>
    public Condition InvertibleCond() => (Condition)Random.Next(14);

    /// <summary>One of <paramref name="items"/>.</summary>
    public T Pick<T>(params T[] items) => items[Random.Next(items.Length)];

    /// <summary>A valid bitmask immediate for <paramref name="width"/>, drawn by its encoding fields.</summary>
    public ulong Bitmask(int width)
    {
        while (true)
        {
            var n = width == 64 ? (uint)Random.Next(2) : 0;
            if (LogicalImmediate.TryDecode(n, (uint)Random.Next(width == 64 ? 64 : 32), (uint)Random.Next(64), width, out var value))
                return value;
        }
    }

    /// <summary>A word-aligned branch displacement fitting a signed field of <paramref name="bits"/> words.</summary>
    public long Displacement(int bits) => (Random.NextInt64(-(1L << (bits - 1)), 1L << (bits - 1))) * 4;

    /// <summary>GNU syntax for a location relative to the instruction.</summary>
    public static string Dot(long offset) => offset >= 0 ? $".+{offset}" : $".{offset}";
}
