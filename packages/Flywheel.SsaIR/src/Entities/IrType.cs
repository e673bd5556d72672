namespace Flywheel.SsaIR;

/// <summary>The type of an SSA value. Every value has exactly one type; there are no aggregates.</summary>
public enum IrType : byte
{
    /// <summary>No value: the result type of instructions that produce nothing.</summary>
    None,
    /// <summary>8-bit integer; also the type of comparison results (0 or 1).</summary>
    I8,
    /// <summary>16-bit integer.</summary>
    I16,
    /// <summary>32-bit integer.</summary>
    I32,
    /// <summary>64-bit integer.</summary>
    I64,
    /// <summary>IEEE 754 binary32.</summary>
    F32,
    /// <summary>IEEE 754 binary64.</summary>
    F64,
    /// <summary>A 64-bit machine address.</summary>
    Ptr,
    /// <summary>An opaque 64-bit word whose meaning the embedder defines (e.g. a NaN-boxed value); only moved, compared for identity and bit-cast.</summary>
    Tagged,
}

/// <summary>Queries on <see cref="IrType"/>.</summary>
public static class IrTypeExtensions
{
    /// <summary>Whether the type is an integer type (i8..i64). Pointers are not integers.</summary>
    public static bool IsInt(this IrType type) => type is IrType.I8 or IrType.I16 or IrType.I32 or IrType.I64;

    /// <summary>Whether the type is f32 or f64.</summary>
    public static bool IsFloat(this IrType type) => type is IrType.F32 or IrType.F64;

    /// <summary>Whether integer-like operations (iconst, compares, add of offsets) apply: integers, pointers and tagged words.</summary>
    public static bool IsIntLike(this IrType type) => type.IsInt() || type is IrType.Ptr or IrType.Tagged;

    /// <summary>The width in bits; 0 for <see cref="IrType.None"/>.</summary>
    public static int Bits(this IrType type) => type switch
    {
        IrType.I8 => 8,
        IrType.I16 => 16,
        IrType.I32 or IrType.F32 => 32,
        IrType.I64 or IrType.F64 or IrType.Ptr or IrType.Tagged => 64,
        _ => 0,
    };

    /// <summary>The width in bytes; 0 for <see cref="IrType.None"/>.</summary>
    public static int Bytes(this IrType type) => type.Bits() / 8;

    /// <summary>The text-format name: <c>i32</c>, <c>f64</c>, <c>ptr</c>, <c>tagged</c>.</summary>
    public static string Name(this IrType type) => type switch
    {
        IrType.I8 => "i8",
        IrType.I16 => "i16",
        IrType.I32 => "i32",
        IrType.I64 => "i64",
        IrType.F32 => "f32",
        IrType.F64 => "f64",
        IrType.Ptr => "ptr",
        IrType.Tagged => "tagged",
        _ => "none",
    };

    /// <summary>Parses a text-format type name.</summary>
    public static bool TryParse(string text, out IrType type)
    {
        type = text switch
        {
            "i8" => IrType.I8,
            "i16" => IrType.I16,
            "i32" => IrType.I32,
            "i64" => IrType.I64,
            "f32" => IrType.F32,
            "f64" => IrType.F64,
            "ptr" => IrType.Ptr,
            "tagged" => IrType.Tagged,
            _ => IrType.None,
        };
        return type != IrType.None;
    }

    /// <summary>
    /// Brings raw 64-bit contents into the canonical form for <paramref name="type"/>: integers and
    /// f32 bit patterns narrower than 64 bits are sign-extended from their width. Every producer of
    /// a value (interpreter, constant folder) canonicalizes, so equal values have equal bits.
    /// </summary>
    public static long Canonicalize(this IrType type, long bits) => type switch
    {
        IrType.I8 => (sbyte)bits,
        IrType.I16 => (short)bits,
        IrType.I32 or IrType.F32 => (int)bits,
        _ => bits,
    };
}
