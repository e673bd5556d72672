using System.Diagnostics;
using System.Runtime.InteropServices;
using Flywheel.MachineCode;
using Flywheel.X64;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// One engine's baseline tier: the code heap (W^X, bounded by the code-space limit), the state block
/// the code exchanges with the interpreter, and compile statistics. A function the tier cannot take
/// (no code space left, an unsupported host) stays in the interpreter; that is never a script error.
/// <para>
/// Code lives as long as its function template (<see cref="Release"/> frees it when the collector
/// releases the template) or until it is evicted: when the code space is full, the coldest code is
/// discarded to make room (<see cref="EvictColdCode"/>) and those functions run in the interpreter
/// until they are compiled again. Code is only ever freed while no machine code runs: every
/// activation of machine code is inside <see cref="Run"/>, and with none on the native stack no
/// return address or continuation points into code (the interpreter reads <c>t.Baseline</c> afresh
/// at every entry and computes the continuations then). Code released during an activation (a
/// collection run by a callback of machine code) is freed when the outermost activation ends.
/// </para>
/// </summary>
internal sealed unsafe class BaselineJit : IDisposable
{
    readonly ExecutableMemory memory;
    /// <summary>Functions that have code now.</summary>
    readonly HashSet<FunctionTemplate> compiled = [];
    /// <summary>Code released while machine code was running, freed when it stops (<see cref="Run"/>).</summary>
    readonly List<InstalledCode> pendingFrees = [];
    readonly TextWriter? printCode;
    readonly PerfMap? perfMap;
    /// <summary>Activations of machine code on the native stack (nested ones come from callbacks of machine code).</summary>
    int activeEntries;
    long compileSerial;
    /// <summary>Bytes a compile deferred during an activation needed: evicted for when the outermost activation ends.</summary>
    long evictionWanted;

    public BaselineState* State { get; }

    /// <summary>Functions compiled, bytecode bytes compiled, machine-code bytes compiled, compile time, and functions left in the interpreter (by reason).</summary>
    public int FunctionsCompiled, BytecodeBytes, CodeBytes;
    public TimeSpan CompileTime;
    public readonly Dictionary<string, int> Rejected = [];

    /// <summary>Machine-code bytes installed now, and freed so far (evicted or released with their template).</summary>
    public long LiveCodeBytes, FreedCodeBytes;

    /// <summary>
    /// Functions whose code was evicted to make room, functions whose code was freed because their
    /// template died, and compilations put off because the code space was full while machine code
    /// was running (nothing can be evicted then).
    /// </summary>
    public int Evictions, FunctionsReleased, DeferredCompiles;

    /// <summary>Functions that have code now.</summary>
    public int LiveFunctions => compiled.Count;

    /// <summary>Exits from baseline code to the interpreter, by the opcode handed over: what to compile inline next.</summary>
    public readonly long[] Exits = new long[256];

