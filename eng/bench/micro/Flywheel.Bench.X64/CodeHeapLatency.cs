using BenchmarkDotNet.Attributes;
using Flywheel.MachineCode;

namespace Flywheel.Bench.X64;

/// <summary>Installing a small function into the W^X code heap (two mprotects) and freeing it.</summary>
[MemoryDiagnoser]
public class CodeHeapLatency
{
    private readonly ExecutableMemory _heap = new();
    private readonly CodeBlob _blob;

    public CodeHeapLatency()
    {
        var buffer = new CodeBuffer();
        for (var i = 0; i < 200; i++) buffer.EmitByte(0x90);
        buffer.EmitByte(0xC3);
        _blob = buffer.Finish();
    }

    [Benchmark]
    public nint InstallAndFree()
    {
        var code = _heap.Install(_blob);
        var address = code.Address;
        code.Free();
        return address;
    }
}
