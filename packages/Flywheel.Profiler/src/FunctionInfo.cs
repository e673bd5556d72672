namespace Flywheel.Profiling;

/// <summary>
/// What the embedder tells the profiler about a function when it registers it.
/// </summary>
/// <remarks>
/// <see cref="Key"/> must be stable across runs (ids are not), so a saved profile can warm up a
/// later run: <c>file.js:12:3:name</c> is a good key. Lines and columns are 1-based, as people
/// write them; the <c>.cpuprofile</c> exporter converts to DevTools' 0-based positions.
/// </remarks>
/// <param name="Key">Stable identity across runs.</param>
/// <param name="Name">Display name; empty for anonymous functions.</param>
/// <param name="Url">Script or file the function lives in; empty if none.</param>
/// <param name="Line">1-based line of the function's start, or 0 if unknown.</param>
/// <param name="Column">1-based column of the function's start, or 0 if unknown.</param>
public sealed record FunctionInfo(string Key, string Name, string Url, int Line, int Column)
{
    /// <summary>Builds the conventional key <c>url:line:column:name</c>.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="url">Script or file.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    public static FunctionInfo Create(string name, string url, int line, int column) =>
        new($"{url}:{line}:{column}:{name}", name, url, line, column);

    /// <summary>The name to show: <see cref="Name"/>, or <c>(anonymous)</c>.</summary>
    public string DisplayName => Name.Length == 0 ? "(anonymous)" : Name;
}
