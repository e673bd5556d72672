using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flywheel.Deopt;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Interpretation;

namespace Flywheel.CodeGen.Testing;

/// <summary>
/// A runtime for compiled modules shaped like the SsaIR interpreter's environment: the standard
/// host helpers (<c>$mix</c>, <c>$id</c>, <c>$sink</c>, <c>$load64</c>) as <c>[UnmanagedCallersOnly]</c>
/// methods, a bump-allocated native heap for <c>alloc</c>, and deopt and trap entries that record
/// the outcome (reading deopt values back through <see cref="Deoptimizer.Translate"/>, so frame
/// states are tested end to end). Every entry catches all exceptions: none may cross machine code.
/// One runtime serves one thread at a time.
/// </summary>
public sealed unsafe class NativeRuntime : IDisposable
{
    const int HeapSize = 1 << 20;
    const int StackBudget = 256 * 1024;

    [ThreadStatic] static NativeRuntime? current;

    readonly long* words;
    readonly byte* heap;
    long heapTop;
    readonly List<string> hostCalls = [];
    ExecutionOutcome? exit;
    Exception? failure;
    CompiledModule? running;

    /// <summary>Allocates the runtime's native memory.</summary>
    public NativeRuntime()
    {
        words = (long*)NativeMemory.AllocZeroed(16);
        heap = (byte*)NativeMemory.AlignedAlloc(HeapSize, 16);
    }

    /// <summary>The entry points to compile against.</summary>
    public static RuntimeEntryPoints EntryPoints(NativeRuntime runtime) => new()
    {
        DeoptEntry = (nint)(delegate* unmanaged<long, long, ulong*, ulong*, nint, void>)&Deopt,
        TrapEntry = (nint)(delegate* unmanaged<long, long, void>)&Trap,
        AllocateEntry = (nint)(delegate* unmanaged<long, nint>)&Allocate,
        PendingExitAddress = (nint)runtime.words,
        StackLimitAddress = (nint)(runtime.words + 1),
        ResolveHostFunction = ResolveHost,
    };

    /// <summary>Compile options wired to this runtime.</summary>
    public CodeGenOptions Options => new() { Runtime = EntryPoints(this) };

    /// <summary>The IR types of the values of the last deopt (empty when the last run did not deopt).</summary>
    public IReadOnlyList<IrType> DeoptValueTypes { get; private set; } = [];

    /// <summary>Host calls of the last run, in the interpreter's log format.</summary>
    public IReadOnlyList<string> HostCalls => hostCalls;

    static nint ResolveHost(string name) => name switch
    {
        "mix" => (nint)(delegate* unmanaged<long, long, long>)&Mix,
        "id" => (nint)(delegate* unmanaged<long, long>)&Id,
        "sink" => (nint)(delegate* unmanaged<long, void>)&Sink,
        "load64" => (nint)(delegate* unmanaged<long, long>)&Load64,
        _ => 0,
    };

    /// <summary>Runs <paramref name="function"/> with canonical arguments; the outcome reads like the interpreter's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ExecutionOutcome Run(InstalledModule installed, string function, long[] args)
    {
        long marker = 0;
        words[0] = 0;
        words[1] = (long)&marker - StackBudget;
        heapTop = 0;
        new Span<byte>(heap, HeapSize).Clear();
        hostCalls.Clear();
        exit = null;
        failure = null;
        DeoptValueTypes = [];
        running = installed.Module;
        var previous = current;
        current = this;
        long result;
        try { result = installed.Invoke(function, args); }
        finally { current = previous; }
        if (failure is not null) throw new InvalidOperationException("a runtime entry failed", failure);
        if (exit is not null) return exit;
        if (words[0] != 0) throw new InvalidOperationException("pending exit set without a trap or deopt");
        var type = installed.Module[function].ReturnType;
        return new ExecutionOutcome { Kind = OutcomeKind.Returned, Value = type == IrType.None ? null : result };
    }

    /// <summary>Frees the native memory.</summary>
    public void Dispose()
    {
        NativeMemory.Free(words);
        NativeMemory.AlignedFree(heap);
    }

    void Record(string call) => hostCalls.Add(call);

    static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    [UnmanagedCallersOnly]
    static long Mix(long a, long b)
    {
        try { current?.Record($"mix({Num(a)}, {Num(b)})"); } catch (Exception e) { Fail(e); }
        return unchecked(a * 31 + b);
    }

    [UnmanagedCallersOnly]
    static long Id(long a)
    {
        try { current?.Record($"id({Num(a)})"); } catch (Exception e) { Fail(e); }
        return a;
    }

    [UnmanagedCallersOnly]
    static void Sink(long a)
    {
        try { current?.Record($"sink({Num(a)})"); } catch (Exception e) { Fail(e); }
    }

    [UnmanagedCallersOnly]
    static long Load64(long address)
    {
        try
        {
            current?.Record("load64(ptr)");
            var rt = current;
            if (rt is null) return 0;
            long offset = address - (long)rt.heap;
            return offset >= 0 && offset <= HeapSize - 8 ? *(long*)address : 0;
        }
        catch (Exception e) { Fail(e); return 0; }
    }

    [UnmanagedCallersOnly]
    static nint Allocate(long size)
    {
        var rt = current;
        if (rt is null) return 0;
        long aligned = (size + 7) & ~7L;
        if (aligned <= 0 || rt.heapTop + aligned > HeapSize) return 0;
        var address = (nint)(rt.heap + rt.heapTop);
        rt.heapTop += aligned;
        return address;
    }

    [UnmanagedCallersOnly]
    static void Trap(long tag, long code)
    {
        try
        {
            if (current is { exit: null } rt) rt.exit = new ExecutionOutcome { Kind = OutcomeKind.Trapped, Trap = (TrapCode)code };
        }
        catch (Exception e) { Fail(e); }
    }

    [UnmanagedCallersOnly]
    static void Deopt(long tag, long site, ulong* gprs, ulong* xmms, nint framePointer)
    {
        try
        {
            if (current is not { exit: null } rt) return;
            var deoptSite = rt.running!.DeoptSites[(int)site];
            var snapshot = MachineSnapshot.FromFramePointer(new ReadOnlySpan<ulong>(gprs, 16), new ReadOnlySpan<ulong>(xmms, 16), framePointer);
            var frame = Deoptimizer.Translate(deoptSite.FrameState, snapshot, RawBits.Instance)[0];
            rt.DeoptValueTypes = deoptSite.ValueTypes;
            rt.exit = new ExecutionOutcome
            {
                Kind = OutcomeKind.Deopted,
                ResumePoint = frame.ResumeOffset,
                DeoptValues = frame.Values.Select((bits, i) => deoptSite.ValueTypes[i].Canonicalize((long)bits)).ToArray(),
            };
        }
        catch (Exception e) { Fail(e); }
    }

    static void Fail(Exception e)
    {
        if (current is { } rt) rt.failure ??= e;
    }

    /// <summary>Hands raw bits through unchanged: the IR's values are untagged.</summary>
    sealed class RawBits : IDeoptMaterializer
    {
        public static RawBits Instance { get; } = new();

        public ulong OptimizedOut => 0;

        public ulong Box(ulong bits, ValueRepresentation representation) => bits;

        public ulong AllocateObject(int typeId, int fieldCount) => throw new NotSupportedException("the IR has no captured objects");

        public void InitializeField(ulong obj, int index, ulong value) => throw new NotSupportedException("the IR has no captured objects");
    }
}
