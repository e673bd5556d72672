namespace Flywheel.X64;

/// <summary>x86 condition codes, numbered as the <c>jcc</c>/<c>setcc</c>/<c>cmovcc</c> encodings use them.</summary>
public enum Condition : byte
{
    /// <summary>Overflow (OF=1).</summary>
    Overflow = 0x0,
    /// <summary>No overflow (OF=0).</summary>
    NoOverflow = 0x1,
    /// <summary>Unsigned below (CF=1).</summary>
    Below = 0x2,
    /// <summary>Unsigned above or equal (CF=0).</summary>
    AboveOrEqual = 0x3,
    /// <summary>Equal (ZF=1).</summary>
    Equal = 0x4,
    /// <summary>Not equal (ZF=0).</summary>
    NotEqual = 0x5,
    /// <summary>Unsigned below or equal.</summary>
    BelowOrEqual = 0x6,
    /// <summary>Unsigned above.</summary>
    Above = 0x7,
    /// <summary>Sign (SF=1).</summary>
    Sign = 0x8,
    /// <summary>No sign (SF=0).</summary>
    NoSign = 0x9,
    /// <summary>Parity even (PF=1); after <c>ucomisd</c>, unordered.</summary>
    Parity = 0xA,
    /// <summary>Parity odd (PF=0); after <c>ucomisd</c>, ordered.</summary>
    NoParity = 0xB,
    /// <summary>Signed less.</summary>
    Less = 0xC,
    /// <summary>Signed greater or equal.</summary>
    GreaterOrEqual = 0xD,
    /// <summary>Signed less or equal.</summary>
    LessOrEqual = 0xE,
    /// <summary>Signed greater.</summary>
    Greater = 0xF,
}

/// <summary>Helpers on <see cref="Condition"/>.</summary>
public static class ConditionExtensions
{
    /// <summary>The condition that holds exactly when <paramref name="condition"/> does not.</summary>
    public static Condition Negate(this Condition condition) => (Condition)((byte)condition ^ 1);
}
