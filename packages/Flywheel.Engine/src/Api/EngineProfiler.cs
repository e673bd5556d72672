using Flywheel.Profiling;

namespace Flywheel.Engine;

/// <summary>
/// The profile of one engine's functions: live per-function feedback (counters, type feedback,
/// inline-cache states, tiering decisions), saved and loaded as JSON so a later run warms up from
/// it, rendered as a self-contained HTML report or a Chrome DevTools <c>.cpuprofile</c>.
/// Reached through <see cref="JsEngine.Profiler"/>.
/// </summary>
/// <example>
/// <code>
/// using var engine = new JsEngine();
/// engine.Execute(File.ReadAllText("app.js"), "app.js");
/// FunctionProfile? hot = engine.Profiler.GetFunctionProfile("render");
/// using (var f = File.Create("app.profile.json")) engine.Profiler.SaveProfile(f);
/// // next run, before executing anything:
/// using (var f = File.OpenRead("app.profile.json")) next.Profiler.LoadProfile(f);
/// </code>
/// </example>
public sealed class EngineProfiler
{
    readonly Runtime.EngineProfiling profiling;

    internal EngineProfiler(Runtime.EngineProfiling profiling)
    {
        this.profiling = profiling;
        SourceResolver = new Runtime.EngineSourceResolver(profiling);
    }

    /// <summary>The underlying profiler: functions' feedback vectors, tiering events and cache-transition events.</summary>
    public Profiler Profiler => profiling.Profiler;

    /// <summary>Maps (function, bytecode offset) to file, line and column, for analyses and reports.</summary>
    public ISourceResolver SourceResolver { get; }

    /// <summary>Every tiering decision so far, in order.</summary>
    public IReadOnlyList<TieringEvent> TieringEvents => profiling.Profiler.TieringEvents;

    /// <summary>A snapshot of everything recorded so far (all functions, the sampled call tree).</summary>
    public Profile CreateSnapshot() => profiling.Profiler.CreateSnapshot();

    /// <summary>
    /// The live profile of the first compiled function named <paramref name="name"/> (for
    /// anonymous functions, the empty string), or null if none was compiled.
    /// </summary>
    /// <param name="name">The function's name as JavaScript sees it.</param>
    public FunctionProfile? GetFunctionProfile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CreateSnapshot().Functions.FirstOrDefault(f => f.Function.Name == name);
    }

    /// <summary>Writes the current profile as JSON (<see cref="Profile.Save(Stream)"/>).</summary>
    /// <param name="stream">Destination.</param>
    public void SaveProfile(Stream stream) => CreateSnapshot().Save(stream);

    /// <summary>
    /// Loads a profile saved by an earlier run so that functions compiled from now on start from
    /// its counters and feedback and reach the same tiering decisions at their first check. Call it
    /// before executing the scripts it describes.
    /// </summary>
    /// <param name="stream">A profile written by <see cref="SaveProfile"/>.</param>
    /// <exception cref="InvalidDataException">The stream is not a profile of a supported version.</exception>
    public void LoadProfile(Stream stream) => profiling.Profiler.LoadWarmProfile(Profile.Load(stream));

    /// <summary>Writes a self-contained HTML report (sortable functions, hot call tree, per-site feedback).</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="title">The page title.</param>
    public void WriteReport(TextWriter writer, string title = "Flywheel profile") => HtmlReport.Write(CreateSnapshot(), writer, SourceResolver, title);

    /// <summary>Writes the CPU samples as a Chrome DevTools <c>.cpuprofile</c> (opens in DevTools and speedscope).</summary>
    /// <param name="stream">Destination.</param>
    public void WriteCpuProfile(Stream stream) => CpuProfileExporter.Write(CreateSnapshot(), stream);

    /// <summary>Analysis of the current profile: hottest functions and loops, and findings in words.</summary>
    public ProfileAnalysis Analyze() => ProfileAnalysis.Analyze(CreateSnapshot(), SourceResolver);

    /// <summary>
    /// Starts sampling the JavaScript call stack at the interpreter's safepoints, the first one
    /// after each <paramref name="interval"/> (for <see cref="WriteCpuProfile"/> and the report's call tree).
    /// </summary>
    /// <param name="interval">Time between samples, e.g. 1 ms.</param>
    public void StartSampling(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "The sampling interval must be positive.");
        profiling.StartSampling(interval);
    }

    /// <summary>Stops sampling; samples taken so far are kept.</summary>
    public void StopSampling() => profiling.StopSampling();
}
