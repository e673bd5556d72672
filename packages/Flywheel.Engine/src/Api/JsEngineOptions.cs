namespace Flywheel.Engine;

/// <summary>Options for a <see cref="JsEngine"/>, in nested groups.</summary>
public sealed class JsEngineOptions
{
    /// <summary>Resource limits; hitting one throws a <see cref="JsEngineException"/> subclass and leaves the engine usable.</summary>
    public LimitOptions Limits { get; } = new();

    /// <summary>Diagnostics and testing switches.</summary>
    public DebugOptions Debug { get; } = new();

    /// <summary>Feedback, inline caches, tiering thresholds, traces and sampling.</summary>
    public ProfilingOptions Profiling { get; } = new();

    /// <summary>Which execution tiers run scripts, and their code-space limit and diagnostics.</summary>
    public JitOptions Jit { get; } = new();

    /// <summary>Where console.log writes (defaults to <see cref="Console.Out"/>).</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Where console.error and console.warn write (defaults to <see cref="Console.Error"/>).</summary>
    public TextWriter? Error { get; set; }
}

/// <summary>Resource limits of an engine.</summary>
public sealed class LimitOptions
{
    /// <summary>Wall-clock limit per Execute/Evaluate/Invoke call; <see cref="TimeSpan.Zero"/> means none. Exceeding it throws <see cref="JsTimeoutException"/>.</summary>
    public TimeSpan TimeLimit { get; set; }

    /// <summary>Cancels a running script at its next safepoint with <see cref="JsCancelledException"/>.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Maximum JavaScript heap size in bytes (0 = unlimited). Exceeding it throws <see cref="JsMemoryLimitException"/>.</summary>
    public long MaxHeapBytes { get; set; }

    /// <summary>Maximum JavaScript call depth; deeper recursion throws a JavaScript RangeError.</summary>
    public int MaxCallDepth { get; set; } = 10_000;

    /// <summary>Size of the JavaScript stack in bytes.</summary>
    public long StackSizeBytes { get; set; } = 16L << 20;

    /// <summary>Budget of interrupt checks (loop back-edges and calls, counted in blocks) per run; 0 = unlimited. Exceeding it throws <see cref="JsStatementLimitException"/>.</summary>
    public long MaxStatements { get; set; }
}

/// <summary>Diagnostics and testing switches.</summary>
public sealed class DebugOptions
{
    /// <summary>Collect garbage at every safepoint (slow; finds missing roots).</summary>
    public bool GcStress { get; set; }

    /// <summary>Seed for Math.random (deterministic runs in tests).</summary>
    public int? RandomSeed { get; set; }
}

/// <summary>Profiling switches: what the interpreter records, its inline caches, tiering and traces.</summary>
public sealed class ProfilingOptions
{
    /// <summary>
    /// Record invocation and loop counters, type feedback and call targets in each function's
    /// feedback vector (default on). Off, functions never tier up; inline caches still work.
    /// </summary>
    public bool Feedback { get; set; } = true;

    /// <summary>Use inline caches for named property and global accesses (default on; off only to measure them).</summary>
    public bool InlineCaches { get; set; } = true;

    /// <summary>Tiering thresholds (null: the profiler's defaults).</summary>
    public Flywheel.Profiling.TieringOptions? Tiering { get; set; }

    /// <summary>Receives one line per tiering decision (<c>flywheel --trace-tiering</c>).</summary>
    public TextWriter? TraceTiering { get; set; }

    /// <summary>Receives one line per inline-cache state change, with file:line:column (<c>flywheel --trace-ic</c>).</summary>
    public TextWriter? TraceInlineCaches { get; set; }

    /// <summary>Sample the JavaScript call stack at this interval from the start (null: no sampling).</summary>
    public TimeSpan? SampleInterval { get; set; }
}

/// <summary>Which tiers run a script's functions.</summary>
public enum TieringMode
{
    /// <summary>Every function runs in the bytecode interpreter.</summary>
    Interpreter,

    /// <summary>Every function is compiled to baseline machine code on its first call (x86-64 hosts; elsewhere the interpreter runs).</summary>
    Baseline,

    /// <summary>
    /// Functions start in the interpreter; the profiler's tiering policy (<see cref="ProfilingOptions.Tiering"/>)
    /// compiles hot ones to baseline code, entered at the next call, loop back-edge or instruction.
    /// Needs feedback on (<see cref="ProfilingOptions.Feedback"/>); x86-64 hosts only, elsewhere the interpreter runs.
    /// </summary>
    Auto,
}

/// <summary>Options of the machine-code tiers.</summary>
public sealed class JitOptions
{
    /// <summary>
    /// Which tiers run functions; <see cref="TieringMode.Auto"/> (hot functions compiled to baseline
    /// code) by default. <see cref="TieringMode.Interpreter"/> keeps every function interpreted.
    /// </summary>
    public TieringMode Mode { get; set; } = TieringMode.Auto;

    /// <summary>Most bytes of machine code the engine keeps; functions that do not fit stay in the interpreter.</summary>
    public long CodeSpaceLimitBytes { get; set; } = 64L << 20;

    /// <summary>When set, receives an annotated listing of every compiled function (bytecode offsets interleaved with instructions).</summary>
    public TextWriter? PrintCode { get; set; }

    /// <summary>Append every compiled function to <c>/tmp/perf-&lt;pid&gt;.map</c> so Linux <c>perf</c> can name samples in JIT code.</summary>
    public bool PerfMap { get; set; }
}
