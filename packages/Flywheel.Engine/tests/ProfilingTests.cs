using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Flywheel.Profiling;
using Flywheel.Testing;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The engine's profiling integration: inline caches never change results (random programs run
/// with caches on and off, under GC stress too, and against node), IC transitions are traced with
/// source positions, saved profiles round-trip and warm up a later run to the same tiering
/// decisions, and the HTML report of a program shows its hottest function.
/// </summary>
public partial class ProfilingTests
{
    static string Run(string source, Action<JsEngineOptions>? configure = null, Action<JsEngine>? after = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Limits.TimeLimit = TimeSpan.FromSeconds(120);
        configure?.Invoke(options);
        using var engine = new JsEngine(options);
        try { engine.Execute(source, "test.js"); }
        catch (JavaScriptException e) { output.Write($"<uncaught {e.Name}: {e.ErrorMessage}>\n"); }
        after?.Invoke(engine);
        return output.ToString();
    }

    [Fact]
    public void Trace_ic_shows_each_state_transition_with_its_source_position()
    {
        const string src = """
            function get(o) { return o.x; }
            get({ x: 1 }); get({ x: 2 });
            get({ y: 0, x: 3 });
            get({ a: 1, x: 1 }); get({ b: 1, x: 1 }); get({ c: 1, x: 1 });
            get({ x: 5 });
            """;
        var trace = new StringWriter { NewLine = "\n" };
        Run(src, o => o.Profiling.TraceInlineCaches = trace);
        var lines = trace.ToString().Split('\n').Where(l => l.Contains(" get .x ")).ToArray();
        Assert.Equal(
        [
            "ic test.js:1:28 get .x load uninitialized->monomorphic distinct=1",
            "ic test.js:1:28 get .x load monomorphic->polymorphic distinct=2",
            "ic test.js:1:28 get .x load polymorphic->megamorphic distinct=5",
        ], lines);
    }

    [Fact]
    public void Stores_and_globals_take_monomorphic_caches_and_transitions_are_traced_once()
    {
        const string src = """
            var counter = 0;
            function Point(x, y) { this.x = x; this.y = y; }
            function bump() { counter = counter + 1; }
            for (let i = 0; i < 50; i++) { new Point(i, i); bump(); }
            console.log(counter);
            """;
        var trace = new StringWriter { NewLine = "\n" };
        var output = Run(src, o => o.Profiling.TraceInlineCaches = trace);
        Assert.Equal("50\n", output);
        var lines = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("ic test.js:2:29 Point .x store uninitialized->monomorphic distinct=1", lines);
        Assert.Contains("ic test.js:2:41 Point .y store uninitialized->monomorphic distinct=1", lines);
        Assert.Contains(lines, l => l.StartsWith("ic test.js:3:") && l.Contains(" bump counter store uninitialized->monomorphic"));
        Assert.Contains(lines, l => l.StartsWith("ic test.js:3:") && l.Contains(" bump counter load uninitialized->monomorphic"));
        Assert.DoesNotContain(lines, l => l.Contains("->polymorphic") || l.Contains("->megamorphic"));
    }

    // ---------------------------------------------------------------- random programs

    static readonly string[] Names = ["a", "b", "c", "d", "e"];

