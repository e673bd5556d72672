namespace Flywheel.Profiling;

/// <summary>The tiers a function moves through. Stored as a byte in the function header.</summary>
public enum ExecutionTier : byte
{
    /// <summary>Bytecode interpreter; records feedback.</summary>
    Interpreter = 0,
    /// <summary>Baseline (non-optimizing) machine code.</summary>
    Baseline = 1,
    /// <summary>Optimized, speculative machine code.</summary>
    Optimized = 2,
}
