using System.Globalization;

namespace Flywheel.Profiling;

/// <summary>A position in source code, 1-based like editors show it.</summary>
/// <param name="Url">Script or file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string Url, int Line, int Column)
{
    /// <summary><c>url:line:column</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Url}:{Line}:{Column}");
}

/// <summary>
/// Maps (function, bytecode offset) to source, supplied by the embedder, which alone knows its
/// bytecode's source positions. Used by analysis and reports; never on a recording path.
/// </summary>
public interface ISourceResolver
{
    /// <summary>Finds the source position of the operation at <paramref name="bytecodeOffset"/>.</summary>
    /// <param name="function">The function, as registered (match on <see cref="FunctionInfo.Key"/> for loaded profiles).</param>
    /// <param name="bytecodeOffset">The operation's bytecode offset.</param>
    /// <param name="location">The position, when found.</param>
    bool TryResolve(FunctionInfo function, int bytecodeOffset, out SourceLocation location);
}