    /// <summary>
    /// A random program over a few constructors with random property orders, prototype methods,
    /// getters, setters and read-only properties, frozen objects and object literals, whose access
    /// sites see many shapes, and which mutates prototypes, deletes properties and swaps
    /// prototypes halfway through. It prints every value it reads.
    /// </summary>
    internal static string RandomProgram(int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder();
        if (r.Next(2) == 0) sb.Append("'use strict';\n");
        string Pick() => Names[r.Next(Names.Length)];
        string[] Shuffled(int n) => Names.OrderBy(_ => r.Next()).Take(n).ToArray();
        int ctors = 1 + r.Next(4);
        for (int i = 0; i < ctors; i++)
        {
            sb.Append($"function K{i}(v) {{ ");
            foreach (var n in Shuffled(1 + r.Next(4))) sb.Append($"this.{n} = v + '{n}{i}'; ");
            sb.Append("}\n");
            if (i > 0 && r.Next(3) == 0) sb.Append($"K{i}.prototype = Object.create(K{r.Next(i)}.prototype);\n");
            for (int m = r.Next(3); m > 0; m--) sb.Append($"K{i}.prototype.{Pick()} = 'p{i}{m}';\n");
            switch (r.Next(5))
            {
                case 0: sb.Append($"Object.defineProperty(K{i}.prototype, '{Pick()}', {{ get() {{ return 'g' + this.constructor.name; }}, set(v) {{ this.s = v; }}, configurable: true }});\n"); break;
                case 1: sb.Append($"Object.defineProperty(K{i}.prototype, '{Pick()}', {{ value: 'ro{i}', writable: false, configurable: true }});\n"); break;
            }
        }
        sb.Append("var gv = 1;\nconst objs = [];\n");
        int count = 3 + r.Next(6);
        for (int i = 0; i < count; i++)
        {
            string k = $"K{r.Next(ctors)}";
            // Constructors may throw (a read-only or setter-less prototype property in strict code).
            sb.Append("try { ").Append(r.Next(7) switch
            {
                0 => $"objs.push({{ {string.Join(", ", Shuffled(1 + r.Next(5)).Select(n => $"{n}: 'l{i}{n}'"))} }});",
                1 => $"objs.push(Object.create({k}.prototype));",
                2 => $"objs.push(Object.freeze(new {k}({i})));",
                3 => $"objs.push(Object.assign([{i}], {{ {Pick()}: 'arr{i}' }}));",
                _ => $"objs.push(new {k}({i}));",
            }).Append(" } catch (e) { objs.push({ failed: e.constructor.name }); }\n");
        }
        sb.Append($"function rd(o) {{ return {string.Join(" + '/' + ", Names.Select(n => $"o.{n}"))}; }}\n");
        string w1 = Pick(), w2 = Pick();
        sb.Append($"function wr(o, v) {{ try {{ o.{w1} = v; o.{w2} = v + 1; }} catch (e) {{ return e.constructor.name; }} return 'ok'; }}\n");
        sb.Append("function rg() { gv = gv + 1; return gv; }\n");
        sb.Append("const out = [];\n");
        int iterations = 20 + r.Next(60), mutateAt = r.Next(iterations);
        string mutation = r.Next(9) switch
        {
            0 => $"K0.prototype.{Pick()} = 'late';",
            1 => $"delete objs[0].{Pick()};",
            2 => $"Object.setPrototypeOf(objs[{r.Next(count)}], K{r.Next(ctors)}.prototype);",
            3 => $"Object.defineProperty(K{r.Next(ctors)}.prototype, '{Pick()}', {{ get() {{ return 'late-getter'; }}, configurable: true }});",
            4 => $"Object.prototype.{Pick()} = 'op';",
            5 => $"Object.freeze(objs[{r.Next(count)}]);",
            6 => $"delete K{r.Next(ctors)}.prototype.{Pick()};",
            7 => $"Object.defineProperty(globalThis, 'gv', {{ value: 100, writable: false }});",
            _ => $"objs[{r.Next(count)}].{Pick()} = 'own';",
        };
        sb.Append($$"""
            for (let k = 0; k < {{iterations}}; k++) {
              const o = objs[k % objs.length];
              out.push(rd(o));
              if (k % 3 === 0) out.push(wr(o, k));
              if (k % 5 === 0) { try { out.push(rg()); } catch (e) { out.push(e.constructor.name); } }
              if (k === {{mutateAt}}) { try { {{mutation}} } catch (e) { out.push(e.constructor.name); } }
            }
            console.log(out.join('|'));
            console.log(JSON.stringify(objs.map(o => Object.keys(o).map(k => k + '=' + o[k]).join(','))));

            """);
        return sb.ToString();
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Inline_caches_never_change_results() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var program = RandomProgram(seed);
            var generic = Run(program, o => o.Profiling.InlineCaches = false);
            var cached = Run(program, o => o.Debug.GcStress = seed % 5 == 0);
            return (cached == generic).Label($"seed {seed}\n{program}\n--- generic:\n{generic}\n--- cached:\n{cached}");
        });

    [Fact]
    public void Random_programs_print_what_node_prints()
    {
        if (Corpus.NodePath == null) return; // node is the oracle only where installed; the generic path is the other one
        var dir = Directory.CreateTempSubdirectory("flywheel-ic-");
        try
        {
            for (int seed = 1; seed <= 24; seed++)
            {
                var program = RandomProgram(seed * 7919);
                var file = Path.Combine(dir.FullName, $"p{seed}.js");
                File.WriteAllText(file, program);
                // As a script, like the corpus (a CommonJS module would make `var gv` module-local).
                var runner = Path.Combine(Corpus.Dir, "node-script-runner.cjs");
                var (exit, expected, stderr) = Corpus.RunProcess(Corpus.NodePath, $"\"{runner}\" \"{file}\"");
                Assert.True(exit == 0, stderr);
                Assert.True(expected == Run(program), $"seed {seed * 7919}\n{program}");
            }
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void A_global_lexical_declared_later_shadows_a_cached_global_property()
    {
        var output = new StringWriter { NewLine = "\n" };
        using var engine = new JsEngine(new JsEngineOptions { Output = output });
        engine.Execute("globalThis.gq = 1; function rq() { return gq; } function wq(v) { gq = v; } for (let i = 0; i < 5; i++) { wq(i); rq(); } console.log(rq());");
        engine.Execute("let gq = 'lexical'; console.log(rq()); wq('w'); console.log(rq(), globalThis.gq);");
        Assert.Equal("4\nlexical\nw 4\n", output.ToString());
    }

    // ---------------------------------------------------------------- profiles

    const string HotProgram = """
        function cold(x) { return x + 1; }
        function hottest(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 3) % 1000003; return s; }
        function warm(o) { return o.v * 2; }
        let total = 0;
        for (let k = 0; k < 300; k++) total += warm({ v: k }) + hottest(3000);
        total += cold(1);
        console.log(total);
        """;

    static readonly TieringOptions SmallThresholds = new()
    {
        Budget = 50, BaselineInvocations = 100, BaselineBackEdges = 1000, OptimizeInvocations = 250,
        OptimizeBackEdges = 100_000, OsrBackEdges = 50_000,
    };

    [Fact]
    public void A_saved_profile_loads_and_saves_byte_identically()
    {
        byte[] saved = [];
        Run(HotProgram, o => o.Profiling.Tiering = SmallThresholds, e => saved = Save(e));
        var profile = Profile.Load(new MemoryStream(saved));
        var again = new MemoryStream();
        profile.Save(again);
        Assert.Equal(saved, again.ToArray());
        Assert.Contains(profile.Functions, f => f.Function.Name == "hottest" && f.Function.Url == "test.js" && f.Invocations == 300 && f.BackEdges == 300 * 3000);
    }

    [Fact]
    public void A_loaded_profile_drives_the_same_tiering_decisions_from_the_first_check()
    {
        byte[] saved = [];
        var first = new List<TieringEvent>();
        Run(HotProgram, o => o.Profiling.Tiering = SmallThresholds, e => { saved = Save(e); first.AddRange(e.Profiler.TieringEvents); });
        // hottest passes the optimizing thresholds, but there is no optimizing tier to decide for.
        Assert.Contains(first, e => e.FunctionKey.EndsWith(":hottest") && e.To == ExecutionTier.Baseline);
        Assert.DoesNotContain(first, e => e.To == ExecutionTier.Optimized);

        var second = new List<TieringEvent>();
        var output = new StringWriter();
        var options = new JsEngineOptions { Output = output };
        options.Profiling.Tiering = SmallThresholds;
        using (var engine = new JsEngine(options))
        {
            engine.Profiler.LoadProfile(new MemoryStream(saved));
            engine.Execute("function cold(x) { return x + 1; }\nfunction hottest(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 3) % 1000003; return s; }\nfunction warm(o) { return o.v * 2; }\nhottest(10); warm({ v: 1 });", "test.js");
            second.AddRange(engine.Profiler.TieringEvents);
        }
        // Every function that tiered up in the first run reaches the same final tier at its first check.
        var finalFirst = first.GroupBy(e => e.FunctionKey).ToDictionary(g => g.Key, g => g.Last().To);
        var savedProfile = Profile.Load(new MemoryStream(saved));
        foreach (var name in new[] { "hottest", "warm" })
        {
            var key = finalFirst.Keys.Single(k => k.EndsWith(":" + name));
            var events = second.Where(e => e.FunctionKey == key).ToList();
            var event0 = Assert.Single(events);
            Assert.Equal(finalFirst[key], event0.To);
            Assert.Equal(savedProfile.Functions.Single(f => f.Function.Key == key).Invocations + 1, event0.Invocations);
        }
        Assert.DoesNotContain(second, e => e.FunctionKey.EndsWith(":cold"));
    }

    [Theory]
    [InlineData(TieringMode.Auto)]
    [InlineData(TieringMode.Interpreter)]
    public void Tiering_traces_name_only_tiers_the_engine_runs_even_from_a_profile_past_the_optimizing_thresholds(TieringMode mode)
    {
        // The first run's counts pass SmallThresholds' optimizing thresholds (hottest: 300 calls,
        // 900,000 back-edges), so a profile loaded in a later run makes every check decide at once.
        byte[] saved = [];
        Run(HotProgram, o => o.Profiling.Tiering = SmallThresholds, e => saved = Save(e));
        var trace = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = TextWriter.Null, Error = TextWriter.Null };
        options.Profiling.Tiering = SmallThresholds;
        options.Profiling.TraceTiering = trace;
        options.Jit.Mode = mode;
        using var engine = new JsEngine(options);
        engine.Profiler.LoadProfile(new MemoryStream(saved));
        engine.Execute(HotProgram, "test.js");
        var decisions = trace.ToString().Split('\n').Where(l => l.StartsWith("tiering ")).ToList();
        Assert.DoesNotContain(decisions, l => l.Contains("optimized"));
        Assert.DoesNotContain(engine.Profiler.TieringEvents, e => e.To == ExecutionTier.Optimized);
        if (mode == TieringMode.Interpreter || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            // No machine-code tier: nothing is decided, nothing compiled.
            Assert.Empty(decisions);
            Assert.Equal(0, engine.GetStatistics().BaselineFunctionsCompiled);
            return;
        }
        // Each decision names baseline code, and every function so decided was compiled.
        Assert.Contains(decisions, l => l.Contains(":hottest interpreter->baseline"));
        Assert.All(decisions, l => Assert.Contains(" interpreter->baseline ", l));
        Assert.Equal(decisions.Count, engine.GetStatistics().BaselineFunctionsCompiled);
        Assert.Contains("baseline: compiled hottest ", trace.ToString());
    }

    [Fact]
    public void Live_profile_of_a_function_has_exact_counters_and_type_feedback()
    {
        Run("function add(a, b) { return a + b; } let s = 0; for (let i = 0; i < 123; i++) s = add(s, i); add('x', 1);", null, e =>
        {
            var add = e.Profiler.GetFunctionProfile("add");
            Assert.NotNull(add);
            Assert.Equal(124, add!.Invocations);
            var op = Assert.Single(add.Slots, s => s.Kind == FeedbackSlotKind.BinaryOperation);
            Assert.Equal(TypeFeedback.SmallInt | TypeFeedback.String, op.Types);
            var script = e.Profiler.CreateSnapshot().Functions.Single(f => f.Function.Name == "(script)");
            Assert.Equal(123, script.BackEdges);
        });
    }

    [Fact]
    public void Feedback_off_records_nothing_but_inline_caches_still_work()
    {
        var trace = new StringWriter();
        Run("function f(o) { return o.x; } for (let i = 0; i < 500; i++) f({ x: i });", o => { o.Profiling.Feedback = false; o.Profiling.TraceInlineCaches = trace; }, e =>
        {
            var f = e.Profiler.GetFunctionProfile("f")!;
            Assert.Equal(0, f.Invocations);
            Assert.Empty(e.Profiler.TieringEvents);
            Assert.Equal(InlineCacheState.Monomorphic, f.Slots.Single(s => s.Kind == FeedbackSlotKind.PropertyLoad).CacheState);
        });
        Assert.Contains("f .x load uninitialized->monomorphic", trace.ToString());
    }

    [Fact]
    public void Html_report_of_a_program_shows_its_hottest_function_first_in_chromium()
    {
        string html = "";
        // Ten times the usual work: the sampling timer must fire while `hottest` runs even on a
        // loaded machine, and the interpreter finishes the usual program in a few milliseconds.
        Run(HotProgram.Replace("k < 300", "k < 3000"), o => o.Profiling.SampleInterval = TimeSpan.FromMilliseconds(1), e =>
        {
            e.Profiler.StopSampling();
            Assert.True(e.Profiler.Profiler.SampleCount > 0, "no samples were taken");
            var sw = new StringWriter();
            e.Profiler.WriteReport(sw, "hot program");
            html = sw.ToString();
        });
        var dom = Chromium.RenderDom(html);
        Assert.Contains("<div id=\"errors\"></div>", dom);
        var body = FunctionsBody().Match(dom);
        Assert.True(body.Success, "the functions table body is missing from the DOM:\n" + dom);
        var first = Row().Match(body.Groups[1].Value);
        Assert.True(first.Success);
        Assert.Contains("<span class=\"fn-name\">hottest</span>", first.Value);
        // Per-site feedback with source positions: warm's `o.v` is a monomorphic property load.
        Assert.Matches("<td>warm</td><td>property load</td><td>test\\.js:3:29</td><td>[^<]*</td><td>monomorphic</td>", dom);
    }

    [Fact]
    public void Cpu_profile_names_the_sampled_functions_with_positions()
    {
        // Samples come from a 1 ms timer, so how long `hottest` must run before one lands in it
        // depends on the machine's load: keep calling it until a sample names it (or give up).
        var options = new JsEngineOptions { Output = TextWriter.Null, Error = TextWriter.Null };
        options.Profiling.SampleInterval = TimeSpan.FromMilliseconds(1);
        using var engine = new JsEngine(options);
        engine.Execute(HotProgram, "test.js");
        string json = "";
        for (int attempt = 0; attempt < 2000 && !json.Contains("\"functionName\":\"hottest\""); attempt++)
        {
            engine.Execute("for (let k = 0; k < 20; k++) hottest(3000);", "again.js");
            var ms = new MemoryStream();
            engine.Profiler.WriteCpuProfile(ms);
            json = Encoding.UTF8.GetString(ms.ToArray());
        }
        engine.Profiler.StopSampling();
        Assert.Contains("\"functionName\":\"hottest\"", json);
        Assert.Contains("\"url\":\"test.js\"", json);
    }

    static byte[] Save(JsEngine e)
    {
        var ms = new MemoryStream();
        e.Profiler.SaveProfile(ms);
        return ms.ToArray();
    }

    [GeneratedRegex("<tbody id=\"functions-body\">(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex FunctionsBody();

    [GeneratedRegex("<tr class=\"row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
