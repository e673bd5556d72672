using System.Runtime.InteropServices;
using Flywheel.CodeGen;

namespace Flywheel.Bench.CodeGen;

/// <summary>A minimal runtime for benchmarks: no stack limit, no pending exit, and entries that are never reached by the kernels.</summary>
static unsafe class BenchRuntime
{
    static readonly long* Words = (long*)NativeMemory.AllocZeroed(16);

    public static CodeGenOptions Options { get; } = new()
    {
        Runtime = new RuntimeEntryPoints
        {
            DeoptEntry = (nint)(delegate* unmanaged<long, long, ulong*, ulong*, nint, void>)&Deopt,
            TrapEntry = (nint)(delegate* unmanaged<long, long, void>)&Trap,
            AllocateEntry = (nint)(delegate* unmanaged<long, nint>)&Allocate,
            PendingExitAddress = (nint)Words,
            StackLimitAddress = (nint)(Words + 1),
            ResolveHostFunction = _ => 0,
        },
    };

    [UnmanagedCallersOnly]
    static void Deopt(long tag, long site, ulong* gprs, ulong* xmms, nint fp) { }

    [UnmanagedCallersOnly]
    static void Trap(long tag, long code) { }

    [UnmanagedCallersOnly]
    static nint Allocate(long size) => 0;
}
