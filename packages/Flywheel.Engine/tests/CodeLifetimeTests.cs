using System.Globalization;
using System.Text;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The lifetime of compiled functions: templates (bytecode, feedback, baseline code) no function
/// object, frame or job refers to are collected and their indices reused, and a full code space
/// evicts cold code instead of failing or leaving hot functions interpreted for good.
/// </summary>
public class CodeLifetimeTests
{
    static JsEngineOptions Options(TieringMode mode, TextWriter output, bool gcStress = false, long codeSpace = 64L << 20)
    {
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Jit.Mode = mode;
        options.Jit.CodeSpaceLimitBytes = codeSpace;
        options.Debug.GcStress = gcStress;
        options.Limits.TimeLimit = TimeSpan.FromSeconds(120);
        return options;
    }

    [Theory]
    [InlineData(TieringMode.Baseline, false, 100_000)]
    [InlineData(TieringMode.Auto, false, 20_000)]
    [InlineData(TieringMode.Baseline, true, 2_000)]
    public void EvaluatedFunctionsAreFreedWithTheirCode(TieringMode mode, bool gcStress, int iterations)
    {
        using var engine = new JsEngine(Options(mode, TextWriter.Null, gcStress));
        // Every 1000th function is kept: collections must not free what is still reachable.
        engine.Execute("var kept = [];");
        int mostLive = 0;
        long mostCode = 0;
        double sum = 0;
        for (int i = 0; i < iterations; i++)
        {
            string keep = i % 1000 == 0 ? "kept.push(f); " : "";
            sum += engine.Evaluate($"(function () {{ function f(x) {{ let s = 0; for (let j = 0; j < 3; j++) s += x * j; return s; }} {keep}return f({i % 7}) + {i}; }})()").AsNumber();
            mostLive = Math.Max(mostLive, engine.Realm.Templates.LiveCount);
            if (i % 500 == 0) mostCode = Math.Max(mostCode, engine.GetStatistics().BaselineLiveCodeBytes);
        }
        double expected = 0;
        for (int i = 0; i < iterations; i++) expected += 3 * (i % 7) + i;
        Assert.Equal(expected, sum);
        // The kept closures still run (their templates and code were not freed or reused).
        int keptCount = (iterations + 999) / 1000;
        Assert.Equal(3.0 * 5 * keptCount, engine.Evaluate("kept.reduce((a, f) => a + f(5), 0)").AsNumber());

        var stats = engine.GetStatistics();
        Assert.True(stats.FunctionsReleased > 2L * iterations - 2 * mostLive - 10, $"{stats.FunctionsReleased} of {3 * iterations} functions released");
        // Bounded: far fewer live templates than created (a collection runs every few thousand at most).
        Assert.True(mostLive < Math.Min(20_000, 3 * iterations / 2), $"{mostLive} live templates for {3 * iterations} compiled");
        Assert.True(engine.Realm.Templates.Count <= mostLive + 3 * keptCount + 64, $"template table of {engine.Realm.Templates.Count} for {mostLive} live");
        if (mode == TieringMode.Baseline)
        {
            Assert.True(stats.BaselineFunctionsCompiled >= 2 * iterations, $"{stats.BaselineFunctionsCompiled} compiled");
            Assert.True(stats.BaselineFunctionsReleased > iterations, $"{stats.BaselineFunctionsReleased} released");
            Assert.True(stats.BaselineFreedCodeBytes > stats.BaselineCodeBytes / 2, $"{stats.BaselineFreedCodeBytes} of {stats.BaselineCodeBytes} code bytes freed");
            Assert.True(mostCode < 16L << 20, $"{mostCode} live code bytes");
            Assert.Equal(stats.BaselineCodeBytes - stats.BaselineFreedCodeBytes, stats.BaselineLiveCodeBytes);
        }
    }

