using System.Reflection;

namespace Flywheel.Engine;

/// <summary>
/// A JavaScript engine instance: one realm with its own heap, global object and limits.
/// <code>
/// using var engine = new JsEngine();
/// engine.SetValue("add", (Func&lt;double, double, double&gt;)((a, b) =&gt; a + b));
/// double x = engine.Evaluate("add(1, 2) * 2").AsNumber(); // 6
/// </code>
/// Not thread-safe: use an engine from one thread at a time.
/// </summary>
public sealed unsafe class JsEngine : IDisposable
{
    readonly Runtime.Realm realm;
    readonly List<Runtime.JsValue> apiRoots;
    bool disposed;
    readonly long createdTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Creates an engine with default options.</summary>
    public JsEngine() : this(new JsEngineOptions()) { }

    /// <summary>Creates an engine.</summary>
    public JsEngine(JsEngineOptions options)
    {
        Options = options;
        var lim = new Runtime.EngineLimits
        {
            MaxHeapBytes = options.Limits.MaxHeapBytes,
            StackBytes = options.Limits.StackSizeBytes,
            MaxCallDepth = options.Limits.MaxCallDepth,
            MaxStatements = options.Limits.MaxStatements,
            TimeLimit = options.Limits.TimeLimit,
            Cancellation = options.Limits.CancellationToken,
            GcStress = options.Debug.GcStress,
            RecordFeedback = options.Profiling.Feedback,
            InlineCaches = options.Profiling.InlineCaches,
            Tiering = AvailableTiers(options),
        };
        if (options.Debug.RandomSeed is int seed) lim.RandomSeed = seed;
        realm = new Runtime.Realm(lim);
        realm.Gc.Stress = options.Debug.GcStress;
        if (options.Jit.Mode != TieringMode.Interpreter && Baseline.BaselineJit.IsSupported)
        {
            var jit = new Baseline.BaselineJit(options.Jit.CodeSpaceLimitBytes, options.Jit.PrintCode, options.Jit.PerfMap)
            {
                Realm = realm,
                CompileOnFirstCall = options.Jit.Mode == TieringMode.Baseline,
                RecordFeedback = options.Profiling.Feedback,
                Trace = options.Profiling.TraceTiering,
            };
            realm.Interp.Jit = jit;
            // The profiler decides when a function is hot; compiled code is entered at the next
            // function entry, loop back-edge or instruction boundary the interpreter reaches.
            realm.Profiling.TierUp = (function, action) =>
            {
                if (action != Flywheel.Profiling.TieringAction.None) jit.Compile(function);
            };
        }
        if (options.Output != null) realm.Out = options.Output;
        if (options.Error != null) realm.Err = options.Error;
        apiRoots = realm.PermanentRoots;
        Profiler = new EngineProfiler(realm.Profiling);
        if (options.Profiling.TraceTiering is { } tiering) realm.Profiling.Profiler.TieringDecided += e => tiering.Write(e + "\n");
        realm.Profiling.TraceInlineCaches = options.Profiling.TraceInlineCaches;
        if (options.Profiling.SampleInterval is { } interval) Profiler.StartSampling(interval);
    }

    /// <summary>
    /// The profiler's thresholds limited to the tiers this engine has: it decides only what the engine
    /// carries out, so traces, events and saved profiles name the tier a function actually runs in
    /// (a warm profile whose functions reached optimized code elsewhere brings them to baseline code
    /// here). There is no optimizing tier yet, and in the interpreter mode (or on a host without the
    /// baseline JIT) no machine-code tier at all.
    /// </summary>
    static Flywheel.Profiling.TieringOptions AvailableTiers(JsEngineOptions options)
    {
        const long never = Flywheel.Profiling.TieringOptions.Never;
        var tiering = options.Profiling.Tiering ?? new Flywheel.Profiling.TieringOptions();
        tiering = tiering with { OptimizeInvocations = never, OptimizeBackEdges = never, OsrBackEdges = never };
        if (options.Jit.Mode == TieringMode.Interpreter || !Baseline.BaselineJit.IsSupported)
            tiering = tiering with { BaselineInvocations = never, BaselineBackEdges = never };
        return tiering;
    }

