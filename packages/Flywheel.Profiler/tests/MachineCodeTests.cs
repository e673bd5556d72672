using System.Runtime.InteropServices;
using static Flywheel.Profiling.Tests.Fixtures;

namespace Flywheel.Profiling.Tests;

/// <summary>
/// The layout is for machine code, so machine code checks it: hand-encoded x86-64 stubs (bytes
/// cross-checked with GNU objdump when written) run against live vectors with plain loads and
/// stores at FeedbackLayout's offsets, the way baseline code will, and the managed API must agree.
/// </summary>
public sealed unsafe class MachineCodeTests
{
    // inc qword [rdi+8] ; dec dword [rdi] ; setle al ; movzx eax, al ; ret
    private static readonly byte[] CountInvocation = [0x48, 0xFF, 0x47, 0x08, 0xFF, 0x0F, 0x0F, 0x9E, 0xC0, 0x0F, 0xB6, 0xC0, 0xC3];

    // cmp [rdi+16], rsi ; jne miss ; mov rax, [rdi+24] ; ret ; miss: mov rax, -1 ; ret
    private static readonly byte[] MonomorphicLoad = [0x48, 0x39, 0x77, 0x10, 0x75, 0x05, 0x48, 0x8B, 0x47, 0x18, 0xC3, 0x48, 0xC7, 0xC0, 0xFF, 0xFF, 0xFF, 0xFF, 0xC3];

    // mov eax, [rdi] ; or eax, esi ; cmp eax, [rdi] ; setne al ; movzx eax, al ; ret  (1 = feedback must change: call the helper)
    private static readonly byte[] TypesNeedUpdate = [0x8B, 0x07, 0x09, 0xF0, 0x3B, 0x07, 0x0F, 0x95, 0xC0, 0x0F, 0xB6, 0xC0, 0xC3];

    [Fact]
    public void Baseline_style_stubs_count_check_and_hit_at_the_documented_offsets()
    {
        Assert.True(RuntimeInformation.ProcessArchitecture == Architecture.X64 && OperatingSystem.IsLinux(),
            "This test runs hand-encoded x86-64 code through mmap; it needs Linux on x86-64.");
        var profiler = new Profiler(TieringOptions.InterpreterOnly with { BaselineInvocations = 100 });
        var vector = Register(profiler, "f", FeedbackSlotKind.BinaryOperation, FeedbackSlotKind.PropertyLoad);
        var typesSlot = vector.Address + vector.GetSlotOffset(0);
        var loadSlot = vector.Address + vector.GetSlotOffset(1);

        using var code = new NativeCode([.. CountInvocation, .. MonomorphicLoad, .. TypesNeedUpdate]);
        var count = (delegate* unmanaged<nint, int>)code.Address;
        var load = (delegate* unmanaged<nint, ulong, ulong>)(code.Address + CountInvocation.Length);
        var types = (delegate* unmanaged<nint, uint, int>)(code.Address + CountInvocation.Length + MonomorphicLoad.Length);

        var actions = new List<(int Call, TieringAction Action)>();
        for (var call = 1; call <= 150; call++)
            if (count(vector.Address) != 0) actions.Add((call, vector.OnInvocationBudgetExhausted()));
        Assert.Equal(150, vector.Invocations);
        Assert.Equal([(100, TieringAction.CompileBaseline)], actions);

        Assert.Equal(ulong.MaxValue, load(loadSlot, 0x1234));
        vector.RecordShape(1, 0x1234, 77); // the miss helper
        Assert.Equal(77UL, load(loadSlot, 0x1234));
        Assert.Equal(ulong.MaxValue, load(loadSlot, 0x4321));

        Assert.Equal(1, types(typesSlot, (uint)TypeFeedback.SmallInt));
        vector.RecordTypes(0, TypeFeedback.SmallInt); // the change helper
        Assert.Equal(0, types(typesSlot, (uint)TypeFeedback.SmallInt));
        Assert.Equal(1, types(typesSlot, (uint)TypeFeedback.Double));
    }

    [Fact]
    public void Back_edge_slow_path_does_not_count_twice()
    {
        var profiler = new Profiler(TieringOptions.InterpreterOnly with { BaselineBackEdges = 10, Budget = 4 });
        var vector = Register(profiler, "f", FeedbackSlotKind.LoopHeader);
        var header = (byte*)vector.Address;
        var loop = header + vector.GetSlotOffset(0);
        var actions = new List<(int, TieringAction)>();
        for (var i = 1; i <= 12; i++)
        {
            // What baseline code emits per back-edge: two increments and a countdown.
            (*(long*)(header + FeedbackLayout.BackEdgesOffset))++;
            (*(long*)(loop + FeedbackLayout.LoopBackEdgesOffset))++;
            if (--*(int*)(header + FeedbackLayout.BackEdgeBudgetOffset) <= 0) actions.Add((i, vector.OnBackEdgeBudgetExhausted(0)));
        }
        Assert.Equal([(4, TieringAction.None), (8, TieringAction.None), (10, TieringAction.CompileBaseline)], actions);
        Assert.Equal(12, vector.BackEdges);
        Assert.Equal(12, vector.GetLoopBackEdges(0));
        Assert.Throws<InvalidOperationException>(() => Register(profiler, "g", FeedbackSlotKind.Call).OnBackEdgeBudgetExhausted(0));
    }

    /// <summary>A page of executable memory: written while read-write, then flipped to read-execute.</summary>
    private sealed class NativeCode : IDisposable
    {
        private const int ProtRead = 1, ProtWrite = 2, ProtExec = 4, MapPrivate = 2, MapAnonymous = 0x20;
        private const nuint Size = 4096;

        public NativeCode(byte[] bytes)
        {
            Address = Mmap(0, Size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            Assert.True(Address != -1, "mmap failed");
            bytes.CopyTo(new Span<byte>((void*)Address, bytes.Length));
            Assert.Equal(0, Mprotect(Address, Size, ProtRead | ProtExec));
        }

        public nint Address { get; }

        public void Dispose() => Munmap(Address, Size);

        [DllImport("libc", EntryPoint = "mmap")]
        private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

        [DllImport("libc", EntryPoint = "mprotect")]
        private static extern int Mprotect(nint address, nuint length, int protection);

        [DllImport("libc", EntryPoint = "munmap")]
        private static extern int Munmap(nint address, nuint length);
    }
}
