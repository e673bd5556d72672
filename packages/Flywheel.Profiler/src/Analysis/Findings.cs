namespace Flywheel.Profiling;

/// <summary>What an analysis finding is about, most severe first.</summary>
public enum FindingKind : byte
{
    /// <summary>A property or element site saw more shapes than a cache holds.</summary>
    MegamorphicSite,
    /// <summary>A call site saw more targets than a cache holds.</summary>
    MegamorphicCall,
    /// <summary>A function will not be optimized again.</summary>
    OptimizationDisabled,
    /// <summary>A function's optimized code deoptimized.</summary>
    Deoptimized,
    /// <summary>A property or element site saw 2–4 shapes.</summary>
    PolymorphicSite,
    /// <summary>A call site saw 2–4 targets.</summary>
    PolymorphicCall,
    /// <summary>An arithmetic or comparison operation saw several type categories.</summary>
    MixedTypes,
    /// <summary>A hot function's slot feedback is still changing.</summary>
    UnstableFeedback,
}

/// <summary>One thing worth a look, with a sentence saying what.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Function">Index into <see cref="Profile.Functions"/>.</param>
/// <param name="Slot">The slot, or -1 for function-level findings.</param>
/// <param name="Location">Source position, when the resolver knew it.</param>
/// <param name="Message">The suggestion in words, e.g. <c>property load at foo.js:12:7 is megamorphic: 9 shapes</c>.</param>
public sealed record Finding(FindingKind Kind, int Function, int Slot, SourceLocation? Location, string Message);

/// <summary>A function ranked by hotness.</summary>
/// <param name="Function">Index into <see cref="Profile.Functions"/>.</param>
/// <param name="Info">The function.</param>
/// <param name="Invocations">Invocations.</param>
/// <param name="BackEdges">Back-edges.</param>
/// <param name="SelfSamples">Samples with the function innermost.</param>
/// <param name="TotalSamples">Samples with the function anywhere on the stack (recursion counted once).</param>
public sealed record HotFunction(int Function, FunctionInfo Info, long Invocations, long BackEdges, long SelfSamples, long TotalSamples);

/// <summary>A loop ranked by back-edges.</summary>
/// <param name="Function">Index into <see cref="Profile.Functions"/>.</param>
/// <param name="Info">The function.</param>
/// <param name="Slot">The loop-header slot.</param>
/// <param name="BytecodeOffset">The loop header's bytecode offset.</param>
/// <param name="BackEdges">Back-edges of this loop.</param>
/// <param name="Location">Source position, when the resolver knew it.</param>
public sealed record HotLoop(int Function, FunctionInfo Info, int Slot, int BytecodeOffset, long BackEdges, SourceLocation? Location);
