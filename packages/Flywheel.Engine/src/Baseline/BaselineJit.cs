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

    /// <summary>Back-edges baseline code runs between the interpreter's safepoint checks; 1 under GC stress, so collections happen where the interpreter's would.</summary>
    public int BackEdgeQuantum { get; }

    public BaselineJit(long codeSpaceLimitBytes, bool gcStress, TextWriter? printCode, bool perfMap)
    {
        memory = new ExecutableMemory(new ExecutableMemoryOptions { CodeSpaceLimit = codeSpaceLimitBytes });
        State = (BaselineState*)NativeMemory.AllocZeroed((nuint)sizeof(BaselineState));
        BackEdgeQuantum = gcStress ? 1 : 1000;
        this.printCode = printCode;
        if (perfMap) this.perfMap = new PerfMap();
    }

    /// <summary>Compile a function the first time it runs (<c>--tier=baseline</c>) rather than when the profiler finds it hot.</summary>
    public bool CompileOnFirstCall { get; init; }

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
        try
        {
            blob = BaselineCompiler.Compile(function, printCode != null, out resume);
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
        NativeMemory.Free(State);
        perfMap?.Dispose();
    }
}
