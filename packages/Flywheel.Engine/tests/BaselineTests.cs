using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>
/// The baseline tier against its reference, the interpreter: random numeric programs print the same,
/// limits and errors behave the same, and the tier's tools (listings, code-space limit) work.
/// </summary>
public class BaselineTests
{
    static string Run(string source, TieringMode mode, Action<JsEngineOptions>? configure = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Jit.Mode = mode;
        options.Limits.TimeLimit = TimeSpan.FromSeconds(60);
        configure?.Invoke(options);
        using var engine = new JsEngine(options);
        try { engine.Execute(source, "test.js"); }
        catch (JavaScriptException e) { output.Write($"<uncaught {e.Name}: {e.ErrorMessage}>\n"); }
        return output.ToString();
    }

    static readonly string[] Operands =
        ["a", "b", "c", "i", "0", "-0", "1", "-1", "2147483647", "-2147483648", "0.5", "-2.75", "1e300", "NaN", "Infinity", "\"3\"", "true", "null", "undefined"];

    static readonly string[] BinaryOperators =
        ["+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>", ">>>", "<", "<=", ">", ">=", "==", "===", "!=", "!=="];

    static Gen<string> Expression(int depth) =>
        depth == 0
            ? Gen.Elements(Operands)
            : Gen.OneOf(
                Gen.Elements(Operands),
                from l in Expression(depth - 1)
                from op in Gen.Elements(BinaryOperators)
                from r in Expression(depth - 1)
                select $"({l} {op} {r})",
                from e in Expression(depth - 1)
                from op in Gen.Elements("-", "!", "~")
                select $"({op}{e})",
                from c in Expression(depth - 1)
                from t in Expression(depth - 1)
                from f in Expression(depth - 1)
                select $"({c} ? {t} : {f})");

    static Gen<string> Program() =>
        from e1 in Expression(3)
        from e2 in Expression(3)
        from e3 in Expression(2)
        from n in Gen.Choose(1, 40)
        select $$"""
            function f(a, b, c) {
              let acc = [];
              for (let i = 0; i < {{n}}; i++) {
                a = {{e1}};
                b = {{e2}};
                if ({{e3}}) c++; else c = c - 1;
                acc.push(a, b, c);
                if (typeof a !== "number") a = i;
                if (typeof b !== "number") b = i * 0.5;
              }
              return acc;
            }
            console.log(f(3, -7.5, 11).map(v => Object.is(v, -0) ? "-0" : String(v)).join(" "));
            console.log(f(2147483647, -2147483648, 0).map(v => Object.is(v, -0) ? "-0" : String(v)).join(" "));
            """;