    /// <summary>Feedback, tiering decisions, saved profiles, reports and CPU samples of this engine's functions.</summary>
    public EngineProfiler Profiler { get; }

    /// <summary>The realm behind this engine (tests inspect heap internals through it).</summary>
    internal Runtime.Realm Realm => realm;

    /// <summary>The options this engine was created with.</summary>
    public JsEngineOptions Options { get; }

    /// <summary>Runs a script for its effects.</summary>
    public void Execute(string source, string? fileName = null) => Run(() => realm.Evaluate(source, fileName ?? "<script>"));

    /// <summary>Runs a script and returns its completion value (the value of its last expression statement).</summary>
    public ScriptValue Evaluate(string source, string? fileName = null) => Wrap(Run(() => realm.Evaluate(source, fileName ?? "<script>")));

    /// <summary>Sets a global variable to a .NET value: null, bool, numbers, string, a delegate (callable from scripts) or a <see cref="ScriptValue"/>.</summary>
    public JsEngine SetValue(string name, object? value)
    {
        var v = FromClr(value);
        realm.DefineData(realm.GlobalObject, realm.Key(name), v, Runtime.PropFlags.Writable | Runtime.PropFlags.Enumerable | Runtime.PropFlags.Configurable);
        return this;
    }

    /// <summary>Reads a global variable (global lexical bindings included).</summary>
    public ScriptValue GetValue(string name)
    {
        if (realm.TryGetGlobalLexical(name, out var lex)) return Wrap(lex.IsEmpty ? Runtime.JsValue.Undefined : lex);
        return Wrap(Run(() => realm.Get(Runtime.JsValue.FromPtr(realm.GlobalObject), name)));
    }

    /// <summary>Calls a global function by name.</summary>
    public ScriptValue Invoke(string functionName, params object?[] args) => Invoke(GetValue(functionName), args);

    /// <summary>Calls a JavaScript function value with .NET arguments (converted as by <see cref="SetValue"/>).</summary>
    public ScriptValue Invoke(ScriptValue function, params object?[] args)
    {
        if (!Runtime.Realm.IsCallable(function.Raw)) throw new JsEngineException($"The value is a {function.Type}, not a function.");
        return Wrap(Run(() =>
        {
            var jsArgs = args.Select(FromClr).ToArray();
            return realm.Interp.Call(function.Raw, Runtime.JsValue.Undefined, jsArgs);
        }));
    }

    /// <summary>Compiles a script without running it and returns its disassembled bytecode.</summary>
    public string Disassemble(string source, string? fileName = null)
    {
        FunctionTemplate? template = null;
        Run(() => { template = realm.Compile(source, fileName ?? "<script>"); return Runtime.JsValue.Undefined; });
        return Bytecode.Disassembler.Print(template!, realm);
    }

    /// <summary>Runs a full garbage collection now.</summary>
    public void CollectGarbage() => realm.Gc.Collect();

