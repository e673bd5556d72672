using System.Runtime.InteropServices;
using Flywheel.MachineCode;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64;

/// <summary>
/// Makes freshly written code visible to instruction fetch on ARM64, whose instruction and data
/// caches are not coherent: clean the data cache to the point of unification, invalidate the
/// instruction cache, and synchronize, line by line.
/// </summary>
public static class Arm64InstructionCache
{
    private static readonly Lazy<Action<nint, nuint>?> s_host = new(CreateForHost);

    /// <summary>
    /// A flush usable as <see cref="ExecutableMemoryOptions.FlushInstructionCache"/>: on an ARM64
    /// host the C runtime's <c>__clear_cache</c> when it is there, else our own routine emitted by
    /// <see cref="EmitFlushRoutine"/>; <see langword="null"/> on hosts that need no flush.
    /// </summary>
    public static Action<nint, nuint>? ForHost => s_host.Value;

    /// <summary>
    /// Emits a leaf function <c>void flush(void* start, size_t size)</c> (x0, x1) that steps
    /// through the range by the line sizes read from CTR_EL0: <c>dc cvau</c>, <c>dsb ish</c>,
    /// <c>ic ivau</c>, <c>dsb ish</c>, <c>isb</c>. Clobbers x0–x7.
    /// </summary>
    public static void EmitFlushRoutine(Arm64Assembler asm)
    {
        ArgumentNullException.ThrowIfNull(asm);
        asm.Mrs(X3, SystemRegister.CtrEl0);
        asm.Mov(X5, 4L);
        asm.Ubfx(X4, X3, 16, 4);   // DminLine: log2 of words per data line
        asm.Lsl(X4, X5, X4);
        asm.And(X6, X3, 0xF);       // IminLine
        asm.Lsl(X6, X5, X6);
        asm.Add(X1, X0, X1);
        FlushLoop(asm, CacheOperation.DcCvau, X4);
        FlushLoop(asm, CacheOperation.IcIvau, X6);
        asm.Isb();
        asm.Ret();
    }

    private static void FlushLoop(Arm64Assembler asm, CacheOperation operation, Register line)
    {
        asm.Sub(X7, line, 1);
        asm.Bic(X2, X0, X7);
        var loop = asm.CreateLabel();
        asm.Bind(loop);
        asm.CacheMaintenance(operation, X2);
        asm.Add(X2, X2, line);
        asm.Cmp(X2, X1);
        asm.B(Condition.Lo, loop);
        asm.Dsb(BarrierOption.Ish);
    }

    private static unsafe Action<nint, nuint>? CreateForHost()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.Arm64) return null;
        foreach (var library in new[] { "libgcc_s.so.1", "libgcc_s.1.dylib", "libSystem.B.dylib" })
        {
            if (NativeLibrary.TryLoad(library, out var handle) && NativeLibrary.TryGetExport(handle, "__clear_cache", out var clear))
            {
                var flush = (delegate* unmanaged<nint, nint, void>)clear;
                return (address, size) => flush(address, address + (nint)size);
            }
        }
        return CreateEmitted();
    }

    /// <summary>
    /// Installs <see cref="EmitFlushRoutine"/> in a heap of its own and returns a delegate calling
    /// it. Only meaningful on an ARM64 host.
    /// </summary>
    public static unsafe Action<nint, nuint> CreateEmitted()
    {
        var asm = new Arm64Assembler();
        EmitFlushRoutine(asm);
        // The routine cannot flush itself before it exists. Its heap is fresh, and Linux makes a
        // newly mapped page coherent the first time it becomes executable, so no flush is needed
        // for this one install.
        var heap = new ExecutableMemory(new ExecutableMemoryOptions { FlushInstructionCache = static (_, _) => { }, ChunkSize = 4096 });
        var code = heap.Install(asm.Finish());
        var routine = (delegate* unmanaged<nint, nuint, void>)code.Address;
        GC.KeepAlive(heap);
        return (address, size) => { routine(address, size); GC.KeepAlive(code); };
    }
}
