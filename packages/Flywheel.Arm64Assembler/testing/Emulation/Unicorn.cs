using System.Runtime.InteropServices;

namespace Flywheel.Arm64.Testing;

/// <summary>
/// P/Invoke declarations for the Unicorn 2 CPU emulator (Debian's <c>libunicorn2</c>). Only what
/// the ARM64 harness needs. Register ids follow unicorn/arm64.h: X0–X28 are 199–227 but X29 and
/// X30 are 1 and 2.
/// </summary>
internal static unsafe partial class Unicorn
{
    public const string Library = "libunicorn.so.2";

    public const int ArchArm64 = 2;
    public const int ModeLittleEndian = 0;
    public const uint ProtAll = 7;
    public const int HookInterrupt = 1 << 0;
    public const int HookCode = 1 << 2;

    // uc_ctl requests: UC_CTL(type, nr, rw) = type | nr << 26 | rw << 30, with rw 1 = write.
    public const uint CtlWriteCpuModel = 7u | (1u << 26) | (1u << 30);
    public const uint CtlWriteTbRemoveCache = 9u | (2u << 26) | (1u << 30);
    public const int CpuArm64Max = 3;

    public const int RegX29 = 1;
    public const int RegX30 = 2;
    public const int RegNzcv = 3;
    public const int RegSp = 4;
    public const int RegD0 = 40;
    public const int RegQ0 = 104;
    public const int RegX0 = 199;
    public const int RegPc = 260;

    public static int X(int n) => n switch { < 29 => RegX0 + n, 29 => RegX29, 30 => RegX30, _ => throw new ArgumentOutOfRangeException(nameof(n)) };

    [LibraryImport(Library)] public static partial int uc_open(int arch, int mode, out nint uc);
    [LibraryImport(Library)] public static partial int uc_close(nint uc);
    [LibraryImport(Library)] public static partial int uc_ctl(nint uc, uint control, nint argument);

    // The same variadic entry with two 64-bit arguments (begin, end), for TB cache removal.
    [LibraryImport(Library, EntryPoint = "uc_ctl")] public static partial int uc_ctl_range(nint uc, uint control, ulong begin, ulong end);
    [LibraryImport(Library)] public static partial int uc_mem_map(nint uc, ulong address, nuint size, uint perms);
    [LibraryImport(Library)] public static partial int uc_mem_map_ptr(nint uc, ulong address, nuint size, uint perms, nint pointer);
    [LibraryImport(Library)] public static partial int uc_mem_unmap(nint uc, ulong address, nuint size);
    [LibraryImport(Library)] public static partial int uc_mem_write(nint uc, ulong address, byte* bytes, nuint size);
    [LibraryImport(Library)] public static partial int uc_mem_read(nint uc, ulong address, byte* bytes, nuint size);
    [LibraryImport(Library)] public static partial int uc_reg_write(nint uc, int register, void* value);
    [LibraryImport(Library)] public static partial int uc_reg_read(nint uc, int register, void* value);
    [LibraryImport(Library)] public static partial int uc_emu_start(nint uc, ulong begin, ulong until, ulong timeout, nuint count);
    [LibraryImport(Library)] public static partial int uc_emu_stop(nint uc);
    [LibraryImport(Library)] public static partial int uc_hook_add(nint uc, out nint hook, int type, nint callback, nint userData, ulong begin, ulong end);
    [LibraryImport(Library)] public static partial int uc_hook_del(nint uc, nint hook);
    [LibraryImport(Library)] public static partial nint uc_strerror(int error);

    public static bool Exists => NativeLibrary.TryLoad(Library, out _);

    public static string Describe(int error) => Marshal.PtrToStringUTF8(uc_strerror(error)) ?? $"error {error}";
}