    /// <summary>Heap, GC and compiler counters.</summary>
    public EngineStatistics GetStatistics()
    {
        realm.Heap.NotePeak();
        double seconds = (System.Diagnostics.Stopwatch.GetTimestamp() - createdTimestamp) / (double)System.Diagnostics.Stopwatch.Frequency;
        long allocated = realm.Heap.TotalAllocatedBytes;
        var gc = realm.Gc;
        return new()
        {
            ElapsedMs = seconds * 1000,
            AllocatedBytes = allocated,
            AllocationRateBytesPerSecond = seconds > 0 ? allocated / seconds : 0,
            PeakHeapBytes = realm.Heap.PeakBytes,
            GcMeanPauseMs = gc.Collections > 0 ? gc.TotalPauseMs / gc.Collections : 0,
            GcP50PauseMs = gc.PausePercentile(50),
            GcP99PauseMs = gc.PausePercentile(99),
            HeapBytes = realm.Heap.TotalBytes,
            HeapReservedBytes = realm.Heap.ChunkBytesReserved,
            GcCount = realm.Gc.Collections,
            GcTotalPauseMs = realm.Gc.TotalPauseMs,
            GcMaxPauseMs = realm.Gc.MaxPauseMs,
            GcMarkMs = realm.Gc.MarkMs,
            GcMarkedCells = realm.Gc.MarkedCells,
            BytecodeBytes = realm.BytecodeBytes,
            FunctionsCompiled = realm.Interp.FunctionsCompiled,
            LiveFunctions = realm.Templates.LiveCount,
            FunctionsReleased = realm.Templates.ReleasedCount,
            Shapes = realm.Shapes.Count,
            BaselineFunctionsCompiled = realm.Interp.Jit?.FunctionsCompiled ?? 0,
            BaselineFunctionsRejected = realm.Interp.Jit?.Rejected.Values.Sum() ?? 0,
            BaselineBytecodeBytes = realm.Interp.Jit?.BytecodeBytes ?? 0,
            BaselineCodeBytes = realm.Interp.Jit?.CodeBytes ?? 0,
            BaselineLiveCodeBytes = realm.Interp.Jit?.LiveCodeBytes ?? 0,
            BaselineFreedCodeBytes = realm.Interp.Jit?.FreedCodeBytes ?? 0,
            BaselineLiveFunctions = realm.Interp.Jit?.LiveFunctions ?? 0,
            BaselineEvictions = realm.Interp.Jit?.Evictions ?? 0,
            BaselineFunctionsReleased = realm.Interp.Jit?.FunctionsReleased ?? 0,
            BaselineDeferredCompiles = realm.Interp.Jit?.DeferredCompiles ?? 0,
            BaselineCompileMs = realm.Interp.Jit?.CompileTime.TotalMilliseconds ?? 0,
            BaselineExits = realm.Interp.Jit is { } jit ? ByOpcode(jit.Exits) : new Dictionary<string, long>(),
            BaselineSlowPaths = realm.Interp.Jit != null ? ByOpcode(realm.Interp.MachineCodeSteps) : new Dictionary<string, long>(),
            BaselineAllocationStubCalls = realm.Interp.Jit != null ? ByOpcode(realm.Interp.AllocationStubCalls) : new Dictionary<string, long>(),
            BaselineStringStubCalls = realm.Interp.Jit != null ? ByOpcode(realm.Interp.StringStubCalls) : new Dictionary<string, long>(),
            BaselineNativeCalls = realm.Interp.MachineCodeNativeCalls,
        };
    }

