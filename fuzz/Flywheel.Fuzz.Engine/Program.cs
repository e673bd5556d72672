using System.Diagnostics;
using System.Globalization;
using Flywheel.Engine;
using Flywheel.Fuzz.Engine;
using Flywheel.JsGen;

// Robustness fuzzing of the engine through its embedding API: random bytes, token soups, deep
// nesting, and mutated corpus and generated programs run under a time limit, a heap limit and a
// small JavaScript stack. A script may end normally, with a JavaScript error, or with one of the
// documented limit exceptions, and the engine must stay usable afterwards; anything else (an
// internal error, another .NET exception, a process crash, running far past the time limit) is
// a finding, saved under fuzz/findings/Engine/ and printed.
//
// The inputs run in a worker process so that a crash or a hang is caught too: the supervisor
// reads which case the worker is on and, if it dies or stops answering, rebuilds that case's
// input from its seed.
// Usage: Flywheel.Fuzz.Engine [--seconds N] [--seed S] [--keep-going]
//        Flywheel.Fuzz.Engine --repro CASE_SEED      (run one case in a fresh engine, in process)
//        Flywheel.Fuzz.Engine --file PATH            (run a saved input the same way)
var seconds = 60.0;
var seed = Environment.TickCount & int.MaxValue;
bool keepGoing = false, worker = false;
int? repro = null;
string? file = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--keep-going": keepGoing = true; break;
        case "--worker": worker = true; break;
        case "--repro": repro = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--file": file = args[++i]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var inputs = new Inputs(Harness.CorpusSources());
if (file != null) return Harness.RunFile(file);
if (repro is int r) return Harness.Repro(inputs, r);
if (worker) return Harness.Work(inputs, seed, seconds, keepGoing);
return Harness.Supervise(inputs, seed, seconds, keepGoing);

