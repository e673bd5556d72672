using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>Random and mutated sources: the engine returns a value or throws a documented host exception; nothing else escapes.</summary>
public class FuzzTests
{
    static readonly string[] Tokens =
    [
        "var", "let", "const", "x", "y", "f", "(", ")", "{", "}", "[", "]", ";", ",", "=", "=>", "+", "-", "*", "/", "%", "**",
        "function", "return", "if", "else", "for", "while", "of", "in", "class", "extends", "new", "this", "super", "yield",
        "1", "0", "'s'", "`t${", "}`", "null", "undefined", "true", ".", "?.", "...", "try", "catch", "finally", "throw",
        "switch", "case", "default", ":", "break", "continue", "async", "await", "/re/g", "#p", "get", "set", "static", "\n",
    ];

    static readonly string[] Seeds =
    [
        "function f(a, b = 2, ...r) { return [a, b, r] } f(1)",
        "class A { #x = 1; get x() { return this.#x } } new A().x",
        "let [a, { b }] = [1, { b: 2 }]; a + b",
        "function* g() { yield* [1, 2] } [...g()]",
        "try { throw new Error('e') } catch ({ message }) { message } finally { 1 }",
        "label: for (const k in { a: 1 }) { continue label }",
        "JSON.stringify({ a: [1, { b: 2 }] }, null, 2)",
    ];

    static void RunOne(string src)
    {
        var o = new JsEngineOptions { Output = TextWriter.Null, Error = TextWriter.Null };
        o.Limits.TimeLimit = TimeSpan.FromSeconds(2);
        o.Limits.MaxHeapBytes = 64L << 20;
        using var e = new JsEngine(o);
        try { e.Evaluate(src, "fuzz.js"); }
        catch (JsEngineException) { }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void RandomTokenSoupNeverCrashes(NonEmptyArray<byte> picks) =>
        RunOne(string.Join(" ", picks.Get.Select(b => Tokens[b % Tokens.Length])));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void MutatedProgramsNeverCrash(byte seed, int pos, byte mutation, byte len)
    {
        var src = Seeds[seed % Seeds.Length];
        int p = Math.Abs(pos % (src.Length + 1));
        int l = Math.Min(len % 6, src.Length - p);
        src = (mutation % 3) switch
        {
            0 => src.Remove(p, l),
            1 => src.Insert(p, Tokens[mutation % Tokens.Length]),
            _ => l == 0 ? src : src[..p] + new string((char)(mutation + 1), l) + src[(p + l)..],
        };
        RunOne(src);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public void ArbitraryBytesNeverCrash(byte[] bytes) => RunOne(System.Text.Encoding.Latin1.GetString(bytes));
}
