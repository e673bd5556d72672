// Runs ARM64 code emitted by Flywheel.Arm64Assembler through function pointers on a real (or
// qemu-emulated) ARM64 CPU: arithmetic, a callback into [UnmanagedCallersOnly] C#, floating
// point and fjcvtzs, vectors on native memory, a patched immediate, and the emitted
// instruction-cache flush as the code heap's flush. Prints one "name=value" line per check and
// "qemu-smoke: ok" when all match; exits 1 otherwise.
using System.Runtime.InteropServices;
using Flywheel.Arm64;
using Flywheel.MachineCode;
using static Flywheel.Arm64.Registers;

if (!Arm64Host.IsArm64)
{
    Console.WriteLine($"qemu-smoke: needs an ARM64 process, this is {Arm64Host.NativeTargetName}");
    return 2;
}

var failures = 0;
void Check<T>(string name, T actual, T expected)
{
    var ok = EqualityComparer<T>.Default.Equals(actual, expected);
    Console.WriteLine($"{name}={actual}{(ok ? "" : $" (expected {expected})")}");
    if (!ok) failures++;
}

// The heap flushes with our own emitted routine, proving it on a real cache hierarchy.
var flush = Arm64InstructionCache.CreateEmitted();
var flushes = 0;
using var heap = new ExecutableMemory(new ExecutableMemoryOptions
{
    FlushInstructionCache = (address, size) => { flushes++; flush(address, size); },
});

unsafe
{
    // f(a, b) = a * b + 7
    var asm = new Arm64Assembler();
    asm.Madd(X0, X0, X1, XZR);
    asm.Add(X0, X0, 7);
    asm.Ret();
    using var mul = heap.Install(asm.Finish());
    Check("mul", ((delegate* unmanaged<long, long, long>)mul.Address)(6, 7), 49L);

    // g(x) = Helper(x + 1) + x, through a standard frame and blr to the C# callback.
    asm = new Arm64Assembler();
    var frame = new Aapcs64Frame(0, [X19]);
    frame.EmitPrologue(asm);
    asm.Mov(X19, X0);
    asm.Add(X0, X0, 1);
    asm.CallAbsolute((ulong)(delegate* unmanaged<long, long>)&Callbacks.Helper);
    asm.Add(X0, X0, X19);
    frame.EmitEpilogue(asm);
    using var call = heap.Install(asm.Finish());
    Check("callback", ((delegate* unmanaged<long, long>)call.Address)(10), 10L + (11 * 3 + 1));
    Check("callback-count", Callbacks.Calls, 1);

    // h(x, y) = sqrt(x) * y + 0.5, and the ToInt32 of it via fjcvtzs (ARMv8.3).
    asm = new Arm64Assembler();
    asm.Fsqrt(D2, D0);
    asm.Fmov(D3, 0.5);
    asm.Fmadd(D0, D2, D1, D3);
    asm.Ret();
    using var fp = heap.Install(asm.Finish());
    Check("fmadd", ((delegate* unmanaged<double, double, double>)fp.Address)(16.0, 2.5), 10.5);
    asm = new Arm64Assembler();
    asm.Fjcvtzs(W0, D0);
    asm.Ret();
    using var js = heap.Install(asm.Finish());
    Check("fjcvtzs", ((delegate* unmanaged<double, int>)js.Address)(4294967296.0 + 7.9), 7);

    // Vector: out[i] = a[i] + b[i] * c[i] for four floats in native memory.
    var data = (float*)NativeMemory.AlignedAlloc(64, 16);
    for (var i = 0; i < 12; i++) data[i] = i + 1;
    asm = new Arm64Assembler();
    asm.Ld1(V0.S4, 3, X0);
    asm.Fmla(V0.S4, V1.S4, V2.S4);
    asm.St1(V0.S4, 1, X0);
    asm.Ret();
    using var vector = heap.Install(asm.Finish());
    ((delegate* unmanaged<float*, void>)vector.Address)(data);
    Check("vector", data[3], 4f + 8f * 12f);
    NativeMemory.AlignedFree(data);

    // A patched immediate: the heap flushes after the patch, so the new value is what runs.
    asm = new Arm64Assembler();
    var site = asm.Offset;
    asm.Movz(X0, 1111);
    asm.Ret();
    asm.Buffer.AddPatchSite("value", site, 4);
    using var patched = heap.Install(asm.Finish());
    var before = ((delegate* unmanaged<long>)patched.Address)();
    var movz = new Arm64Assembler();
    movz.Movz(X0, 2222);
    patched.Patch(patched.Blob!.GetPatchSite("value"), movz.Buffer.Bytes);
    Check("patch", (before, ((delegate* unmanaged<long>)patched.Address)()), (1111L, 2222L));
}

Check("flushes>0", flushes > 0, true);
Console.WriteLine(failures == 0 ? "qemu-smoke: ok" : $"qemu-smoke: {failures} failure(s)");
return failures == 0 ? 0 : 1;

internal static class Callbacks
{
    public static int Calls;

    [UnmanagedCallersOnly]
    public static long Helper(long x)
    {
        Calls++;
        // A collection inside the callback must be harmless: JIT frames hold no managed pointers.
        GC.Collect();
        return x * 3 + 1;
    }
}
