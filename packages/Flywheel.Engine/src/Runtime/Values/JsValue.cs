using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// A JavaScript value as one NaN-boxed 64-bit word (JavaScriptCore's encoding), so machine code can
/// hold it in a register and test its type with a mask and a compare.
/// <code>
///   0x0000_0000_0000_0000            empty (array hole, TDZ marker; never a user-visible value)
///   0x0000_xxxx_xxxx_xxx0 (≥ 0x10)   pointer to a heap cell (top 16 bits zero, 8-byte aligned)
///   0x0000_0000_0000_0002            null
///   0x0000_0000_0000_0006 / 0x07     false / true
///   0x0000_0000_0000_000A            undefined
///   0x0002_…  … 0xFFFC_…             double, stored as (IEEE bits + 2^49); NaN is canonical
///   0xFFFE_0000_xxxx_xxxx            int32
/// </code>
/// Number predicates test the top 15 bits; "is cell" is one AND with <see cref="NotCellMask"/>.
/// </summary>
internal readonly struct JsValue(ulong bits) : IEquatable<JsValue>
{
    public readonly ulong Bits = bits;

    public const ulong NumberTag = 0xFFFE_0000_0000_0000;
    public const ulong DoubleOffset = 1UL << 49;
    public const ulong OtherTag = 0x2;
    public const ulong NotCellMask = NumberTag | OtherTag;
    public const ulong NullBits = 0x02, FalseBits = 0x06, TrueBits = 0x07, UndefinedBits = 0x0A, EmptyBits = 0;
    const ulong CanonicalNaNBits = 0x7FF8_0000_0000_0000;

    public static readonly JsValue Undefined = new(UndefinedBits);
    public static readonly JsValue Null = new(NullBits);
    public static readonly JsValue True = new(TrueBits);
    public static readonly JsValue False = new(FalseBits);
    public static readonly JsValue Empty = new(EmptyBits);
    public static readonly JsValue NaN = FromDoubleRaw(double.NaN);
    public static readonly JsValue Zero = FromInt(0);

    public bool IsEmpty { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Bits == 0; }
    public bool IsUndefined { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Bits == UndefinedBits; }
    public bool IsNull { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Bits == NullBits; }
    public bool IsNullish { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Bits & ~8UL) == NullBits; }
    public bool IsBoolean { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Bits & ~1UL) == FalseBits; }
    public bool IsTrue => Bits == TrueBits;
    public bool IsInt32 { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Bits & NumberTag) == NumberTag; }
    public bool IsNumber { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Bits & NumberTag) != 0; }
    public bool IsDouble { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => IsNumber && !IsInt32; }
    /// <summary>A heap pointer (not empty, not an immediate).</summary>
    public bool IsCell { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Bits & NotCellMask) == 0 && Bits != 0; }

    public int Int32 { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (int)(uint)Bits; }
    public double Double { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => BitConverter.UInt64BitsToDouble(Bits - DoubleOffset); }
    /// <summary>The numeric value of an int32 or double.</summary>
    public double Number { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => IsInt32 ? Int32 : Double; }
    public nint Ptr { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (nint)Bits; }
    public bool Boolean => Bits == TrueBits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromInt(int i) => new(NumberTag | (uint)i);

    /// <summary>Encodes a double, normalizing integral values (except -0) to int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromNumber(double d)
    {
        int i = (int)d;
        if (i == d && (i != 0 || !double.IsNegative(d))) return FromInt(i);
        return FromDoubleRaw(d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromDoubleRaw(double d)
    {
        ulong b = BitConverter.DoubleToUInt64Bits(d);
        if (double.IsNaN(d)) b = CanonicalNaNBits;
        return new(b + DoubleOffset);
    }

    /// <summary>false or true without a branch (their encodings differ only in bit 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromBool(bool b) => new(FalseBits | (b ? 1UL : 0UL));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue FromPtr(nint p) => new((ulong)p);

    public bool Equals(JsValue other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is JsValue v && v.Bits == Bits;
    public override int GetHashCode() => Bits.GetHashCode();
    public static bool operator ==(JsValue a, JsValue b) => a.Bits == b.Bits;
    public static bool operator !=(JsValue a, JsValue b) => a.Bits != b.Bits;
    public override string ToString() => IsInt32 ? $"int({Int32})" : IsNumber ? $"double({Double})" : IsCell ? $"cell(0x{Bits:x})" : $"imm(0x{Bits:x})";
}
