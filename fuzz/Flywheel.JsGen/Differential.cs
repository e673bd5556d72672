using Flywheel.Engine;

namespace Flywheel.JsGen;

/// <summary>A program two runs disagree on, with both outputs.</summary>
public sealed record Divergence(Syn Program, RunResult Expected, RunResult Actual)
{
    /// <summary>A report: the program, then both outputs.</summary>
    public override string ToString() =>
        $"// program\n{Program}\n// expected ({Expected.Status})\n{Expected.Output}// actual ({Actual.Status})\n{Actual.Output}";
}

/// <summary>
/// Differential testing of generated programs: runs a batch through a reference (node, or
/// another tier later) and through Flywheel, reports the programs whose output differs, and
/// shrinks a divergent program to a small one that still diverges.
/// </summary>
/// <remarks>
/// A program that completes in the reference but times out under test is run again under test with
/// four times the time limit (<c>patientActual</c>) before it counts as a hang: on a loaded machine a
/// program near the limit can miss it in the slower of two runs.
/// </remarks>
public sealed class Differential(
    Func<IReadOnlyList<string>, IReadOnlyList<RunResult>> reference, Func<string, RunResult> actual, Func<string, RunResult>? patientActual = null)
{
    /// <summary>Node as the reference and Flywheel's interpreter as the engine under test.</summary>
    public static Differential NodeVersusInterpreter(TimeSpan timeLimit) =>
        new(programs => NodeRunner.Run(programs, timeLimit), src => RunFlywheel(src, timeLimit), src => RunFlywheel(src, timeLimit * 4));

    /// <summary>Programs compared so far.</summary>
    public long Compared { get; private set; }

    /// <summary>Programs skipped because one side ran out of time.</summary>
    public long TimedOut { get; private set; }

    /// <summary>Programs that timed out only under test and completed when run again with more time.</summary>
    public long SlowNotHung { get; private set; }

    /// <summary>Programs skipped because Flywheel hit its memory limit (exponentially growing strings, say).</summary>
    public long MemoryLimited { get; private set; }

    /// <summary>The interpreter as the reference and the baseline JIT (every function compiled on its first call) under test.</summary>
    public static Differential InterpreterVersusBaseline(TimeSpan timeLimit, bool gcStress = false) =>
        new(programs => programs.Select(p => RunFlywheel(p, timeLimit)).ToList(), src => RunFlywheel(src, timeLimit, gcStress, TieringMode.Baseline),
            src => RunFlywheel(src, timeLimit * 4, gcStress, TieringMode.Baseline));

    /// <summary>Runs a program in a fresh Flywheel engine, formatting an uncaught exception the way <see cref="NodeRunner"/> does.</summary>
    public static RunResult RunFlywheel(string source, TimeSpan timeLimit, bool gcStress = false, TieringMode tiers = TieringMode.Interpreter)
    {
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = output };
        options.Limits.TimeLimit = timeLimit;
        options.Limits.MaxHeapBytes = 256L << 20;
        options.Debug.GcStress = gcStress;
        options.Debug.RandomSeed = 1;
        options.Jit.Mode = tiers;
        using var engine = new JsEngine(options);
        try
        {
            engine.Execute(source, "generated.js");
        }
        catch (JavaScriptException e)
        {
            output.Write($"<uncaught {(e.Name.Length > 0 ? e.Name : e.ErrorMessage)}>\n");
        }
        catch (JsTimeoutException)
        {
            return new RunResult(RunStatus.Timeout, output.ToString());
        }
        catch (JsMemoryLimitException)
        {
            return new RunResult(RunStatus.MemoryLimit, output.ToString());
        }
        catch (Exception e)
        {
            // Internal errors and .NET exceptions: no script may cause either.
            return new RunResult(RunStatus.EngineFailure, output + $"<{e.GetType().Name}: {e.Message}>\n{e.InnerException}\n");
        }
        return new RunResult(RunStatus.Completed, output.ToString());
    }

    static bool Differ(RunResult expected, RunResult actual) =>
        actual.Status == RunStatus.EngineFailure
        || (expected.Status == RunStatus.Completed && actual.Status == RunStatus.Completed && expected.Output != actual.Output)
        // A timeout on one side only is a divergence too (a hang), unless the reference timed out.
        || (expected.Status == RunStatus.Completed && actual.Status == RunStatus.Timeout);

    /// <summary>Compares a batch of programs; returns the divergent ones (not yet shrunk).</summary>
    public List<Divergence> Compare(IReadOnlyList<Syn> programs)
    {
        var texts = programs.Select(p => p.ToString()).ToList();
        var expected = reference(texts);
        var found = new List<Divergence>();
        for (int i = 0; i < programs.Count; i++)
        {
            var got = actual(texts[i]);
            Compared++;
            if (expected[i].Status == RunStatus.Timeout) { TimedOut++; continue; }
            if (expected[i].Status == RunStatus.Completed && got.Status == RunStatus.Timeout && patientActual != null)
            {
                got = patientActual(texts[i]);
                if (got.Status == RunStatus.Completed) SlowNotHung++;
            }
            if (got.Status == RunStatus.MemoryLimit) { MemoryLimited++; continue; }
            if (Differ(expected[i], got)) found.Add(new Divergence(programs[i], expected[i], got));
        }
        return found;
    }

    /// <summary>
    /// Greedy shrinking: each round evaluates the one-step simplifications of the current program
    /// (in batches, one reference process per batch) and keeps the first that still diverges, until
    /// none does or the time budget is spent.
    /// </summary>
    public Divergence Shrink(Divergence divergence, TimeSpan budget, int batchSize = 64)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var current = divergence;
        bool progress = true;
        while (progress && clock.Elapsed < budget)
        {
            progress = false;
            var seen = new HashSet<string>();
            foreach (var batch in current.Program.Shrinks().Where(s => seen.Add(s.ToString())).Chunk(batchSize))
            {
                if (clock.Elapsed >= budget) break;
                var smaller = Compare(batch).FirstOrDefault(d => SameKind(divergence, d));
                if (smaller == null) continue;
                current = smaller;
                progress = true;
                break;
            }
        }
        return current;
    }

    // A crash must shrink to a crash, a hang to a hang: not to some other difference met on the way.
    static bool SameKind(Divergence a, Divergence b) => a.Actual.Status == b.Actual.Status;
}