static class Harness
{
    /// <summary>A case whose engine call has not returned after this long is a hang.</summary>
    static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);

    public static IEnumerable<string> CorpusSources()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            var js = Path.Combine(d.FullName, "packages", "Flywheel.Engine", "tests", "js");
            if (Directory.Exists(js))
                return Directory.EnumerateFiles(js, "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        }
        Console.Error.WriteLine("fuzz: corpus (packages/Flywheel.Engine/tests/js) not found; mutating generated programs only");
        return [ProgramGenerator.Generate(0).ToString()];
    }

    static JsEngineOptions Options(Random rng)
    {
        var o = new JsEngineOptions { Output = TextWriter.Null, Error = TextWriter.Null };
        o.Limits.TimeLimit = TimeSpan.FromMilliseconds(rng.Next(200, 1000));
        o.Limits.MaxHeapBytes = 32L << 20;
        o.Limits.StackSizeBytes = rng.Next(3) switch { 0 => 64 << 10, 1 => 256 << 10, _ => 1 << 20 };
        o.Limits.MaxCallDepth = rng.Next(3) switch { 0 => 50, 1 => 1000, _ => 10_000 };
        o.Debug.GcStress = rng.Next(40) == 0;
        o.Debug.RandomSeed = 1;
        return o;
    }

    /// <summary>
    /// known-findings.txt: bugs the fuzzer found that are not fixed yet, one signature per line
    /// ("ExceptionType in Namespace.Type.Method  # reason"). A case failing with a listed signature
    /// is counted, not reported, so that CI stays green while the bug is open; the list is the
    /// to-do list. Everything else fails the run.
    /// </summary>
    static readonly Dictionary<string, string> Known = LoadKnown();

    static Dictionary<string, string> LoadKnown()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "known-findings.txt");
        if (!File.Exists(path)) return d;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf('#');
            d[(hash >= 0 ? line[..hash] : line).Trim()] = hash >= 0 ? line[(hash + 1)..].Trim() : "";
        }
        return d;
    }

    /// <summary>Where an exception came from: its innermost type and the method that threw it.</summary>
    static string Signature(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        var m = new StackTrace(e).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Flywheel", StringComparison.Ordinal) == true);
        return $"{e.GetType().Name} in {(m == null ? "?" : m.DeclaringType!.FullName + "." + m.Name)}";
    }

    /// <summary>Null when the outcome is allowed, else what went wrong.</summary>
    static string? Check(JsEngine engine, string source, TimeSpan limit) => Check(engine, source, limit, out _);

    static string? Check(JsEngine engine, string source, TimeSpan limit, out string? signature)
    {
        signature = null;
        var clock = Stopwatch.StartNew();
        bool limitHit = false;
        try
        {
            engine.Evaluate(source, "fuzz.js");
        }
        catch (JavaScriptException) { }
        catch (Exception e) when (e is JsTimeoutException or JsMemoryLimitException or JsStatementLimitException or JsCancelledException)
        {
            limitHit = true;
        }
        catch (Exception e)
        {
            signature = Signature(e);
            return $"{signature}\n{e.GetType().FullName}: {e.Message}\n{e.InnerException ?? e}";
        }
        // The limit is checked at safepoints; a built-in that runs long between them overruns it.
        // The slack is wide because wall time on a loaded machine (CI, GC stress) is noisy.
        var overrun = clock.Elapsed - limit;
        if (overrun > TimeSpan.FromSeconds(10)) return $"ran {clock.Elapsed.TotalSeconds:F1} s under a {limit.TotalSeconds:F1} s time limit";
        if (limitHit)
        {
            try
            {
                if (engine.Evaluate("[1, 2].map(x => x * 2).join()").ToString() != "2,4") return "the engine gave a wrong result after a limit was hit";
            }
            catch (Exception e) { return $"the engine is unusable after a limit was hit: {e.GetType().FullName}: {e.Message}"; }
        }
        return null;
    }

    static string Report(string kind, int caseSeed, string source, string problem)
    {
        string file = Findings.Save("Engine", $"engine-{caseSeed}.js", source);
        string shown = source.Length > 3000 ? source[..3000] + $"\n… ({source.Length} chars; the whole input is in the file)" : source;
        return $"FINDING ({kind} input, case seed {caseSeed}; rerun with --repro {caseSeed}) saved as {file}:\n{problem}\n--- input ---\n{shown}\n--- end of input ---";
    }

    public static int Repro(Inputs inputs, int caseSeed)
    {
        var (kind, source) = inputs.Make(caseSeed);
        var options = Options(new Random(caseSeed));
        using var engine = new JsEngine(options);
        var problem = Check(engine, source, options.Limits.TimeLimit);
        Console.WriteLine(problem == null ? $"case {caseSeed} ({kind}): no problem in a fresh engine" : Report(kind, caseSeed, source, problem));
        return problem == null ? 0 : 1;
    }

    public static int RunFile(string path)
    {
        var options = Options(new Random(0));
        options.Limits.TimeLimit = TimeSpan.FromSeconds(1);
        using var engine = new JsEngine(options);
        var problem = Check(engine, File.ReadAllText(path), options.Limits.TimeLimit);
        Console.WriteLine(problem ?? $"{path}: no problem in a fresh engine");
        return problem == null ? 0 : 1;
    }

    public static int Work(Inputs inputs, int seed, double seconds, bool keepGoing)
    {
        var master = new Random(seed);
        var clock = Stopwatch.StartNew();
        long cases = 0;
        int findings = 0;
        var kinds = new Dictionary<string, int>();
        var known = new Dictionary<string, int>();
        JsEngine? engine = null;
        JsEngineOptions? options = null;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            int caseSeed = master.Next();
            Console.Out.WriteLine($"case {caseSeed}");
            Console.Out.Flush();
            var (kind, source) = inputs.Make(caseSeed);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            // An engine serves a few cases in a row: state left behind by one script (or by a limit hit) must not break the next.
            if (engine == null || cases % 16 == 0)
            {
                engine?.Dispose();
                options = Options(new Random(caseSeed));
                engine = new JsEngine(options);
            }
            cases++;
            var problem = Check(engine, source, options!.Limits.TimeLimit, out var signature);
            if (problem == null) continue;
            if (signature != null && Known.ContainsKey(signature))
            {
                known[signature] = known.GetValueOrDefault(signature) + 1;
                engine.Dispose();
                engine = null;
                continue;
            }
            findings++;
            Console.Out.WriteLine(Report(kind, caseSeed, source, problem + "\n(the engine had run earlier cases; --repro uses a fresh one)"));
            engine.Dispose();
            engine = null;
            if (!keepGoing) return 1;
        }
        engine?.Dispose();
        foreach (var (sig, n) in known.OrderBy(k => k.Key, StringComparer.Ordinal)) Console.Out.WriteLine($"known finding ({Known[sig]}) hit {n} times: {sig}");
        Console.Out.WriteLine($"engine: {cases} inputs ({string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"))}) in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}), {findings} findings");
        return findings == 0 ? 0 : 1;
    }

    public static int Supervise(Inputs inputs, int seed, double seconds, bool keepGoing)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(typeof(Harness).Assembly.Location);
        foreach (var a in new[] { "--worker", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        if (keepGoing) psi.ArgumentList.Add("--keep-going");
        using var p = Process.Start(psi)!;
        int? current = null;
        while (true)
        {
            var line = p.StandardOutput.ReadLineAsync();
            if (!line.Wait(HangAfter))
            {
                p.Kill(entireProcessTree: true);
                return Lost(inputs, current, $"no answer for {HangAfter.TotalSeconds:F0} s: the engine hangs (the time limit was not honoured)");
            }
            if (line.Result == null) break;
            if (line.Result.StartsWith("case ", StringComparison.Ordinal)) current = int.Parse(line.Result[5..], CultureInfo.InvariantCulture);
            else Console.WriteLine(line.Result);
        }
        p.WaitForExit();
        if (p.ExitCode is 0 or 1) return p.ExitCode;
        return Lost(inputs, current, $"the worker process died with exit code {p.ExitCode} (a crash: stack overflow, access violation, or an unhandled exception)");
    }

    static int Lost(Inputs inputs, int? caseSeed, string problem)
    {
        if (caseSeed is not int s) { Console.WriteLine($"FINDING: {problem} before the first case"); return 1; }
        var (kind, source) = inputs.Make(s);
        Console.WriteLine(Report(kind, s, source, problem));
        return 1;
    }
}
