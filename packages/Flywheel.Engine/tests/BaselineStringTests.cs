using FsCheck;
using FsCheck.Fluent;
using Flywheel.Profiling;

using static Flywheel.Engine.Tests.TierComparison;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Strings in baseline code (BaselineCompiler.Strings, and string receivers in
/// BaselineCompiler.Properties): concatenation of two strings inline (the other operand when one is
/// empty, a rope cell, or a short flat copy), template-literal conversion, the string stub for numbers
/// and other primitives, and String.prototype properties of string receivers through the inline
/// cache. Every program prints the same in both tiers (and under GC stress), and the instructions ran
/// in machine code rather than through the interpreter, so an inline path that is wrong or never
/// taken fails here.
/// </summary>
public class BaselineStringTests
{
    static readonly string[] Values =
    [
        "\"\"", "\"a\"", "\"ab\"", "\"hello world!\"", "\"thirteen char\"", "\"\\uD83D\\uDE00\"", "\"\\uD800\"", "\"\\uDC00x\"",
        "\"é\"", "rope", "flatRope", "long", "0", "-0", "7", "-1", "10", "2147483647", "-2147483648", "0.1", "1 / 3", "1e21",
        "5e-324", "NaN", "-Infinity", "2 ** 53", "true", "null", "undefined", "{}", "[1, 2]", "obj", "sym",
    ];

    static readonly string[] Operations =
    [
        "x + y", "y + x", "x + y + x", "`${x}`", "`${x}-${y}`", "`${x}${y}`", "(x + y).length", "x + 1", "1 + x", "x + \"\"",
        "\"\" + x + y", "(x + y).charCodeAt(1)", "typeof x === 'string' ? x.indexOf('a') : -2",
        "typeof x === 'string' ? x.slice(1) + x.charAt(0) : 0", "typeof x === 'string' ? x.toUpperCase().length : 0",
        "typeof x === 'string' ? x.length + y : 0", "(x + y) === (`${x}` + y)", "(x + y) < (y + x)", "+x", "+(x + y)",
        "(() => { let v = x; v++; return v; })()",
    ];

    [Fact]
    public void ConcatenationAndConversionAgreeWithTheInterpreterOnEdgeValues()
    {
        // Each operation in its own function, run over every pair twice (the second time with its inline caches filled).
        AssertOperationsAgreeOnRandomValues(Operations, Values, "try { return show(OP); } catch (e) { return e.constructor.name; }", """
            const sym = Symbol("s"), obj = { toString() { return "T"; }, valueOf() { return 5; } };
            const rope = "abcdefgh" + "ijklmnop", long = "0123456789".repeat(3000) + rope;
            const flatRope = "0123456789" + "abcdef"; flatRope.indexOf("z");
            function show(r) { return typeof r === "string" ? JSON.stringify(r.length > 40 ? r.length + r.slice(0, 20) + r.slice(-20) : r) : typeof r === "symbol" ? "sym" : Object.is(r, -0) ? "-0" : typeof r + String(r); }
            """);
    }


    [Fact]
    public void ConcatenationRunsInMachineCodeAndSurvivesCollections()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              const words = ["", "a", "to", "the", "quick", "brown", "fox", "\uD83D\uDE00", "jumps over", "é"];
              let doc = "", line = "", lines = [], shorts = [];
              for (let i = 0; i < 4000; i++) {
                const w = words[(i * 7) % words.length];
                doc += w + (i % 12 === 11 ? ". " : " ");         // short flat copies, then ropes
                shorts.push(w + w);                               // short results: flat copies (or an operand when one is empty)
                if (line.length + 1 + w.length > 60) { lines.push(line); line = w; } else line = line ? line + " " + w : w;
                if ((i & 255) === 0) doc.indexOf("zzz");          // flattens the rope now and then
              }
              let h = 0;
              for (let i = 0; i < doc.length; i++) h = (h * 31 + doc.charCodeAt(i)) | 0;
              const joined = shorts.join("/");
              let k = 0;
              for (let i = 0; i < joined.length; i++) k = (k * 33 + joined.charCodeAt(i)) | 0;
              console.log(doc.length, h, lines.length, lines[3], k, shorts[7], shorts[9].length);
              const templ = []; for (let i = -50; i < 50; i++) templ.push(`${i}:${i * 0.5}:${i > 0}:${"s" + i}`);
              console.log(templ.join(","));
            })();
            """, gcStress: true);
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("Add") < 50, $"Add slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("Add")}");
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("ToStringOp") < 50, $"ToStringOp slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("ToStringOp")}");
        // Two strings concatenate inline: the stub makes only the numbers' conversions and the concatenations with numbers.
        Assert.True(statistics.BaselineStringStubCalls.GetValueOrDefault("Add") < 500, $"Add stub calls: {statistics.BaselineStringStubCalls.GetValueOrDefault("Add")}");
    }

    [Fact]
    public void ConcatenationRecordsTheInterpretersTypeFeedback()
    {
        const string script = """
            function strings(a, b) { return a + b; }
            function mixed(a, b) { return a + b; }
            function template(a) { return `<${a}>`; }
            for (let i = 0; i < 200; i++) { strings("ab", i & 1 ? "cd" : "a long enough string"); mixed("x", i); template("s"); }
            mixed(0.5, "y"); template(3);
            """;
        TypeFeedback[] Feedback(TieringMode mode, string name)
        {
            var options = new JsEngineOptions { Output = TextWriter.Null, Error = TextWriter.Null };
            options.Jit.Mode = mode;
            using var engine = new JsEngine(options);
            engine.Execute(script, "test.js");
            return [.. engine.Profiler.GetFunctionProfile(name)!.Slots.Where(s => s.Kind == FeedbackSlotKind.BinaryOperation).Select(s => s.Types)];
        }
        Assert.Equal([TypeFeedback.String], Feedback(TieringMode.Interpreter, "strings"));
        Assert.Equal([TypeFeedback.String], Feedback(TieringMode.Baseline, "strings"));
        Assert.Equal([TypeFeedback.String | TypeFeedback.SmallInt | TypeFeedback.Double], Feedback(TieringMode.Baseline, "mixed"));
        foreach (var name in new[] { "strings", "mixed", "template" })
            Assert.Equal(Feedback(TieringMode.Interpreter, name), Feedback(TieringMode.Baseline, name));
    }

    [Fact]
    public void InlineConcatenationAllocatesWhatTheInterpreterAllocates()
    {
        const string script = """
            let s = "", t = [];
            for (let i = 0; i < 20000; i++) { s = s + "ab"; t.push("x" + (i & 1 ? "yz" : "")); if (s.length > 3000) s = ""; }
            console.log(s.length, t.length);
            """;
        var interpreted = Run(script, TieringMode.Interpreter, gcStress: true);
        var compiled = Run(script, TieringMode.Baseline, gcStress: true);
        Assert.Equal(interpreted.Output, compiled.Output);
        Assert.Equal(interpreted.Statistics.AllocatedBytes, compiled.Statistics.AllocatedBytes);
        Assert.Equal(interpreted.Statistics.GcCount, compiled.Statistics.GcCount);
    }

    [Fact]
    public void ConcatenationsAtTheMaximumLengthMatchTheInterpreter()
    {
        // Ropes make strings of any length without their chars: 2^k chars by doubling, then the sum of the
        // powers of two in the maximum length (2^29 - 24), exactly at it and one past it.
        AssertSameInBothTiers("""
            (function () {
              const out = [];
              const pow = ["a"]; for (let k = 1; k < 29; k++) pow.push(pow[k - 1] + pow[k - 1]);
              function concat(x, y) { try { const r = x + y; return r.length; } catch (e) { return e.name + ": " + e.message; } }
              const max = 2 ** 29 - 24;
              let s = "";
              for (let k = 28; k >= 0; k--) if (max - s.length >= 2 ** k && k !== 0) s = s + pow[k];
              out.push(s.length, concat(s, ""), concat(s, "x".repeat(max - s.length)), concat(s, "x".repeat(max - s.length + 1)));
              out.push(concat(pow[28], pow[28]), concat(pow[28], pow[27]), concat("", pow[28]), concat(s, 1), concat(1.5, s));
              let d = pow[20]; try { for (;;) d = d + d; } catch (e) { out.push(e.name, d.length); }
              let t = pow[20]; try { for (;;) t = `${t}${t}`; } catch (e) { out.push(e.name, t.length); }
              console.log(out.join());
            })();
            """);
    }

    [Fact]
    public void StringReceiversSeeStringPrototypeChanges()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              "use strict";
              const out = [];
              const words = ["alpha", "beta", "", "gamma delta", "\uD83D\uDE00x"];
              function probe(s) { return [s.indexOf("a"), s.slice(1, 3), typeof s.hasOwnProperty, s.custom, s.extra].join(":"); }
              for (let i = 0; i < 3000; i++) {
                const s = words[i % words.length];
                if (i === 1000) String.prototype.custom = "c1";
                if (i === 1200) String.prototype.custom = "c2";
                if (i === 1400) String.prototype.indexOf = function (x) { return "patched:" + typeof this + this.length; };
                if (i === 1600) Object.prototype.extra = "from Object.prototype";
                if (i === 1800) Object.defineProperty(String.prototype, "extra", { get() { return "getter:" + typeof this + ":" + this; }, configurable: true });
                if (i === 2000) delete String.prototype.extra;
                if (i === 2200) delete Object.prototype.extra;
                if (i === 2400) delete String.prototype.custom;
                if (i === 2600) Object.setPrototypeOf(String.prototype, { custom: "new proto", hasOwnProperty: 1 });
                if (i % 100 === 0) out.push(probe(s));
              }
              const sloppyGetter = Function("return typeof this");
              Object.defineProperty(String.prototype, "kind", { get: sloppyGetter });
              for (let i = 0; i < 3; i++) out.push("x".kind, ("y" + "z").kind);
              console.log(out.join("\n"));
            })();
            """, gcStress: true);
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed") < 300, $"GetNamed slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed")}");
    }

    [Fact]
    public void RegExpLiteralsAndNumericConversionsRunWithoutSteps()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              const out = [];
              const fields = ["200", " 42 ", "0x1f", "1e3", "", "abc", "-0", "12.5", "\u00a0 7 \n"];
              let sum = 0, matched = 0, flags = "";
              for (let i = 0; i < 3000; i++) {
                const f = fields[i % fields.length];
                const n = +f;
                sum += n === n ? n : 1000;
                const re = /(\d+)/g;                   // a new object per evaluation, lastIndex 0
                if (re.test(f)) matched += re.lastIndex;
                flags = /a/y.flags + /b/gi.source;
              }
              let v = "41"; v++; out.push(v, typeof v, +true, +null, +undefined, +[], +"  ");
              console.log(sum, matched, flags, out.join());
            })();
            """, gcStress: true);
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("ToNumeric") < 20, $"ToNumeric slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("ToNumeric")}");
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("CreateRegExp") < 20, $"CreateRegExp slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("CreateRegExp")}");
    }

    [Fact]
    public void StringMethodLoadsRunInMachineCode()
    {
        var statistics = AssertSameInBothTiers("""
            (function () {
              let n = 0, t = "";
              const words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "and" + " some more text"];
              for (let i = 0; i < 5000; i++) {
                const w = words[i % words.length];
                n += w.indexOf("o") + w.charCodeAt(0) + w.slice(1).length + (w.endsWith("x") ? 1 : 0);
                t = w.toUpperCase()[0] + w.substring(1);
              }
              console.log(n, t);
            })();
            """);
        Assert.True(statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed") < 50, $"GetNamed slow paths: {statistics.BaselineSlowPaths.GetValueOrDefault("GetNamed")}");
    }
}
