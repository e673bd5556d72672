using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Calls and returns made in baseline machine code: frames pushed by machine code must be the
/// interpreter's frames in every observable way (stack traces, exceptions unwinding through them,
/// limits, generators and native callbacks in between), and calls between compiled functions must
/// actually stay in machine code.
/// </summary>
public class BaselineCallTests
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

    static void AssertSameInBothTiers(string source, bool gcStress = false)
    {
        var interpreted = Run(source, TieringMode.Interpreter);
        Assert.Equal(interpreted, Run(source, TieringMode.Baseline));
        if (gcStress) Assert.Equal(interpreted, Run(source, TieringMode.Baseline, o => o.Debug.GcStress = true));
    }

    // The functions are locals (context slots), not globals, so nothing but the calls themselves
    // decides whether the code leaves machine code.

    [Fact]
    public void CallsAndReturnsBetweenCompiledFunctionsStayInMachineCode()
    {
        const string source = """
            (function () {
              function add(a, b) { return a + b; }
              function fib(n) { return n < 2 ? n : add(fib(n - 1), fib(n - 2)); }
              function Node(left, right) { this.left = left; this.right = right; }
              function tree(depth) { return depth === 0 ? new Node(null, null) : new Node(tree(depth - 1), tree(depth - 1)); }
              function count(node) { return node.left === null ? 1 : 1 + count(node.left) + count(node.right); }
              let s = 0;
              for (let i = 0; i < 20; i++) s = add(s, fib(i % 15));
              for (let i = 0; i < 5; i++) s = add(s, count(tree(10)));
              console.log(s);
            })();
            """;
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output };
        options.Jit.Mode = TieringMode.Baseline;
        using var engine = new JsEngine(options);
        engine.Execute(source);
        Assert.Equal(Run(source, TieringMode.Interpreter), output.ToString());
        var exits = engine.GetStatistics().BaselineExits;
        // About 30,000 calls, 10,000 constructions and as many returns, each of which used to exit;
        // now a few hundred do.
        // What still exits: the first call at each site (the interpreter records the target and
        // compiles the callee), a call whenever the profiler's invocation budget runs out, and returns
        // more than 2 frames above an exit (here: the add-property store in the constructor).
        foreach (var op in new[] { "Call", "Construct", "Return" })
            Assert.True(exits.GetValueOrDefault(op) <= 1000, $"{op} exits: {exits.GetValueOrDefault(op)}");
    }

    [Fact]
    public void DeepRecursionInMachineCodeIsARangeErrorAndTheDepthIsRestored()
    {
        const string source = """
            (function () {
              function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }
              try { f(1e7); } catch (e) { console.log(e instanceof RangeError, e.message); }
              // Deeper than one activation's machine calls, within the engine's depth limit.
              console.log(f(9000));
              try { f(1e7); } catch (e) { console.log(e instanceof RangeError, e.message); }
              console.log(f(9990));
            })();
            """;
        var expected = "true Maximum call stack size exceeded\n9000\ntrue Maximum call stack size exceeded\n9990\n";
        Assert.Equal(expected, Run(source, TieringMode.Interpreter));
        Assert.Equal(expected, Run(source, TieringMode.Baseline));
    }

    [Fact]
    public void ExceptionsFromCalleesCalledByMachineCodeReachTheCallersHandlers()
    {
        AssertSameInBothTiers("""
            (function () {
              let log = [];
              function thrower(n) { if (n === 0) throw new Error("boom"); return thrower(n - 1) + 1; }
              function middle(n) { try { return thrower(n); } finally { log.push("finally " + n); } }
              function outer(n) { try { return middle(n); } catch (e) { return e.message + " at " + n; } }
              function typeError(o) { return o.missing.property; }
              for (let i = 0; i < 5; i++) log.push(outer(i));
              for (let i = 0; i < 3; i++) { try { typeError({}); } catch (e) { log.push(e.constructor.name + ": " + e.message); } }
              function notCallable(f) { return f(); }
              try { notCallable(42); } catch (e) { log.push(e.message); }
              console.log(log.join("\n"));
            })();
            """, gcStress: true);
    }

    [Fact]
    public void StackTracesAreTheSameInBothTiers()
    {
        AssertSameInBothTiers("""
            (function () {
              function a(n) { return n > 0 ? b(n - 1) : new Error("here").stack; }
              function b(n) { return a(n); }
              console.log(a(4));
              function thrower() { null.x; }
              function call(f) { return f(); }
              try { call(thrower); } catch (e) { console.log(e.stack); }
              // Through native callbacks and getters between machine-code frames.
              const o = { get g() { return call(() => new Error("getter").stack); } };
              console.log([1].map(x => call(() => o.g))[0]);
              console.log([3, 1, 2].sort((x, y) => { if (x === 2) console.log(new Error("cmp").stack); return x - y; }).join());
            })();
            """);
    }

    [Fact]
    public void GeneratorsGettersConstructorsAndNativeCallbacksMixWithMachineCodeCalls()
    {
        AssertSameInBothTiers("""
            (function () {
              "use strict";
              function square(x) { return x * x; }
              function* gen(n) { for (let i = 0; i < n; i++) yield square(i) + twice(i); }
              function twice(x) { return add(x, x); }
              function add(x, y) { return x + y; }
              class Point {
                constructor(x, y) { this.x = square(x); this.y = y; }
                get len() { return add(this.x, this.y); }
                scaled(k) { return new Point(this.x * k, twice(this.y)); }
              }
              function Sloppy(v) { this.v = add(v, 1); }
              let out = [];
              for (const v of gen(6)) out.push(v);
              out.push([1, 2, 3].map(twice).reduce(add, 0));
              let p = new Point(2, 3);
              for (let i = 0; i < 4; i++) { p = p.scaled(1); out.push(p.len); }
              out.push(new Sloppy(4).v, Reflect.apply(add, null, [5, 6]), add.call(null, 7, 8), twice.bind(null, 9)());
              const it = gen(3); out.push(it.next().value, twice(it.next().value), it.next().value, it.next().done);
              out.push(JSON.stringify({ a: 1, b: [2, 3] }, (k, v) => typeof v === "number" ? twice(v) : v));
              console.log(out.join(" "));
            })();
            """, gcStress: true);
    }

    [Fact]
    public void ThisArgumentsAndMissingParametersMatchTheInterpreter()
    {
        AssertSameInBothTiers("""
            (function () {
              function sloppyThis() { return typeof this + (this === globalThis); }
              function strictThis() { "use strict"; return typeof this + String(this); }
              const arrow = () => typeof this;
              function params(a, b, c) { return [a, b, c, arguments.length].join("/"); }
              function rest(a, ...r) { return a + ":" + r.join(","); }
              const o = { m() { return this === o; }, sloppyThis, strictThis };
              let out = [];
              for (let i = 0; i < 3; i++) {
                out.push(sloppyThis(), strictThis(), arrow(), params(), params(1), params(1, 2, 3, 4, 5), rest(1), rest(1, 2, 3));
                out.push(o.m(), o.sloppyThis(), o.strictThis(), sloppyThis.call(5), strictThis.call(5), sloppyThis.call("s"));
              }
              console.log(out.join(" "));
            })();
            """);
    }

    [Fact]
    public void ATimeLimitInterruptsRecursionInMachineCode()
    {
        var options = new JsEngineOptions { Output = TextWriter.Null };
        options.Jit.Mode = TieringMode.Baseline;
        options.Limits.TimeLimit = TimeSpan.FromMilliseconds(300);
        using var engine = new JsEngine(options);
        Assert.Throws<JsTimeoutException>(() => engine.Execute("(function () { function f(n) { return n <= 0 ? 1 : f(n - 1) + f(n - 1); } return f(60); })();"));
        Assert.Equal(6, engine.Evaluate("(function () { function g(n) { return n <= 0 ? 0 : n + g(n - 1); } return g(3); })()").AsNumber());
    }

    [Fact]
    public void TheStatementBudgetCountsCallsInMachineCodeAsTheInterpreterDoes()
    {
        // The budget counts safepoints (calls, returns, back-edges): both tiers stop at the same point.
        const string source = """
            var calls = 0;
            (function () { function f(n) { calls++; return n <= 0 ? 1 : f(n - 1) + f(n - 1); } f(40); })();
            """;
        string Calls(TieringMode mode)
        {
            var options = new JsEngineOptions { Output = TextWriter.Null };
            options.Jit.Mode = mode;
            options.Limits.MaxStatements = 200_000;
            using var engine = new JsEngine(options);
            Assert.Throws<JsStatementLimitException>(() => engine.Execute(source));
            return engine.Evaluate("calls").AsNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Equal(Calls(TieringMode.Interpreter), Calls(TieringMode.Baseline));
    }

    static readonly string[] Arguments = ["x", "y", "1", "-2.5", "\"s\"", "null", "undefined", "o", "[x]", "x + y"];

    static Gen<string> CallExpression(int depth) =>
        from callee in Gen.Elements("f", "g", "h", "k", "o.m", "C", "gen")
        from n in Gen.Choose(0, 4)
        from args in Gen.ArrayOf(depth == 0 ? Gen.Elements(Arguments) : Gen.OneOf(Gen.Elements(Arguments), CallExpression(depth - 1)), n)
        select callee switch
        {
            "C" => $"new C({string.Join(", ", args)}).v",
            "gen" => $"[...gen({string.Join(", ", args)})].length",
            _ => $"{callee}({string.Join(", ", args)})",
        };

    /// <summary>Random call graphs among local functions of every kind, with throws, depth and mixed arguments.</summary>
    static Gen<string> CallProgram() =>
        from body1 in CallExpression(2)
        from body2 in CallExpression(2)
        from body3 in CallExpression(1)
        from loop in CallExpression(2)
        from n in Gen.Choose(1, 30)
        from strict in Gen.Elements("", "\"use strict\";")
        select $$"""
            (function () {
              {{strict}}
              let depth = 0, calls = 0, log = [];
              // Calls nest and fan out at random: a budget keeps every program short.
              function tick() { if (++calls > 2000) throw new RangeError("budget"); }
              const o = { v: 3, m(x, y) { return typeof this + String(x) + (y === undefined ? "" : typeof y); } };
              function f(x, y) { tick(); if (++depth > 20) { depth--; throw new RangeError("deep " + x); } try { return String({{body1}}).length; } finally { depth--; } }
              function g(x) { return typeof x === "number" ? x * 2 : typeof this; }
              function h(x, y, z) { tick(); if (depth > 10) return arguments.length; depth++; try { return {{body2}}; } finally { depth--; } }
              const k = (x, y) => { if (x === null) throw new TypeError("null " + y); return y === undefined ? x : [x, y].length; };
              function C(x) { tick(); this.v = g(x); }
              function* gen(x, y) { tick(); yield x; if (depth < 5) { depth++; try { yield {{body3}}; } finally { depth--; } } yield y; }
              for (let i = 0; i < {{n}}; i++) {
                const x = i, y = i % 3 === 0 ? "t" : i / 4;
                try { log.push(String({{loop}})); } catch (e) { log.push(e.name + ":" + e.message); }
              }
              console.log(log.join(" "));
            })();
            """;

    [Fact]
    public void RandomCallGraphsPrintWhatTheInterpreterPrints()
    {
        Prop.ForAll(CallProgram().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter);
            var compiled = Run(source, TieringMode.Baseline);
            return (interpreted == compiled).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void RandomCallGraphsAgreeUnderGcStress()
    {
        Prop.ForAll(CallProgram().ToArbitrary(), source =>
        {
            var interpreted = Run(source, TieringMode.Interpreter);
            var compiled = Run(source, TieringMode.Baseline, o => o.Debug.GcStress = true);
            return (interpreted == compiled).Label($"source:\n{source}\ninterpreter:\n{interpreted}\nbaseline:\n{compiled}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }
}
