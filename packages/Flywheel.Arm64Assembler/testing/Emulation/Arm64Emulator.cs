using System.Runtime.InteropServices;
using Flywheel.MachineCode;

namespace Flywheel.Arm64.Testing;

/// <summary>Unicorn refused an operation, or emulated code faulted.</summary>
public sealed class EmulatorException(string message) : Exception(message);

/// <summary>
/// Runs ARM64 machine code on any host under the Unicorn emulator (CPU model "max", so ARMv8.x
/// instructions such as <c>fjcvtzs</c> work). Code is called like a function: arguments in x0–x7
/// and d0–d7, the result from x0 or d0, a stack of its own. Host buffers can be mapped in at
/// their own addresses, so emulated code reads and writes real memory, and C# helpers are bound
/// to addresses: a call to one runs the helper with x0–x7 and returns its result in x0.
/// </summary>
/// <remarks>Not thread-safe; one emulator per test.</remarks>
public sealed unsafe class Arm64Emulator : IDisposable
{
    /// <summary>The message for a machine without Unicorn.</summary>
    public const string MissingMessage = "libunicorn.so.2 is missing: run eng/install-deps.sh as root (Debian package libunicorn2).";

    /// <summary>Where code is loaded.</summary>
    public const ulong CodeBase = 0x1000_0000;

    /// <summary>The size of the code region.</summary>
    public const ulong CodeSize = 16 << 20;

    private const ulong StackBase = 0x2000_0000;
    private const ulong StackSize = 1 << 20;
    private const ulong HelperBase = 0x3000_0000;
    private const ulong HelperSize = 0x1_0000;
    private const ulong ReturnAddress = HelperBase + HelperSize - 4;
    private const uint RetInstruction = 0xD65F03C0;

    private readonly nint _uc;
    private readonly GCHandle _self;
    private readonly nint _hook;
    private readonly nint _interruptHook;
    private readonly List<Func<ulong[], ulong>> _helpers = [];
    private ulong _codeEnd = CodeBase;
    private bool _disposed;

    /// <summary>Whether Unicorn can be loaded on this machine.</summary>
    public static bool Exists => Unicorn.Exists;

    /// <summary>Opens an emulator with code, stack and helper regions mapped.</summary>
    public Arm64Emulator()
    {
        Check(Unicorn.uc_open(Unicorn.ArchArm64, Unicorn.ModeLittleEndian, out _uc), "uc_open");
        // Must come before anything else touches the CPU: the default model lacks ARMv8.3+.
        Check(Unicorn.uc_ctl(_uc, Unicorn.CtlWriteCpuModel, Unicorn.CpuArm64Max), "uc_ctl(cpu model)");
        Check(Unicorn.uc_mem_map(_uc, CodeBase, (nuint)CodeSize, Unicorn.ProtAll), "map code");
        Check(Unicorn.uc_mem_map(_uc, StackBase, (nuint)StackSize, Unicorn.ProtAll), "map stack");
        Check(Unicorn.uc_mem_map(_uc, HelperBase, (nuint)HelperSize, Unicorn.ProtAll), "map helpers");
        // Each helper slot is a real `ret`: the hook runs the C# helper just before it executes,
        // so control goes back to the caller's x30 the architectural way.
        var rets = new uint[HelperSize / 4];
        Array.Fill(rets, RetInstruction);
        fixed (uint* p = rets) Check(Unicorn.uc_mem_write(_uc, HelperBase, (byte*)p, (nuint)HelperSize), "fill helpers");
        _self = GCHandle.Alloc(this);
        Check(Unicorn.uc_hook_add(_uc, out _hook, Unicorn.HookCode, (nint)(delegate* unmanaged<nint, ulong, uint, nint, void>)&OnCode,
            GCHandle.ToIntPtr(_self), HelperBase, ReturnAddress - 4), "hook helpers");
        // Traps (brk, udf, svc) stop at once; left alone, Unicorn takes the exception to a vector
        // table that is not there and only gives up much later.
        Check(Unicorn.uc_hook_add(_uc, out _interruptHook, Unicorn.HookInterrupt, (nint)(delegate* unmanaged<nint, uint, nint, void>)&OnInterrupt,
            GCHandle.ToIntPtr(_self), 1, 0), "hook interrupts");
    }

    /// <summary>Instructions executed by the last <see cref="Call(ulong, ulong[])"/> are not counted; this is the number of helper calls made so far.</summary>
    public long HelperCalls { get; private set; }