    static Dictionary<string, long> ByOpcode(long[] counts) =>
        Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).OrderByDescending(i => counts[i])
            .ToDictionary(i => ((Bytecode.Opcode)i).ToString(), i => counts[i]);

    Runtime.JsValue Run(Func<Runtime.JsValue> body)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var interp = realm.Interp;
        ulong* top = realm.Stack.Top;
        bool outermost = interp.Depth == 0;
        var savedDeadline = interp.Deadline;
        if (outermost)
        {
            interp.Statements = 0;
            interp.Deadline = Options.Limits.TimeLimit > TimeSpan.Zero ? DateTime.UtcNow + Options.Limits.TimeLimit : DateTime.MaxValue;
        }
        try
        {
            var result = body();
            if (outermost) realm.KeptAlive.Clear(); // ClearKeptObjects: the script or call is over
            if (outermost && realm.HasPendingWork)
            {
                using var hs = new Runtime.HandleScope(realm);
                hs.Add(result);
                realm.RunEventLoop();
            }
            return result;
        }
        catch (Runtime.JsThrow e)
        {
            realm.PendingException = Runtime.JsValue.Undefined;
            if (outermost) interp.ResetAfterAbort(top);
            throw ToHostException(e.Value);
        }
        catch (JsEngineException)
        {
            if (outermost) interp.ResetAfterAbort(top);
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or ArgumentException or KeyNotFoundException or OverflowException or InsufficientExecutionStackException or OutOfMemoryException or FormatException)
        {
            if (outermost) interp.ResetAfterAbort(top);
            throw new JsEngineException("Internal engine error: " + e.Message, e);
        }
        finally
        {
            if (outermost) { interp.Deadline = savedDeadline; realm.KeptAlive.Clear(); }
        }
    }

    JavaScriptException ToHostException(Runtime.JsValue v)
    {
        string name = "Error", message, stack;
        if (Runtime.Realm.IsObject(v) && Runtime.Layout.Class(v.Ptr) == Runtime.ObjClass.Error)
        {
            name = SafeString(() => realm.ToClrString(realm.Get(v, realm.KName)));
            message = SafeString(() => realm.ToClrString(realm.Get(v, realm.KMessage)));
            stack = SafeString(() => realm.ToClrString(realm.Get(v, realm.KStack)));
        }
        else
        {
            name = "";
            message = Describe(v);
            stack = message;
        }
        return new JavaScriptException(name, message, stack, Wrap(v));
    }

    static string SafeString(Func<string> f)
    {
        try { return f(); } catch (Runtime.JsThrow) { return ""; }
    }

    internal string Describe(Runtime.JsValue v)
    {
        try { return Builtins.Inspector.Inspect(realm, v); }
        catch (Runtime.JsThrow) { return "<error>"; }
    }

    ScriptValue Wrap(Runtime.JsValue v)
    {
        if (v.IsUndefined || v.IsEmpty) return ScriptValue.Undefined;
        if (v.IsNull) return new ScriptValue(this, v, ScriptValueType.Null, null);
        if (v.IsBoolean) return new ScriptValue(this, v, ScriptValueType.Boolean, v.IsTrue ? "true" : "false");
        if (v.IsNumber) return new ScriptValue(this, v, ScriptValueType.Number, Runtime.NumberConversion.ToString(v.Number));
        if (Runtime.Realm.IsString(v)) return new ScriptValue(this, v, ScriptValueType.String, Runtime.Realm.ToClr(v));
        apiRoots.Add(v);
        if (Runtime.Realm.IsSymbol(v)) return new ScriptValue(this, v, ScriptValueType.Symbol, null);
        var type = Runtime.Realm.IsCallable(v) ? ScriptValueType.Function : Runtime.Realm.IsArray(v) ? ScriptValueType.Array : ScriptValueType.Object;
        return new ScriptValue(this, v, type, null);
    }

    internal object? ToClr(Runtime.JsValue v, int depth)
    {
        if (v.IsUndefined || v.IsNull || v.IsEmpty) return null;
        if (v.IsBoolean) return v.IsTrue;
        if (v.IsNumber) return v.Number;
        if (Runtime.Realm.IsString(v)) return Runtime.Realm.ToClr(v);
        if (depth > 32 || Runtime.Realm.IsSymbol(v) || Runtime.Realm.IsCallable(v)) return Wrap(v);
        if (Runtime.Realm.IsArray(v))
        {
            uint n = Runtime.Realm.ArrayLength(v.Ptr);
            var arr = new object?[n];
            for (uint i = 0; i < n; i++) arr[i] = ToClr(realm.Get(v, Runtime.PropKey.FromIndex(i)), depth + 1);
            return arr;
        }
        var dict = new Dictionary<string, object?>();
        foreach (var k in realm.OwnKeys(v.Ptr, true, false))
            if (realm.GetOwnRaw(v.Ptr, k, out _, out var f) && (f & Runtime.PropFlags.Enumerable) != 0)
                dict[realm.KeyToClr(k)] = ToClr(realm.Get(v, k), depth + 1);
        return dict;
    }

    Runtime.JsValue FromClr(object? value) => value switch
    {
        null => Runtime.JsValue.Null,
        ScriptValue sv => sv.Raw,
        bool b => Runtime.JsValue.FromBool(b),
        string s => realm.Str(s),
        char c => realm.Str(c.ToString()),
        int i => Runtime.JsValue.FromInt(i),
        double d => Runtime.JsValue.FromNumber(d),
        float f => Runtime.JsValue.FromNumber(f),
        long l => Runtime.JsValue.FromNumber(l),
        uint u => Runtime.JsValue.FromNumber(u),
        short s16 => Runtime.JsValue.FromInt(s16),
        byte b8 => Runtime.JsValue.FromInt(b8),
        decimal m => Runtime.JsValue.FromNumber((double)m),
        Delegate del => WrapDelegate(del),
        System.Collections.IEnumerable seq => ArrayFromEnumerable(seq),
        _ => realm.Str(value.ToString() ?? ""),
    };

    Runtime.JsValue ArrayFromEnumerable(System.Collections.IEnumerable seq)
    {
        var items = new List<Runtime.JsValue>();
        foreach (var o in seq) items.Add(FromClr(o));
        return Runtime.JsValue.FromPtr(realm.NewArrayFrom(items.ToArray()));
    }

    Runtime.JsValue WrapDelegate(Delegate del)
    {
        var ps = del.Method.GetParameters();
        string name = del.Method.Name;
        nint f = realm.NewNative(name.Contains('<') ? "" : name, ps.Length, (Runtime.Realm r, in Runtime.CallArgs a) =>
        {
            var args = new object?[ps.Length];
            for (int i = 0; i < ps.Length; i++) args[i] = ConvertArg(a[i], ps[i].ParameterType);
            object? result;
            try { result = del.DynamicInvoke(args); }
            catch (TargetInvocationException e) when (e.InnerException is not JsEngineException)
            {
                throw new Runtime.JsThrow(r.MakeError(Runtime.ErrorKind.Error, e.InnerException?.Message ?? e.Message));
            }
            return del.Method.ReturnType == typeof(void) ? Runtime.JsValue.Undefined : FromClr(result);
        });
        return Runtime.JsValue.FromPtr(f);
    }

    object? ConvertArg(Runtime.JsValue v, Type t)
    {
        if (t == typeof(ScriptValue)) return Wrap(v);
        if (t == typeof(string)) return v.IsUndefined || v.IsNull ? null : realm.ToClrString(v);
        if (t == typeof(double)) return realm.ToNumber(v);
        if (t == typeof(float)) return (float)realm.ToNumber(v);
        if (t == typeof(int)) return realm.ToInt32(v);
        if (t == typeof(long)) return (long)realm.ToNumber(v);
        if (t == typeof(bool)) return Runtime.Realm.ToBoolean(v);
        if (t == typeof(object)) return ToClr(v, 0);
        return ToClr(v, 0);
    }

    /// <summary>Releases the engine's unmanaged heap and stack.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        realm.Dispose();
    }
}

