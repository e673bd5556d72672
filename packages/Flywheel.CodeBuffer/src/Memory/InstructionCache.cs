using System.Runtime.InteropServices;

namespace Flywheel.MachineCode.Memory;

/// <summary>
/// Finds the host's way to make freshly written code visible to instruction fetch. x86-64 keeps
/// its caches coherent, so nothing is needed there; ARM64 needs an explicit flush.
/// </summary>
internal static unsafe partial class InstructionCache
{
    public static Action<nint, nuint>? ForCurrentHost()
    {
        if (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86) return null;
        if (OperatingSystem.IsWindows())
            return (address, size) => FlushInstructionCache(GetCurrentProcess(), address, size);
        // GCC's runtime exports the flush that compilers use for trampolines.
        foreach (var library in new[] { "libgcc_s.so.1", "libgcc_s.1.dylib", "libSystem.B.dylib" })
        {
            if (!NativeLibrary.TryLoad(library, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "__clear_cache", out var clearCache))
            {
                var flush = (delegate* unmanaged<nint, nint, void>)clearCache;
                return (address, size) => flush(address, address + (nint)size);
            }
            if (NativeLibrary.TryGetExport(handle, "sys_icache_invalidate", out var invalidate))
            {
                var flush = (delegate* unmanaged<nint, nuint, void>)invalidate;
                return (address, size) => flush(address, size);
            }
        }
        return null;
    }

    public static bool HostNeedsFlush =>
        RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.X86);

    [LibraryImport("kernel32")]
    private static partial int FlushInstructionCache(nint process, nint address, nuint size);

    [LibraryImport("kernel32")]
    private static partial nint GetCurrentProcess();
}