    /// <summary>Copies <paramref name="code"/> into the code region and returns its address.</summary>
    public ulong Load(ReadOnlySpan<byte> code)
    {
        var address = (_codeEnd + 63) & ~63UL;
        if (address + (ulong)code.Length > CodeBase + CodeSize) throw new EmulatorException("The emulator's code region is full.");
        fixed (byte* p = code) Check(Unicorn.uc_mem_write(_uc, address, p, (nuint)code.Length), "write code");
        _codeEnd = address + (ulong)code.Length;
        DropTranslations(address, (ulong)code.Length);
        return address;
    }

    /// <summary>Loads finished code, applying its relocations for the address it lands at.</summary>
    public ulong Load(CodeBlob blob)
    {
        var address = (_codeEnd + 63) & ~63UL;
        var bytes = new byte[blob.Length];
        blob.CopyTo(bytes, address);
        var loaded = Load(bytes);
        return loaded == address ? loaded : throw new EmulatorException("Code landed at an unexpected address.");
    }

    /// <summary>Overwrites code at <paramref name="address"/> (patching) and drops stale translations.</summary>
    public void Patch(ulong address, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes) Check(Unicorn.uc_mem_write(_uc, address, p, (nuint)bytes.Length), "patch code");
        DropTranslations(address, (ulong)bytes.Length);
    }

    /// <summary>
    /// Binds a C# helper to a fresh address. Emulated code calls it with <c>blr</c>; the helper
    /// receives x0–x7 and its result goes to x0.
    /// </summary>
    public ulong AddHelper(Func<ulong[], ulong> helper)
    {
        ArgumentNullException.ThrowIfNull(helper);
        var address = HelperBase + 4 * (ulong)_helpers.Count;
        if (address >= ReturnAddress) throw new EmulatorException("Too many helpers.");
        _helpers.Add(helper);
        return address;
    }

    /// <summary>
    /// Maps <paramref name="size"/> bytes of host memory at <paramref name="hostPointer"/> into the
    /// emulator at the same address, so pointers mean the same on both sides. Both must be
    /// 4 KiB-aligned; the memory must stay alive while the emulator may touch it.
    /// </summary>
    public void MapHost(nint hostPointer, nuint size)
    {
        if ((hostPointer & 0xFFF) != 0 || (size & 0xFFF) != 0) throw new ArgumentException("Host mappings must be 4 KiB-aligned.");
        Check(Unicorn.uc_mem_map_ptr(_uc, (ulong)hostPointer, size, Unicorn.ProtAll, hostPointer), "uc_mem_map_ptr");
    }

    /// <summary>Removes a mapping made by <see cref="MapHost"/>.</summary>
    public void UnmapHost(nint hostPointer, nuint size) => Check(Unicorn.uc_mem_unmap(_uc, (ulong)hostPointer, size), "uc_mem_unmap");

    /// <summary>Calls code at <paramref name="address"/> with integer arguments; returns x0.</summary>
    public ulong Call(ulong address, params ulong[] args) => Call(address, args, []).X0;

    /// <summary>Calls code with integer and floating-point arguments (raw bits for d0–d7); returns x0 and d0.</summary>
    public (ulong X0, ulong D0) Call(ulong address, ReadOnlySpan<ulong> args, ReadOnlySpan<ulong> fpArgs, ulong maxInstructions = 0)
    {
        if (args.Length > 8 || fpArgs.Length > 8) throw new ArgumentException("At most eight register arguments of each kind.");
        for (var i = 0; i < args.Length; i++) WriteX(i, args[i]);
        for (var i = 0; i < fpArgs.Length; i++) WriteD(i, fpArgs[i]);
        WriteRegister(Unicorn.RegSp, StackBase + StackSize - 64);
        WriteRegister(Unicorn.RegX30, ReturnAddress);
        Run(address, ReturnAddress, maxInstructions);
        return (ReadX(0), ReadD(0));
    }

    /// <summary>Runs from <paramref name="begin"/> until the PC reaches <paramref name="until"/>.</summary>
    /// <exception cref="EmulatorException">The code faulted, or stopped elsewhere.</exception>
    public void Run(ulong begin, ulong until, ulong maxInstructions = 0)
    {
        _pendingError = null;
        _trap = null;
        var error = Unicorn.uc_emu_start(_uc, begin, until, 0, (nuint)maxInstructions);
        if (_pendingError is not null) throw new EmulatorException("A helper threw: " + _pendingError.Message);
        if (_trap is var (number, at)) throw new EmulatorException($"Trap (exception {number}) at pc 0x{at:x}.");
        if (error != 0) throw new EmulatorException($"Emulation failed at pc 0x{ReadRegister(Unicorn.RegPc):x}: {Unicorn.Describe(error)}");
        var pc = ReadRegister(Unicorn.RegPc);
        if (maxInstructions == 0 && pc != until) throw new EmulatorException($"Emulation stopped at 0x{pc:x}, not 0x{until:x}.");
    }

    /// <summary>Reads general register x<paramref name="n"/> (0–30).</summary>
    public ulong ReadX(int n) => ReadRegister(Unicorn.X(n));

    /// <summary>Writes general register x<paramref name="n"/> (0–30).</summary>
    public void WriteX(int n, ulong value) => WriteRegister(Unicorn.X(n), value);

    /// <summary>Reads the low 64 bits of SIMD&amp;FP register <paramref name="n"/>.</summary>
    public ulong ReadD(int n) => ReadRegister(Unicorn.RegD0 + n);

    /// <summary>Writes the low 64 bits of SIMD&amp;FP register <paramref name="n"/> (upper bits become zero).</summary>
    public void WriteD(int n, ulong bits) => WriteRegister(Unicorn.RegD0 + n, bits);

    /// <summary>Reads a whole 128-bit vector register.</summary>
    public (ulong Low, ulong High) ReadQ(int n)
    {
        var value = stackalloc ulong[2];
        Check(Unicorn.uc_reg_read(_uc, Unicorn.RegQ0 + n, value), "reg read");
        return (value[0], value[1]);
    }

    /// <summary>Writes a whole 128-bit vector register.</summary>
    public void WriteQ(int n, ulong low, ulong high)
    {
        var value = stackalloc ulong[2] { low, high };
        Check(Unicorn.uc_reg_write(_uc, Unicorn.RegQ0 + n, value), "reg write");
    }

    /// <summary>The NZCV flags (bits 31–28).</summary>
    public ulong Nzcv => ReadRegister(Unicorn.RegNzcv);

    /// <summary>Reads emulator memory.</summary>
    public byte[] ReadMemory(ulong address, int length)
    {
        var bytes = new byte[length];
        fixed (byte* p = bytes) Check(Unicorn.uc_mem_read(_uc, address, p, (nuint)length), "mem read");
        return bytes;
    }

    /// <summary>Closes the emulator.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Unicorn.uc_hook_del(_uc, _hook);
        Unicorn.uc_hook_del(_uc, _interruptHook);
        Unicorn.uc_close(_uc);
        _self.Free();
    }

    private Exception? _pendingError;
    private (uint Number, ulong Pc)? _trap;

    [UnmanagedCallersOnly]
    private static void OnInterrupt(nint uc, uint number, nint userData)
    {
        var self = (Arm64Emulator)GCHandle.FromIntPtr(userData).Target!;
        // The exception is taken already: ELR_EL1 would hold the address; PC is the vector. The
        // faulting instruction is the one before the preferred return address for brk/udf.
        self._trap = (number, self.ReadRegister(Unicorn.RegPc));
        Unicorn.uc_emu_stop(uc);
    }

    // Only the blocks covering the rewritten bytes: a whole-cache flush costs seconds in Unicorn 2.0.1.
    private void DropTranslations(ulong address, ulong length) =>
        Check(Unicorn.uc_ctl_range(_uc, Unicorn.CtlWriteTbRemoveCache, address, address + length), "drop translations");

    private ulong ReadRegister(int id)
    {
        ulong value;
        Check(Unicorn.uc_reg_read(_uc, id, &value), "reg read");
        return value;
    }

    private void WriteRegister(int id, ulong value) => Check(Unicorn.uc_reg_write(_uc, id, &value), "reg write");

    private static void Check(int error, string what)
    {
        if (error != 0) throw new EmulatorException($"{what}: {Unicorn.Describe(error)}");
    }

    [UnmanagedCallersOnly]
    private static void OnCode(nint uc, ulong address, uint size, nint userData)
    {
        var self = (Arm64Emulator)GCHandle.FromIntPtr(userData).Target!;
        var index = (int)((address - HelperBase) / 4);
        if (index >= self._helpers.Count) return;
        try
        {
            var args = new ulong[8];
            for (var i = 0; i < 8; i++) args[i] = self.ReadX(i);
            self.HelperCalls++;
            self.WriteX(0, self._helpers[index](args));
        }
        catch (Exception e)
        {
            // An exception must not unwind through Unicorn's native frames: stop and rethrow later.
            self._pendingError = e;
            Unicorn.uc_emu_stop(uc);
        }
    }
}
