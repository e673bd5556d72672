using System.Runtime.InteropServices;

namespace Flywheel.Arm64;

/// <summary>
/// Run-time facts about the machine this process runs on. The assembler itself never asks: it
/// produces ARM64 code on any host. Callers use this to decide whether code can be called
/// directly or must go to an emulator.
/// </summary>
public static class Arm64Host
{
    /// <summary>The architecture of the running process.</summary>
    public static Architecture ProcessArchitecture => RuntimeInformation.ProcessArchitecture;

    /// <summary>Whether ARM64 code can be called natively in this process.</summary>
    public static bool IsArm64 => RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    /// <summary>The native code target for this process: <c>arm64</c>, <c>x64</c>, or the runtime's name for anything else.</summary>
    public static string NativeTargetName => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "x64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
