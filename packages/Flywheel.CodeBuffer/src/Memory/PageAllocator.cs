using System.Runtime.InteropServices;

namespace Flywheel.MachineCode.Memory;

/// <summary>The two protections code pages ever have: never writable and executable at once.</summary>
internal enum PageProtection
{
    ReadWrite,
    ReadExecute,
}

/// <summary>Maps, protects and unmaps whole pages through the operating system.</summary>
internal abstract class PageAllocator
{
    public abstract int PageSize { get; }

    /// <summary>Maps <paramref name="size"/> bytes read-write, or returns 0 when the OS refuses.</summary>
    public abstract nint Map(nuint size);

    public abstract void Protect(nint address, nuint size, PageProtection protection);

    public abstract void Unmap(nint address, nuint size);

    public static PageAllocator ForCurrentPlatform() =>
        OperatingSystem.IsWindows() ? new WindowsPageAllocator() :
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? new PosixPageAllocator() :
        throw new PlatformNotSupportedException("Executable memory needs Linux, macOS, FreeBSD or Windows.");
}

internal sealed partial class PosixPageAllocator : PageAllocator
{
    private const int ProtRead = 1, ProtWrite = 2, ProtExec = 4;
    private const int MapPrivate = 0x02;
    private static readonly int MapAnonymous = OperatingSystem.IsLinux() ? 0x20 : 0x1000;
    private static readonly nint MapFailed = -1;

    public override int PageSize { get; } = Environment.SystemPageSize;

    public override nint Map(nuint size)
    {
        var address = mmap(0, size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        return address == MapFailed ? 0 : address;
    }

    public override void Protect(nint address, nuint size, PageProtection protection)
    {
        var flags = protection == PageProtection.ReadWrite ? ProtRead | ProtWrite : ProtRead | ProtExec;
        if (mprotect(address, size, flags) != 0)
            throw new InvalidOperationException($"mprotect({address:X}, {size}, {protection}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    public override void Unmap(nint address, nuint size) => munmap(address, size);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);
}

internal sealed partial class WindowsPageAllocator : PageAllocator
{
    private const uint MemCommit = 0x1000, MemReserve = 0x2000, MemRelease = 0x8000;
    private const uint PageReadWrite = 0x04, PageExecuteRead = 0x20;

    public override int PageSize { get; } = Environment.SystemPageSize;

    public override nint Map(nuint size) => VirtualAlloc(0, size, MemCommit | MemReserve, PageReadWrite);

    public override void Protect(nint address, nuint size, PageProtection protection)
    {
        var flags = protection == PageProtection.ReadWrite ? PageReadWrite : PageExecuteRead;
        if (VirtualProtect(address, size, flags, out _) == 0)
            throw new InvalidOperationException($"VirtualProtect({address:X}, {size}, {protection}) failed with error {Marshal.GetLastPInvokeError()}.");
    }

    public override void Unmap(nint address, nuint size) => VirtualFree(address, 0, MemRelease);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial nint VirtualAlloc(nint address, nuint size, uint allocationType, uint protect);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial int VirtualProtect(nint address, nuint size, uint newProtect, out uint oldProtect);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial int VirtualFree(nint address, nuint size, uint freeType);
}