    [Fact]
    public void RandomNumericProgramsPrintWhatTheInterpreterPrints()
    {
        Prop.ForAll(Program().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter);
            var compiled = Run(source, TieringMode.Baseline);
            return (interpreted == compiled).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomNumericProgramsAgreeUnderGcStress()
    {
        Prop.ForAll(Program().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter);
            var compiled = Run(source, TieringMode.Baseline, o => o.Debug.GcStress = true);
            return (interpreted == compiled).Label($"source:\n{source}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void ObjectsArraysAndExceptionsPrintWhatTheInterpreterPrints()
    {
        const string source = """
            class P { constructor(x, y) { this.x = x; this.y = y; } len() { return this.x * this.x + this.y * this.y; } }
            let ps = [];
            for (let i = 0; i < 50; i++) ps.push(i % 3 ? new P(i, -i) : { x: i, y: 2, z: 3 });
            let s = 0;
            for (let i = 0; i < ps.length; i++) { let p = ps[i]; p.x = p.x + 1; s += p.x * 2 + (p.y | 0); }
            let holes = [1, , 3]; holes[7] = 9;
            let r = 0;
            for (let i = 0; i < 10; i++) { try { if (i % 4 == 3) throw new Error("e" + i); r += i; } catch (e) { r -= e.message.length; } }
            console.log(s, holes, holes[1], holes[100], r, ps[1].len());
            """;
        Assert.Equal(Run(source, TieringMode.Interpreter), Run(source, TieringMode.Baseline));
    }

    [Fact]
    public void DeepRecursionIsARangeError()
    {
        var output = Run("function f(n) { return n === 0 ? 0 : 1 + f(n - 1); } try { f(1e7); } catch (e) { console.log(e instanceof RangeError, e.message); }", TieringMode.Baseline);
        Assert.Equal("true Maximum call stack size exceeded\n", output);
    }

    [Fact]
    public void LoopsInMachineCodeHonourTheStatementBudgetAndTheEngineStaysUsable()
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = TieringMode.Baseline;
        options.Limits.MaxStatements = 100_000;
        using var engine = new JsEngine(options);
        Assert.Throws<JsStatementLimitException>(() => engine.Execute("let i = 0; while (true) { i = (i + 1) | 0; }"));
        Assert.Equal(6, engine.Evaluate("let k = 0; for (let j = 0; j < 3; j++) k += j + 1; k").AsNumber());
    }

    [Fact]
    public void LoopsInMachineCodeHonourTheTimeLimit()
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = TieringMode.Baseline;
        options.Limits.TimeLimit = TimeSpan.FromMilliseconds(200);
        using var engine = new JsEngine(options);
        Assert.Throws<JsTimeoutException>(() => engine.Execute("for (let i = 0; ; i = (i + 1) | 0) {}"));
    }

    [Fact]
    public void PrintCodeInterleavesBytecodeWithInstructions()
    {
        var listing = new StringWriter();
        Run("function add(a, b) { return a + b; } add(1, 2);", TieringMode.Baseline, o => o.Jit.PrintCode = listing);
        var text = listing.ToString();
        Assert.Contains("--- baseline code for add test.js:1:1", text);
        Assert.Contains(": Add r", text);
        Assert.Contains("add     eax,r14d", text);
        Assert.Contains(": Return", text);
    }

    [Fact]
    public void WithoutCodeSpaceFunctionsStayInTheInterpreter()
    {
        const string source = "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; } console.log(f(1000));";
        var stats = new List<EngineStatistics>();
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output };
        options.Jit.Mode = TieringMode.Baseline;
        options.Jit.CodeSpaceLimitBytes = 1;
        using (var engine = new JsEngine(options))
        {
            engine.Execute(source);
            stats.Add(engine.GetStatistics());
        }
        Assert.Equal("499500\n", output.ToString());
        Assert.Equal(0, stats[0].BaselineFunctionsCompiled);
        Assert.True(stats[0].BaselineFunctionsRejected >= 2);
    }

    [Fact]
    public void StatisticsCountCompiledFunctionsAndCodeBytes()
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = TieringMode.Baseline;
        using var engine = new JsEngine(options);
        engine.Execute("function f() { return 1; } function g() { return f() + 1; } g();");
        var s = engine.GetStatistics();
        Assert.Equal(3, s.BaselineFunctionsCompiled);
        Assert.True(s.BaselineCodeBytes > s.BaselineBytecodeBytes, string.Create(CultureInfo.InvariantCulture, $"{s.BaselineCodeBytes} code bytes for {s.BaselineBytecodeBytes} bytecode bytes"));
    }

    [Fact]
    public void AutoTieringCompilesHotFunctionsAndEntersThemInTheMiddleOfALoop()
    {
        const string source = """
            function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 3) | 0; return s; }
            function cold() { return 1; }
            console.log(hot(200000), cold());
            """;
        var trace = new StringWriter();
        var output = Run(source, TieringMode.Auto, o => o.Profiling.TraceTiering = trace);
        Assert.Equal(Run(source, TieringMode.Interpreter), output);
        Assert.Contains("baseline: compiled hot", trace.ToString());
        Assert.DoesNotContain("baseline: compiled cold", trace.ToString());
    }

    [Fact]
    public void RandomNumericProgramsAgreeWithAutoTieringAtLowThresholds()
    {
        var tiering = new Flywheel.Profiling.TieringOptions { Budget = 1, BaselineInvocations = 1, BaselineBackEdges = 3 };
        Prop.ForAll(Program().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter);
            var tiered = Run(source, TieringMode.Auto, o => o.Profiling.Tiering = tiering);
            return (interpreted == tiered).Label($"source:\n{source}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(50));
    }
}
