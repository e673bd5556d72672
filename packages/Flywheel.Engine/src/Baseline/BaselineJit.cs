using System.Diagnostics;
using System.Runtime.InteropServices;
using Flywheel.MachineCode;
using Flywheel.X64;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// One engine's baseline tier: the code heap (W^X, bounded by the code-space limit), the state block
/// the code exchanges with the interpreter, and compile statistics. A function the tier cannot take
/// (no code space left, an unsupported host) stays in the interpreter; that is never a script error.
/// </summary>
internal sealed unsafe class BaselineJit : IDisposable
{
    readonly ExecutableMemory memory;
    readonly List<InstalledCode> installed = [];
    readonly TextWriter? printCode;
    readonly PerfMap? perfMap;

    public BaselineState* State { get; }

    /// <summary>Functions compiled, bytecode bytes compiled, machine-code bytes, compile time, and functions left in the interpreter (by reason).</summary>
    public int FunctionsCompiled, BytecodeBytes, CodeBytes;
    public TimeSpan CompileTime;
    public readonly Dictionary<string, int> Rejected = [];

    /// <summary>Exits from baseline code to the interpreter, by the opcode handed over: what to compile inline next.</summary>
    public readonly long[] Exits = new long[256];

    public BaselineJit(long codeSpaceLimitBytes, TextWriter? printCode, bool perfMap)
    {
        memory = new ExecutableMemory(new ExecutableMemoryOptions { CodeSpaceLimit = codeSpaceLimitBytes });
        State = (BaselineState*)NativeMemory.AllocZeroed((nuint)sizeof(BaselineState));
        this.printCode = printCode;
        if (perfMap) this.perfMap = new PerfMap();
    }

    /// <summary>Compile a function the first time it runs (<c>--tier=baseline</c>) rather than when the profiler finds it hot.</summary>
    public bool CompileOnFirstCall { get; init; }

    /// <summary>Whether compiled code counts invocations and call targets in the feedback vectors, as the interpreter does when feedback is on.</summary>
    public bool RecordFeedback { get; init; } = true;

    /// <summary>The realm whose functions this tier compiles: code embeds the addresses of its global object and inline-cache state.</summary>
    public required Realm Realm { get; init; }

    /// <summary>Receives one line per compiled or rejected function (<c>--trace-tiering</c>).</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Whether this process can run the tier's code (x86-64 only for now).</summary>
    public static bool IsSupported => RuntimeInformation.ProcessArchitecture == Architecture.X64;

    /// <summary>Compiles <paramref name="function"/> unless it was compiled or rejected before.</summary>
    public void Compile(FunctionTemplate function)
    {
        if (function.Baseline != null || function.BaselineRejected) return;
        var started = Stopwatch.GetTimestamp();
        CodeBlob blob;
        int[] resume;
        int callEntry, constructEntry;
        try
        {
            blob = BaselineCompiler.Compile(function, Realm, printCode != null, RecordFeedback, out resume, out callEntry, out constructEntry);
        }
        catch (CodeBufferException e)
        {
            Reject(function, "code buffer: " + e.Message);
            return;
        }
        InstalledCode code;
        try
        {
            code = memory.Install(blob);
        }
        catch (CodeSpaceExhaustedException)
        {
            Reject(function, "code space exhausted");
            return;
        }
        installed.Add(code);
        function.Baseline = new BaselineCode(code, resume, function.CodeArray.Length - 1);
        if (callEntry >= 0 || constructEntry >= 0)
            SetCallEntries(function.Index, callEntry < 0 ? 0 : code.Address + callEntry, constructEntry < 0 ? 0 : code.Address + constructEntry);
        FunctionsCompiled++;
        BytecodeBytes += function.CodeArray.Length - 1;
        CodeBytes += code.Size;
        var elapsed = Stopwatch.GetElapsedTime(started);
        CompileTime += elapsed;
        Trace?.Write($"baseline: compiled {DisplayName(function)}: {function.CodeArray.Length - 1} bytecode bytes -> {code.Size} code bytes in {elapsed.TotalMicroseconds:0} us\n");
        perfMap?.Add(code.Address, code.Size, function);
        if (printCode != null)
        {
            printCode.WriteLine($"--- baseline code for {DisplayName(function)} ({function.CodeArray.Length - 1} bytecode bytes -> {code.Size} code bytes) at 0x{code.Address:x}");
            printCode.Write(X64Listing.Format(blob));
            printCode.WriteLine();
        }
    }

    /// <summary>
    /// Makes calls and constructions from machine code of the function with template index
    /// <paramref name="index"/> go to <paramref name="callEntry"/> and <paramref name="constructEntry"/>
    /// (0: they exit). The table grows by doubling; it only changes while the interpreter runs, so
    /// machine code reading it through <see cref="State"/> never sees a freed table.
    /// </summary>
    void SetCallEntries(int index, nint callEntry, nint constructEntry)
    {
        var state = State;
        if (index >= state->CallTableLength)
        {
            int length = Math.Max(256, state->CallTableLength * 2);
            while (length <= index) length *= 2;
            var table = (nint*)NativeMemory.AllocZeroed((nuint)length * 2, (nuint)sizeof(nint));
            if (state->CallTable != null)
            {
                long bytes = 2L * state->CallTableLength * sizeof(nint);
                Buffer.MemoryCopy(state->CallTable, table, bytes, bytes);
                NativeMemory.Free(state->CallTable);
            }
            state->CallTable = table;
            state->CallTableLength = length;
        }
        state->CallTable[2 * index] = callEntry;
        state->CallTable[2 * index + 1] = constructEntry;
    }

    void Reject(FunctionTemplate function, string reason)
    {
        function.BaselineRejected = true;
        Rejected[reason] = Rejected.GetValueOrDefault(reason) + 1;
        Trace?.Write($"baseline: {DisplayName(function)} stays in the interpreter: {reason}\n");
    }

    public static string DisplayName(FunctionTemplate function) =>
        $"{(function.Name.Length == 0 ? "<anonymous>" : function.Name)} {function.SourceFile}:{function.Line}:{function.Column}";

    public void Dispose()
    {
        foreach (var code in installed) code.Free();
        installed.Clear();
        memory.Dispose();
        NativeMemory.Free(State->CallTable);
        if (State->Runtime != 0) GCHandle.FromIntPtr(State->Runtime).Free();
        NativeMemory.Free(State);
        perfMap?.Dispose();
    }
}