    public BaselineJit(long codeSpaceLimitBytes, TextWriter? printCode, bool perfMap)
    {
        // Chunks no larger than the limit, so a small code space still holds code (and can be evicted from).
        memory = new ExecutableMemory(new ExecutableMemoryOptions
        {
            CodeSpaceLimit = codeSpaceLimitBytes,
            ChunkSize = (int)Math.Min(new ExecutableMemoryOptions().ChunkSize, codeSpaceLimitBytes),
        });
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
        // Compiling at every call would recompile evicted code at once: when the hot code does not fit,
        // each call would evict and compile. Calls after an eviction wait, twice as long each time.
        if (function.BaselineRecompileDelay > 0 && CompileOnFirstCall)
        {
            function.BaselineRecompileDelay--;
            return;
        }
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
        var code = TryInstall(blob);
        if (code == null)
        {
            if (activeEntries > 0)
            {
                // Machine code is running (this compile comes from one of its callbacks): no code
                // may be freed now, so the function stays interpreted and is compiled again later.
                DeferredCompiles++;
                evictionWanted = Math.Max(evictionWanted, blob.Length);
                Trace?.Write($"baseline: {DisplayName(function)} stays in the interpreter for now: code space full while machine code runs\n");
                Demote(function);
                return;
            }
            EvictColdCode(blob.Length);
            code = TryInstall(blob);
            if (code == null)
            {
                // Fragmentation, or hotter code than half the space: make all the room there is.
                EvictColdCode(long.MaxValue);
                code = TryInstall(blob);
            }
            if (code == null)
            {
                Reject(function, "larger than the code space");
                return;
            }
        }
        function.Baseline = new BaselineCode(code, resume, function.CodeArray.Length - 1) { Serial = ++compileSerial, ActivityAtLastEviction = Activity(function) };
        compiled.Add(function);
        if (callEntry >= 0 || constructEntry >= 0)
            SetCallEntries(function.Index, callEntry < 0 ? 0 : code.Address + callEntry, constructEntry < 0 ? 0 : code.Address + constructEntry);
        FunctionsCompiled++;
        BytecodeBytes += function.CodeArray.Length - 1;
        CodeBytes += code.Size;
        LiveCodeBytes += code.Size;
        Realm.Heap.NoteCompiledCode(code.Size);
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

    InstalledCode? TryInstall(CodeBlob blob)
    {
        try
        {
            return memory.Install(blob);
        }
        catch (CodeSpaceExhaustedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs machine code: <c>code.Enter(fp, State, target)</c>. Every activation goes through here,
    /// so the tier knows when no machine code is on the native stack and code may be freed.
    /// </summary>
    public void Run(BaselineCode code, ulong* fp, nint target)
    {
        activeEntries++;
        code.Enter(fp, State, target);
        if (--activeEntries == 0 && (pendingFrees.Count > 0 || evictionWanted > 0)) AfterActivations();
    }

    /// <summary>No machine code runs any more: frees code released meanwhile and makes the room a deferred compile wanted.</summary>
    void AfterActivations()
    {
        foreach (var c in pendingFrees) c.Free();
        pendingFrees.Clear();
        if (evictionWanted > 0)
        {
            EvictColdCode(evictionWanted);
            evictionWanted = 0;
        }
    }

    /// <summary>
    /// Frees the code of a template the collector released: nothing can call or resume it any
    /// more, and its index (the call table's row) goes to a new template.
    /// </summary>
    public void Release(FunctionTemplate function)
    {
        if (function.Baseline == null) return;
        Discard(function);
        FunctionsReleased++;
    }

    /// <summary>
    /// Evicts the coldest code until at least <paramref name="bytesWanted"/> and half of the live
    /// code bytes are free: the functions entered least (invocations and back-edges, as the
    /// feedback vectors count them) since the last eviction, oldest first among equals. They run in
    /// the interpreter and tier up again when hot. Only called with no machine code running.
    /// </summary>
    void EvictColdCode(long bytesWanted)
    {
        if (compiled.Count == 0 || activeEntries > 0) return;
        var victims = compiled
            .Select(t => (Template: t, Activity: Activity(t) - t.Baseline!.ActivityAtLastEviction, t.Baseline.Serial))
            .OrderBy(v => v.Activity).ThenBy(v => v.Serial)
            .ToList();
        long goal = Math.Max(bytesWanted, LiveCodeBytes / 2), freed = 0;
        foreach (var (t, _, _) in victims)
        {
            if (freed >= goal) break;
            freed += t.Baseline!.Code.Size;
            Trace?.Write($"baseline: evicted {DisplayName(t)} ({t.Baseline.Code.Size} code bytes) for code space\n");
            Discard(t);
            Evictions++;
            t.BaselineEvictions++;
            t.BaselineRecompileDelay = 16 << Math.Min(t.BaselineEvictions, 10);
            Demote(t);
        }
        // The survivors' activity is counted afresh from now, so code hot long ago can age out.
        foreach (var t in compiled) t.Baseline!.ActivityAtLastEviction = Activity(t);
    }

    /// <summary>How often a function was entered and looped so far (0 when feedback is off: eviction is then oldest first).</summary>
    static long Activity(FunctionTemplate t) => t.Feedback.Invocations + t.Feedback.BackEdges;

    /// <summary>Tells the profiler a function runs in the interpreter again, so it tiers up (and is compiled) again once hot.</summary>
    void Demote(FunctionTemplate function)
    {
        if (!CompileOnFirstCall && function.Feedback.Tier != Flywheel.Profiling.ExecutionTier.Interpreter)
            function.Feedback.ReportCodeDiscarded(Flywheel.Profiling.ExecutionTier.Interpreter);
    }

    /// <summary>Takes a function's code away: calls from machine code exit again and the memory is freed (once no machine code runs).</summary>
    void Discard(FunctionTemplate function)
    {
        var code = function.Baseline!.Code;
        function.Baseline = null;
        compiled.Remove(function);
        if (function.Index < State->CallTableLength)
        {
            State->CallTable[2 * function.Index] = 0;
            State->CallTable[2 * function.Index + 1] = 0;
        }
        LiveCodeBytes -= code.Size;
        FreedCodeBytes += code.Size;
        if (activeEntries > 0) pendingFrees.Add(code);
        else code.Free();
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
        foreach (var t in compiled) t.Baseline!.Code.Free();
        compiled.Clear();
        foreach (var c in pendingFrees) c.Free();
        pendingFrees.Clear();
        memory.Dispose();
        NativeMemory.Free(State->CallTable);
        if (State->Runtime != 0) GCHandle.FromIntPtr(State->Runtime).Free();
        NativeMemory.Free(State);
        perfMap?.Dispose();
    }
}
