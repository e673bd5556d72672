namespace Flywheel.Profiling;

/// <summary>What the embedder should do after recording an invocation or back-edge.</summary>
public enum TieringAction : byte
{
    /// <summary>Keep running as is.</summary>
    None,
    /// <summary>Compile the function to baseline code and use it from the next call.</summary>
    CompileBaseline,
    /// <summary>Compile the function to optimized code and use it from the next call.</summary>
    CompileOptimized,
    /// <summary>
    /// Compile optimized code with an entry at the loop header whose back-edge was just recorded,
    /// jump into it now, and use the optimized code for later calls too.
    /// </summary>
    OnStackReplacement,
}

/// <summary>Why a function changed tier.</summary>
public enum TieringReason : byte
{
    /// <summary>A threshold of 0 forces the tier on the first check (tests, tier-forcing flags).</summary>
    Forced,
    /// <summary>The invocation count reached the tier's threshold.</summary>
    HotFunction,
    /// <summary>The back-edge count over the function's loops reached the tier's threshold.</summary>
    HotLoops,
    /// <summary>One loop's back-edges reached the on-stack-replacement threshold.</summary>
    HotLoop,
    /// <summary>Optimized code deoptimized (tier down).</summary>
    Deoptimization,
    /// <summary>Compiling the tier failed; it is disabled for the function (tier down).</summary>
    CompilationFailure,
    /// <summary>
    /// The embedder discarded the tier's code (to make room in a bounded code space); the function
    /// runs in a lower tier and may tier up again once it is hot (tier down).
    /// </summary>
    CodeDiscarded,
}
