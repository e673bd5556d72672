namespace Flywheel.Engine.Tests;

/// <summary>The embedding API: evaluation, values in and out, delegates, limits, and recovery after a limit.</summary>
public class ApiTests
{
    [Fact]
    public void EvaluateReturnsTypedValues()
    {
        using var e = new JsEngine();
        Assert.Equal(7, e.Evaluate("3 + 4").AsNumber());
        Assert.Equal("ab", e.Evaluate("'a' + 'b'").AsString());
        Assert.True(e.Evaluate("1 < 2").AsBoolean());
        Assert.True(e.Evaluate("undefined").IsUndefined);
        Assert.True(e.Evaluate("null").IsNull);
        Assert.Equal(ScriptValueType.Function, e.Evaluate("(function () {})").Type);
        var obj = Assert.IsType<Dictionary<string, object?>>(e.Evaluate("({ a: [1, 'x', true], b: { c: null } })").ToObject());
        Assert.Equal(new object?[] { 1.0, "x", true }, Assert.IsType<object?[]>(obj["a"]));
        Assert.Null(Assert.IsType<Dictionary<string, object?>>(obj["b"])["c"]);
    }

    [Fact]
    public void SetValueGetValueAndInvoke()
    {
        using var e = new JsEngine();
        e.SetValue("k", 10).SetValue("name", "fly").SetValue("add", (Func<double, double, double>)((a, b) => a + b));
        var log = new List<string>();
        e.SetValue("log", (Action<string>)log.Add);
        e.Execute("var r = add(k, 5); log(name + r); function twice(x) { return x * 2 }");
        Assert.Equal(15, e.GetValue("r").AsNumber());
        Assert.Equal(["fly15"], log);
        Assert.Equal(42, e.Invoke("twice", 21).AsNumber());
        e.Execute("let lex = 5;");
        Assert.Equal(5, e.GetValue("lex").AsNumber());
    }

    [Fact]
    public void HostExceptionsBecomeJavaScriptErrors()
    {
        using var e = new JsEngine();
        e.SetValue("boom", (Action)(() => throw new InvalidOperationException("host failed")));
        Assert.Equal("Error: host failed", e.Evaluate("try { boom() } catch (x) { String(x) }").AsString());
    }

    [Fact]
    public void UncaughtErrorsCarryNameMessageAndStack()
    {
        using var e = new JsEngine();
        var ex = Assert.Throws<JavaScriptException>(() => e.Execute("function f() { null.x }\nf();", "t.js"));
        Assert.Equal("TypeError", ex.Name);
        Assert.Contains("Cannot read properties of null", ex.ErrorMessage);
        Assert.Contains("at f (t.js:1:", ex.JsStack);
        var syn = Assert.Throws<JavaScriptException>(() => e.Execute("let = ;", "s.js"));
        Assert.Equal("SyntaxError", syn.Name);
        Assert.Contains("s.js:1:", syn.JsStack);
    }

    [Fact]
    public void DeepRecursionIsARangeError()
    {
        using var e = new JsEngine();
        Assert.Equal("RangeError", e.Evaluate("function r(n) { return r(n + 1) } try { r(0) } catch (x) { x.name }").AsString());
        Assert.Equal("RangeError", e.Evaluate("function s(n) { return [n].map(s) } try { s(0) } catch (x) { x.name }").AsString());
        Assert.Equal(3, e.Evaluate("1 + 2").AsNumber());
    }

