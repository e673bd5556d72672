namespace Flywheel.Profiling;

/// <summary>
/// A function as the profiler knows it: a dense index handed out by
/// <see cref="Profiler.RegisterFunction"/>, valid for one run only (saved profiles name functions
/// by <see cref="FunctionInfo.Key"/> instead). Blittable, so sample stacks can be filled from
/// machine code.
/// </summary>
/// <param name="Value">The zero-based index.</param>
public readonly record struct FunctionId(int Value)
{
    /// <summary>Prints the id the way traces write it: <c>fn#3</c>.</summary>
    public override string ToString() => $"fn#{Value}";
}