/// <summary>Counters reported by <see cref="JsEngine.GetStatistics"/> (and <c>flywheel --stats</c>).</summary>
public sealed record EngineStatistics
{
    /// <summary>Bytes of live cells and owned buffers.</summary>
    public long HeapBytes { get; init; }
    /// <summary>Largest heap size (bytes of cells and buffers, live or garbage) seen: sampled when a collection starts and when statistics are read.</summary>
    public long PeakHeapBytes { get; init; }
    /// <summary>Bytes allocated since the engine was created (cells and buffers, however short-lived).</summary>
    public long AllocatedBytes { get; init; }
    /// <summary><see cref="AllocatedBytes"/> per second of the engine's lifetime.</summary>
    public double AllocationRateBytesPerSecond { get; init; }
    /// <summary>Milliseconds since the engine was created.</summary>
    public double ElapsedMs { get; init; }
    /// <summary>Mean GC pause in milliseconds.</summary>
    public double GcMeanPauseMs { get; init; }
    /// <summary>Median GC pause in milliseconds.</summary>
    public double GcP50PauseMs { get; init; }
    /// <summary>99th-percentile GC pause in milliseconds.</summary>
    public double GcP99PauseMs { get; init; }
    /// <summary>Bytes of heap chunks reserved from the OS.</summary>
    public long HeapReservedBytes { get; init; }
    /// <summary>Garbage collections so far.</summary>
    public int GcCount { get; init; }
    /// <summary>Sum of GC pauses in milliseconds.</summary>
    public double GcTotalPauseMs { get; init; }
    /// <summary>Time spent marking, in milliseconds (the rest of the pause is sweeping).</summary>
    public double GcMarkMs { get; init; }
    /// <summary>Cells marked over all collections.</summary>
    public long GcMarkedCells { get; init; }
    /// <summary>Longest GC pause in milliseconds.</summary>
    public double GcMaxPauseMs { get; init; }
    /// <summary>Bytes of bytecode compiled.</summary>
    public long BytecodeBytes { get; init; }
    /// <summary>Functions compiled to bytecode.</summary>
    public long FunctionsCompiled { get; init; }
    /// <summary>Compiled functions (templates) alive now: the collector frees those no function object, frame or job refers to.</summary>
    public int LiveFunctions { get; init; }
    /// <summary>Compiled functions (templates) the collector has freed, with their feedback and baseline code.</summary>
    public long FunctionsReleased { get; init; }
    /// <summary>Live hidden classes.</summary>
    public int Shapes { get; init; }
    /// <summary>Functions compiled by the baseline JIT.</summary>
    public int BaselineFunctionsCompiled { get; init; }
    /// <summary>Functions the baseline JIT left in the interpreter for good (larger than the whole code space).</summary>
    public int BaselineFunctionsRejected { get; init; }
    /// <summary>Bytes of bytecode the baseline JIT compiled.</summary>
    public long BaselineBytecodeBytes { get; init; }
    /// <summary>Bytes of baseline machine code compiled (live or freed since).</summary>
    public long BaselineCodeBytes { get; init; }
    /// <summary>Bytes of baseline machine code installed now.</summary>
    public long BaselineLiveCodeBytes { get; init; }
    /// <summary>Bytes of baseline machine code freed: evicted, or freed with a collected function.</summary>
    public long BaselineFreedCodeBytes { get; init; }
    /// <summary>Functions that have baseline code now.</summary>
    public int BaselineLiveFunctions { get; init; }
    /// <summary>Functions whose code was evicted to make room in the code space (they run in the interpreter until compiled again).</summary>
    public int BaselineEvictions { get; init; }
    /// <summary>Functions whose baseline code was freed because the collector freed the function.</summary>
    public int BaselineFunctionsReleased { get; init; }
    /// <summary>Compilations put off because the code space was full while machine code was running (nothing can be evicted then).</summary>
    public int BaselineDeferredCompiles { get; init; }
    /// <summary>Time spent compiling baseline code, in milliseconds.</summary>
    public double BaselineCompileMs { get; init; }
    /// <summary>Exits from baseline code to the interpreter by the bytecode instruction handed over, most frequent first.</summary>
    public IReadOnlyDictionary<string, long> BaselineExits { get; init; } = new Dictionary<string, long>();
    /// <summary>
    /// Instructions baseline code handed to the interpreter without exiting (run on its behalf, then
    /// continued in machine code), by instruction, most frequent first: what to compile inline next.
    /// </summary>
    public IReadOnlyDictionary<string, long> BaselineSlowPaths { get; init; } = new Dictionary<string, long>();
    /// <summary>
    /// Allocating instructions baseline code could not finish inline and had the allocation stub run
    /// (closures, a literal's first property, growing elements, a new heap chunk), by instruction.
    /// </summary>
    public IReadOnlyDictionary<string, long> BaselineAllocationStubCalls { get; init; } = new Dictionary<string, long>();
    /// <summary>
    /// Concatenations (<c>Add</c>) and template-literal conversions (<c>ToStringOp</c>) baseline code
    /// had the string stub make (a number converted to a string, a short result when the inline
    /// allocation defers to the heap), by instruction.
    /// </summary>
    public IReadOnlyDictionary<string, long> BaselineStringStubCalls { get; init; } = new Dictionary<string, long>();
    /// <summary>
    /// Calls of native (and bound) functions baseline code made through the interpreter's native call
    /// stub; calls of the built-ins it computes inline (Math.sqrt, charCodeAt, …) are not counted.
    /// </summary>
    public long BaselineNativeCalls { get; init; }
}
