using System.Diagnostics;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Verification;

namespace Flywheel.Optimizer;

/// <summary>What one pass did in one run.</summary>
/// <param name="Pass">The pass name.</param>
/// <param name="Elapsed">Wall time spent in the pass.</param>
/// <param name="Changes">Changes the pass reported.</param>
public sealed record PassRecord(string Pass, TimeSpan Elapsed, int Changes);

/// <summary>Runs an ordered list of passes over functions, optionally verifying after each one, and records per-pass time and change counts.</summary>
public sealed class PassManager
{
    readonly List<IPass> passes;
    readonly List<PassRecord> records = [];

    /// <summary>Creates a manager for explicit pass instances.</summary>
    public PassManager(IEnumerable<IPass> passes) => this.passes = passes.ToList();

    /// <summary>The pipeline of <paramref name="level"/>, with passes from <paramref name="registry"/> (the built-ins when null).</summary>
    public static PassManager ForLevel(OptLevel level, PassRegistry? registry = null) => FromNames(Pipelines.For(level), registry);

    /// <summary>A pipeline of named passes, e.g. from a filetest's <c>test optimize</c> line.</summary>
    public static PassManager FromNames(IEnumerable<string> names, PassRegistry? registry = null)
    {
        registry ??= PassRegistry.CreateDefault();
        return new PassManager(names.Select(registry.Create));
    }

    /// <summary>Whether to run the verifier after every pass and throw <see cref="VerifierException"/> naming the pass that broke the function (tests and fuzzing turn this on).</summary>
    public bool VerifyAfterEachPass { get; init; }

    /// <summary>The passes in order.</summary>
    public IReadOnlyList<IPass> Passes => passes;

    /// <summary>Every pass run so far, in order.</summary>
    public IReadOnlyList<PassRecord> Records => records;

    /// <summary>Optimizes one function in place; returns the total number of changes.</summary>
    public int Run(Function function, Module? module = null, ICalleeProvider? callees = null)
    {
        var context = new PassContext(function, module, callees);
        int total = 0;
        foreach (var pass in passes)
        {
            var clock = Stopwatch.StartNew();
            int changes = pass.Run(context);
            clock.Stop();
            records.Add(new PassRecord(pass.Name, clock.Elapsed, changes));
            total += changes;
            if (changes > 0) context.Invalidate();
            if (VerifyAfterEachPass)
            {
                var errors = Verifier.Verify(function, module);
                if (errors.Count > 0) throw new VerifierException(function, [$"after pass '{pass.Name}':", .. errors]);
            }
        }
        return total;
    }

    /// <summary>Optimizes every function of a module in place (callees see the module as it is at that moment).</summary>
    public int Run(Module module, ICalleeProvider? callees = null) => module.Functions.Sum(f => Run(f, module, callees));

    /// <summary>Time and changes summed per pass name, slowest first.</summary>
    public IReadOnlyList<PassRecord> Summary() => records
        .GroupBy(r => r.Pass)
        .Select(g => new PassRecord(g.Key, TimeSpan.FromTicks(g.Sum(r => r.Elapsed.Ticks)), g.Sum(r => r.Changes)))
        .OrderByDescending(r => r.Elapsed)
        .ToList();
}
