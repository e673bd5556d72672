using Flywheel.Arm64.Testing;
using Flywheel.MachineCode;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>Helpers shared by the emulator tests.</summary>
internal static class Emu
{
    /// <summary>An emulator, failing the test with install instructions when Unicorn is missing.</summary>
    public static Arm64Emulator Open()
    {
        Assert.True(Arm64Emulator.Exists, Arm64Emulator.MissingMessage);
        return new Arm64Emulator();
    }

    /// <summary>Assembles with <paramref name="emit"/> and loads the result.</summary>
    public static ulong Load(Arm64Emulator emulator, Action<Arm64Assembler> emit)
    {
        var asm = new Arm64Assembler();
        emit(asm);
        return emulator.Load(asm.Finish());
    }

    /// <summary>Loads a blob and returns the addresses of <paramref name="labels"/>.</summary>
    public static ulong[] Load(Arm64Emulator emulator, CodeBlob blob, IEnumerable<Label> labels)
    {
        var start = emulator.Load(blob);
        return [.. labels.Select(l => start + (ulong)blob.GetLabelOffset(l))];
    }
}
