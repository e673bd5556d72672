using System.Buffers.Binary;
using Flywheel.MachineCode;

namespace Flywheel.X64;

/// <summary>The x86-64 ways of referring to a label: signed displacements from the end of the field.</summary>
public static class X64Fixups
{
    /// <summary>An 8-bit displacement from the end of the byte (short <c>jmp</c>/<c>jcc</c>).</summary>
    public static FixupKind Rel8 { get; } = new Relative("rel8", 1);

    /// <summary>A 32-bit displacement from the end of the field (near branches, calls, RIP-relative operands).</summary>
    public static FixupKind Rel32 { get; } = new Relative("rel32", 4);

    private sealed class Relative(string name, int width) : FixupKind(name, width)
    {
        public override bool TryApply(Span<byte> site, int siteOffset, int targetOffset, long addend)
        {
            var distance = targetOffset + addend - (siteOffset + Width);
            if (Width == 1)
            {
                if (distance is < sbyte.MinValue or > sbyte.MaxValue) return false;
                site[0] = (byte)(sbyte)distance;
                return true;
            }
            if (distance is < int.MinValue or > int.MaxValue) return false;
            BinaryPrimitives.WriteInt32LittleEndian(site, (int)distance);
            return true;
        }
    }
}
