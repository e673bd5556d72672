using Flywheel.Optimizer.Passes;

namespace Flywheel.Optimizer;

/// <summary>Pass factories by name. <see cref="CreateDefault"/> knows every built-in pass; embedders add theirs with <see cref="Register"/>.</summary>
public sealed class PassRegistry
{
    readonly Dictionary<string, Func<IPass>> factories = [];

    /// <summary>A registry of the built-in passes.</summary>
    public static PassRegistry CreateDefault() => new PassRegistry()
        .Register("const-fold", () => new ConstantFolding())
        .Register("dce", () => new DeadCodeElimination())
        .Register("gvn", () => new GlobalValueNumbering())
        .Register("simplify-cfg", () => new SimplifyCfg())
        .Register("licm", () => new LoopInvariantCodeMotion())
        .Register("strength-reduce", () => new StrengthReduction())
        .Register("guard-elim", () => new RedundantGuardElimination())
        .Register("mem-forward", () => new LoadStoreForwarding())
        .Register("range-elim", () => new RangeCheckElimination())
        .Register("inline", () => new Inlining())
        .Register("unroll", () => new LoopUnrolling())
        .Register("escape", () => new ScalarReplacement());

    /// <summary>Adds or replaces a pass factory.</summary>
    public PassRegistry Register(string name, Func<IPass> factory)
    {
        factories[name] = factory;
        return this;
    }

    /// <summary>Registered names.</summary>
    public IEnumerable<string> Names => factories.Keys;

    /// <summary>A fresh instance of the named pass.</summary>
    public IPass Create(string name) =>
        factories.TryGetValue(name, out var factory) ? factory() : throw new ArgumentException($"unknown pass '{name}' (known: {string.Join(", ", factories.Keys)})", nameof(name));
}
