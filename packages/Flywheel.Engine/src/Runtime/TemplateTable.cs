using System.Collections;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// The realm's function templates by index. A function object names its template by index
/// (<c>Internal0</c>), and so do the profiler (function id = index), the baseline call table and
/// call-target feedback. Templates are collectable: the collector marks those reachable from live
/// function objects (frames, generators, jobs and closures all hold one) and <see cref="Realm.ReleaseDeadTemplates"/>
/// frees the rest, after which their indices are handed to new templates. Reading a released
/// index is an engine bug and throws instead of returning some other function.
/// </summary>
internal sealed class TemplateTable : IEnumerable<FunctionTemplate>
{
    readonly List<FunctionTemplate?> templates = [];

    /// <summary>One more than the highest index in use (the size tables indexed by template need).</summary>
    public int Count => templates.Count;

    /// <summary>Templates not released.</summary>
    public int LiveCount { get; private set; }

    /// <summary>Templates released so far.</summary>
    public long ReleasedCount { get; private set; }

    /// <summary>The live template at <paramref name="index"/>.</summary>
    public FunctionTemplate this[int index] => templates[index] ?? Released(index);

    // Out of line, so the indexer stays small enough to inline into the interpreter's frame lookups.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static FunctionTemplate Released(int index) => throw new InvalidOperationException($"function template {index} was released");

    /// <summary>The template at <paramref name="index"/>, or null when the index is free or out of range.</summary>
    public FunctionTemplate? TryGet(int index) => (uint)index < (uint)templates.Count ? templates[index] : null;

    /// <summary>Puts <paramref name="t"/> at its <see cref="FunctionTemplate.Index"/> (a new index, or a released one).</summary>
    public void Add(FunctionTemplate t)
    {
        while (templates.Count <= t.Index) templates.Add(null);
        if (templates[t.Index] != null) throw new InvalidOperationException($"function template index {t.Index} is in use");
        templates[t.Index] = t;
        LiveCount++;
    }

    /// <summary>Frees <paramref name="t"/>'s index.</summary>
    public void Remove(FunctionTemplate t)
    {
        if (!ReferenceEquals(templates[t.Index], t)) throw new InvalidOperationException($"function template {t.Index} is not {t.Name}");
        templates[t.Index] = null;
        LiveCount--;
        ReleasedCount++;
    }

    /// <summary>The live templates in index order.</summary>
    public IEnumerator<FunctionTemplate> GetEnumerator()
    {
        foreach (var t in templates) if (t != null) yield return t;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
