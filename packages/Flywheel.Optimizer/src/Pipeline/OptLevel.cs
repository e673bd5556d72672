namespace Flywheel.Optimizer;

/// <summary>How hard to optimize.</summary>
public enum OptLevel
{
    /// <summary>No passes: the IR as built.</summary>
    None,
    /// <summary>Cheap cleanups for fast compiles: folding, dead code, CFG simplification.</summary>
    Fast,
    /// <summary>Everything: inlining, GVN, memory forwarding, guard and check elimination, LICM, strength reduction, unrolling, scalar replacement.</summary>
    Full,
}

/// <summary>The pass order of each <see cref="OptLevel"/>.</summary>
public static class Pipelines
{
    /// <summary>Pass names, in order, for <paramref name="level"/>.</summary>
    public static IReadOnlyList<string> For(OptLevel level) => level switch
    {
        OptLevel.None => [],
        OptLevel.Fast => ["const-fold", "simplify-cfg", "dce"],
        _ =>
        [
            "inline", "const-fold", "simplify-cfg", "escape", "mem-forward", "gvn", "const-fold",
            "range-elim", "guard-elim", "const-fold", "simplify-cfg", "licm", "unroll", "const-fold",
            "simplify-cfg", "strength-reduce", "const-fold", "mem-forward", "gvn", "range-elim", "guard-elim", "dce", "simplify-cfg", "const-fold", "dce",
        ],
    };
}