    [Fact]
    public void ReleasedIndicesGoToNewFunctionsAndTheProfilerFollows()
    {
        using var engine = new JsEngine(Options(TieringMode.Baseline, TextWriter.Null));
        engine.Execute("function survivor(a) { return a * 2; }");
        for (int i = 0; i < 50; i++) engine.Evaluate($"(function g{i}() {{ return {i}; }})()");
        engine.CollectGarbage();
        int tableSize = engine.Realm.Templates.Count;
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 50; i++) Assert.Equal(i, engine.Evaluate($"(function g{i}() {{ return {i}; }})()").AsNumber());
            engine.CollectGarbage();
        }
        Assert.Equal(tableSize, engine.Realm.Templates.Count);
        Assert.Equal(42, engine.Invoke("survivor", 21).AsNumber());
        // Every live template's profiler id is its index, and the profiler agrees on what lives.
        var profiler = engine.Profiler.Profiler;
        foreach (var t in engine.Realm.Templates)
        {
            Assert.Equal(t.Index, t.Feedback.Id.Value);
            Assert.Same(t.Feedback, profiler.Functions[t.Index]);
        }
        Assert.Equal(engine.Realm.Templates.LiveCount, profiler.LiveFunctionCount);
        Assert.NotNull(engine.Profiler.GetFunctionProfile("survivor"));
    }

    [Theory]
    [InlineData(TieringMode.Interpreter)]
    [InlineData(TieringMode.Baseline)]
    public void BindingsOutliveTheScriptsThatDeclaredThem(TieringMode mode)
    {
        // Each script's template dies once it has run; the names of its global bindings (atoms its
        // constant pool held) and the closures it made must not go with it.
        using var engine = new JsEngine(Options(mode, TextWriter.Null));
        engine.Execute("let counter = 0; const label = 'n'; class Box { constructor(v) { this.v = v; } } var inc = () => ++counter;");
        for (int i = 0; i < 5; i++)
        {
            engine.CollectGarbage();
            engine.Execute("inc(); globalThis.last = new Box(label + counter);");
        }
        engine.CollectGarbage();
        Assert.Equal("n5 5", engine.Evaluate("last.v + ' ' + counter").AsString());
        Assert.True(engine.GetStatistics().FunctionsReleased >= 5);
    }

    [Fact]
    public void ReportsResolveFunctionsThatReplacedCollectedOnesWithTheSameKey()
    {
        using var engine = new JsEngine(Options(TieringMode.Interpreter, TextWriter.Null));
        const string source = "function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }\nhot(10);";
        engine.Execute(source, "app.js");
        var resolver = engine.Profiler.SourceResolver;
        var first = engine.Profiler.GetFunctionProfile("hot")!.Function;
        Assert.True(resolver.TryResolve(first, 0, out var before));
        // The same source again: a new template with the same key; the old one dies.
        engine.Execute(source, "app.js");
        engine.CollectGarbage();
        for (int i = 0; i < 20; i++) engine.Evaluate($"(function other{i}() {{ return {i}; }})()"); // reuse the freed ids
        var live = engine.Profiler.Profiler.Functions.Single(v => !v.IsReleased && v.Info.Name == "hot");
        Assert.True(resolver.TryResolve(live.Info, 0, out var after));
        Assert.Equal(before, after);
        Assert.Equal("app.js", after.Url);
    }

    /// <summary>
    /// Many hot functions, recursion that keeps frames of evicted code on the stack, suspended
    /// generators whose code is evicted before they resume, and callbacks from natives called by
    /// machine code (compiles and collections while machine code is on the native stack).
    /// </summary>
    static string ManyHotFunctions(int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $$"""
                function f{{i}}(x, o) {
                  let s = {{i}};
                  for (let j = 0; j < 4; j++) { s = (s * 31 + x + j + o.a) | 0; if (s & 1) s ^= {{i * 7 + 1}}; else s = s - o.b; }
                  o.a = (o.a + {{i}}) & 1023;
                  return s;
                }

                """);
        }
        sb.Append("const fs = [").Append(string.Join(", ", Enumerable.Range(0, count).Select(i => "f" + i))).Append("];\n");
        sb.Append("""
            function rec(depth, x, o) {
              if (depth === 0) return x;
              let v = fs[((x + depth) >>> 0) % fs.length](x, o);
              for (let k = 0; k < 3; k++) v = (v + fs[(v >>> 0) % fs.length](k, o)) | 0;
              return (rec(depth - 1, v, o) + depth) | 0;
            }
            function* gen(n, o) { let acc = 0; for (let i = 0; i < n; i++) { acc = (acc + fs[i % fs.length](i, o)) | 0; yield acc; } }
            const o = { a: 1, b: 2 };
            const g = gen(1000, o);
            let total = 0;
            for (let round = 0; round < 40; round++) {
              for (let i = 0; i < fs.length; i++) total = (total + fs[(i * 7 + round) % fs.length](i + round, o)) | 0;
              total = (total + rec(12, round, o)) | 0;
              total = (total + g.next().value) | 0;
              // Natives calling back into compiled code: compiles and collections inside an activation.
              total = (total + [round, round + 1, round + 2].map(x => fs[(x * 5) % fs.length](x, o)).reduce((a, b) => (a + b) | 0, 0)) | 0;
            }
            console.log(total, o.a, o.b);
            """);
        return sb.ToString();
    }

    static (string Output, EngineStatistics Stats) Run(string source, TieringMode mode, long codeSpace = 64L << 20, bool gcStress = false)
    {
        var output = new StringWriter { NewLine = "\n" };
        using var engine = new JsEngine(Options(mode, output, gcStress, codeSpace));
        engine.Execute(source, "test.js");
        return (output.ToString(), engine.GetStatistics());
    }

    [Theory]
    [InlineData(TieringMode.Baseline, false)]
    [InlineData(TieringMode.Auto, false)]
    [InlineData(TieringMode.Baseline, true)]
    public void ATinyCodeSpaceEvictsColdCodeAndRunsLikeTheInterpreter(TieringMode mode, bool gcStress)
    {
        var source = ManyHotFunctions(gcStress ? 24 : 60);
        var (expected, _) = Run(source, TieringMode.Interpreter);
        var (roomy, roomyStats) = Run(source, mode);
        Assert.Equal(expected, roomy);
        Assert.Equal(0, roomyStats.BaselineEvictions);
        // Each f takes about 5 KB of code and the script about 45 KB (every instruction it leaves to the
        // interpreter calls the step routine): a handful of fs fit beside it at a time.
        const long limit = 64 << 10;
        var (tight, stats) = Run(source, mode, limit, gcStress);
        Assert.Equal(expected, tight);
        Assert.True(stats.BaselineEvictions > 0, "no evictions");
        Assert.True(stats.BaselineLiveCodeBytes <= limit, $"{stats.BaselineLiveCodeBytes} live code bytes");
        // Evicted functions come back (at their next call with --tier=baseline, when hot again with auto), and none is rejected for good.
        if (mode == TieringMode.Baseline) Assert.True(stats.BaselineFunctionsCompiled > roomyStats.BaselineFunctionsCompiled, $"{stats.BaselineFunctionsCompiled} vs {roomyStats.BaselineFunctionsCompiled} compilations");
        Assert.Equal(0, stats.BaselineFunctionsRejected);
        Assert.Equal(stats.BaselineEvictions + stats.BaselineFunctionsReleased, stats.BaselineFunctionsCompiled - stats.BaselineLiveFunctions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CompilesInCallbacksOfMachineCodeWaitForTheActivationToEnd(bool gcStress)
    {
        // outer runs as machine code and calls map (a native) with callbacks that are compiled at
        // their first call, inside outer's activation: when the space is full nothing may be evicted
        // then, so the compile is deferred and the room is made once the activation ends.
        const string source = """
            const cbs = [];
            for (let i = 0; i < 40; i++) cbs.push(new Function('x', 'let s = x; for (let j = 0; j < 3; j++) s = (s * 7 + ' + i + ') | 0; return s;'));
            function outer(k) { let t = 0; for (let i = 0; i < cbs.length; i++) t = (t + [k, k + 1].map(cbs[i])[1]) | 0; return t; }
            let total = 0;
            for (let r = 0; r < 30; r++) total = (total + outer(r)) | 0;
            console.log(total);
            """;
        var (expected, _) = Run(source, TieringMode.Interpreter);
        var (tight, stats) = Run(source, TieringMode.Baseline, 16 << 10, gcStress);
        Assert.Equal(expected, tight);
        Assert.True(stats.BaselineDeferredCompiles > 0, "no deferred compiles");
        Assert.True(stats.BaselineEvictions > 0, "no evictions");
        Assert.Equal(0, stats.BaselineFunctionsRejected);
    }

    [Fact]
    public void EvictionIsTracedAndHotFunctionsTierUpAgain()
    {
        var trace = new StringWriter();
        var output = new StringWriter { NewLine = "\n" };
        var options = Options(TieringMode.Auto, output, codeSpace: 32 << 10);
        options.Profiling.TraceTiering = trace;
        using var engine = new JsEngine(options);
        engine.Execute(ManyHotFunctions(60), "test.js");
        var text = trace.ToString();
        Assert.Contains("for code space", text);
        var events = engine.Profiler.TieringEvents;
        var discarded = events.Where(e => e.Reason == Flywheel.Profiling.TieringReason.CodeDiscarded).ToList();
        Assert.NotEmpty(discarded);
        // Some function evicted was found hot again and compiled again.
        Assert.Contains(discarded, d => events.Any(e => e.Function == d.Function && e.To == Flywheel.Profiling.ExecutionTier.Baseline && events.ToList().IndexOf(e) > events.ToList().IndexOf(d)));
    }

    [Fact]
    public void AFunctionLargerThanTheCodeSpaceStaysInTheInterpreter()
    {
        var body = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"  s = (s * 3 + {i} + x) | 0;"));
        var source = $"function big(x) {{ let s = 0;\n{body}\n  return s; }}\nfunction small(x) {{ return x + 1; }}\nlet t = 0; for (let i = 0; i < 100; i++) t = (t + big(i) + small(i)) | 0;\nconsole.log(t);";
        var (expected, _) = Run(source, TieringMode.Interpreter);
        var (tight, stats) = Run(source, TieringMode.Baseline, 4 << 10);
        Assert.Equal(expected, tight);
        Assert.True(stats.BaselineFunctionsRejected >= 1);
        Assert.True(stats.BaselineLiveFunctions >= 1, "small functions still compiled");
    }
}