    // Each level of these recursions nested C# frames (capped at ~200 levels) until generators
    // stepped by for-of, spread and destructuring were resumed in the caller's dispatch loop.
    [Theory]
    [InlineData("function* g(n) { if (n > 0) for (const x of g(n - 1)) yield x; yield n; } function f(n) { let c = 0; for (const x of g(n)) c++; return c; }")]
    [InlineData("function* g(n) { if (n > 0) yield [...g(n - 1)].length; yield n; } function f(n) { return [...g(n)].length; }")]
    [InlineData("function* g(n) { yield n > 0 ? Math.max(...g(n - 1)) + 1 : 0; } function f(n) { return Math.max(...g(n)); }")]
    [InlineData("function* g(n) { if (n > 0) { const [a, ...rest] = g(n - 1); yield a + 1 + rest.length; } else yield 0; } function f(n) { const [r] = g(n); return r; }")]
    [InlineData("function* g(n) { if (n > 0) yield* g(n - 1); yield n; } function f(n) { let c = 0; for (const x of g(n)) c++; return c; }")]
    [InlineData("function f(n) { let s = 0; for (const x of (function* () { yield n > 0 ? f(n - 1) : 0; })()) s += x + 1; return s; }")]
    public void RecursionThroughGeneratorsIsBoundedOnlyByTheCallDepth(string program)
    {
        using var e = new JsEngine();
        e.Execute(program);
        Assert.True(e.Evaluate("f(4000)").AsNumber() > 0);
        Assert.Equal("RangeError", e.Evaluate("try { f(1e6) } catch (x) { x.name }").AsString());
        Assert.True(e.Evaluate("f(10)").AsNumber() > 0);
    }

    [Fact]
    public void TimeLimitStopsInfiniteLoopsAndEngineStaysUsable()
    {
        var o = new JsEngineOptions();
        o.Limits.TimeLimit = TimeSpan.FromMilliseconds(200);
        using var e = new JsEngine(o);
        Assert.Throws<JsTimeoutException>(() => e.Execute("while (true) {}"));
        Assert.Equal(2, e.Evaluate("1 + 1").AsNumber());
    }

    [Fact]
    public void CancellationStopsTheScript()
    {
        using var cts = new CancellationTokenSource();
        var o = new JsEngineOptions();
        o.Limits.CancellationToken = cts.Token;
        using var e = new JsEngine(o);
        cts.CancelAfter(100);
        Assert.Throws<JsCancelledException>(() => e.Execute("for (;;) {}"));
    }

    [Fact]
    public void MemoryLimitIsAHostExceptionAndEngineStaysUsable()
    {
        var o = new JsEngineOptions();
        o.Limits.MaxHeapBytes = 32L << 20;
        using var e = new JsEngine(o);
        Assert.Throws<JsMemoryLimitException>(() => e.Execute("const a = []; while (true) a.push({ x: [1, 2, 3] });"));
        Assert.Equal(6, e.Evaluate("2 * 3").AsNumber());
    }

    [Fact]
    public void StatementBudgetIsEnforced()
    {
        var o = new JsEngineOptions();
        o.Limits.MaxStatements = 100_000;
        using var e = new JsEngine(o);
        Assert.Throws<JsStatementLimitException>(() => e.Execute("let i = 0; while (true) i++;"));
    }

    [Fact]
    public void MaxCallDepthIsConfigurable()
    {
        var o = new JsEngineOptions();
        o.Limits.MaxCallDepth = 50;
        using var e = new JsEngine(o);
        Assert.Equal("RangeError", e.Evaluate("function r(n) { return n == 0 ? 0 : r(n - 1) } try { r(100) } catch (x) { x.name }").AsString());
        Assert.Equal(0, e.Evaluate("r(10)").AsNumber());
    }

    [Fact]
    public void GarbageIsCollectedAndLiveDataSurvives()
    {
        using var e = new JsEngine();
        e.Execute("var keep = { list: [] }; for (let i = 0; i < 200000; i++) { const t = { i, s: 'x' + i }; if (i % 1000 == 0) keep.list.push(t); }");
        e.CollectGarbage();
        var s = e.GetStatistics();
        Assert.True(s.GcCount >= 1);
        Assert.Equal(200, e.Evaluate("keep.list.length").AsNumber());
        Assert.Equal("x199000", e.Evaluate("keep.list[199].s").AsString());
    }
}
