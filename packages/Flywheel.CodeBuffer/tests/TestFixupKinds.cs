using System.Buffers.Binary;
using Flywheel.MachineCode;

namespace Flywheel.MachineCode.Tests;

/// <summary>A 32-bit displacement from the end of the field, as x86-64 branches use.</summary>
internal sealed class Rel32 : FixupKind
{
    public static readonly Rel32 Instance = new();

    private Rel32() : base("rel32", 4) { }

    public override bool TryApply(Span<byte> site, int siteOffset, int targetOffset, long addend)
    {
        var distance = targetOffset + addend - (siteOffset + 4);
        if (distance is < int.MinValue or > int.MaxValue) return false;
        BinaryPrimitives.WriteInt32LittleEndian(site, (int)distance);
        return true;
    }
}

/// <summary>An 8-bit displacement, to exercise range failures.</summary>
internal sealed class Rel8 : FixupKind
{
    public static readonly Rel8 Instance = new();

    private Rel8() : base("rel8", 1) { }

    public override bool TryApply(Span<byte> site, int siteOffset, int targetOffset, long addend)
    {
        var distance = targetOffset + addend - (siteOffset + 1);
        if (distance is < sbyte.MinValue or > sbyte.MaxValue) return false;
        site[0] = (byte)(sbyte)distance;
        return true;
    }
}
