using System.Text;
using Flywheel.JsGen;

namespace Flywheel.Fuzz.Engine;

/// <summary>
/// Fuzz inputs, each a pure function of a seed (so a crash is reproduced from the seed alone):
/// random bytes, token soups, corpus programs and generated programs with their tokens spliced,
/// deleted, duplicated or replaced, and deep nesting.
/// </summary>
sealed class Inputs
{
    static readonly string[] Specials =
    [
        "var", "let", "const", "x", "y", "f", "(", ")", "{", "}", "[", "]", ";", ",", "=", "=>", "+", "-", "*", "/", "%", "**",
        "function", "return", "if", "else", "for", "while", "do", "of", "in", "class", "extends", "new", "this", "super", "yield",
        "1", "0", "-0", "1e308", "0x7fffffff", "'s'", "`t${", "}`", "null", "undefined", "true", ".", "?.", "...", "try", "catch",
        "finally", "throw", "switch", "case", "default", ":", "break", "continue", "async", "await", "/re/g", "#p", "get", "set",
        "static", "\n", "delete", "typeof", "void", "arguments", "eval", "new.target", "import", "label:", "function*", "yield*",
        "Symbol.iterator", "__proto__", "prototype", "constructor", "length", "Proxy", "Reflect", "globalThis", "'\\u{10FFFF}'",
        "\"\\uD800\"", "2**53", "-2147483648", "4294967295", "NaN", "Infinity", "[].constructor", "Object.defineProperty",
        "Array(1e6)", "'x'.repeat(1e5)", ".sort(", ".map(", "JSON.parse(", "JSON.stringify(", "new Map", "new Set", "Uint8Array",
    ];

    readonly string[] corpus;
    readonly string[][] corpusTokens;
    readonly string[] dictionary;

    public Inputs(IEnumerable<string> corpusSources)
    {
        corpus = corpusSources.ToArray();
        corpusTokens = corpus.Select(Tokenize).ToArray();
        dictionary = [.. Specials, .. corpusTokens.SelectMany(t => t).Where(t => t.Length < 40 && !string.IsNullOrWhiteSpace(t)).Distinct().Order(StringComparer.Ordinal)];
    }

    public int CorpusCount => corpus.Length;

    /// <summary>The input of a seed and the name of the recipe that made it.</summary>
    public (string Kind, string Source) Make(int seed)
    {
        var rng = new Random(seed);
        return rng.Next(20) switch
        {
            0 => ("bytes", RandomBytes(rng)),
            1 or 2 => ("soup", Soup(rng)),
            3 => ("nesting", Nesting(rng)),
            4 or 5 or 6 => ("generated", string.Concat(Mutate(rng, Tokenize(ProgramGenerator.Generate(rng.Next()).ToString())))),
            _ => ("corpus", string.Concat(Mutate(rng, corpusTokens[rng.Next(corpusTokens.Length)]))),
        };
    }

    static string RandomBytes(Random rng)
    {
        var bytes = new byte[rng.Next(0, 300)];
        rng.NextBytes(bytes);
        return rng.Next(2) == 0 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }

    string Soup(Random rng)
    {
        var sb = new StringBuilder();
        for (int i = 0, n = rng.Next(1, 80); i < n; i++) sb.Append(dictionary[rng.Next(dictionary.Length)]).Append(' ');
        return sb.ToString();
    }

    static string Nesting(Random rng)
    {
        string[][] shapes =
        [
            ["(", "1", ")"], ["[", "", "]"], ["{a:", "1", "}"], ["function f(){", "", "}"], ["if(1){", "", "}"],
            ["-", "1", ""], ["!", "1", ""], ["a=", "1", ""], ["x?", "1:2", ""], ["`${", "1", "}`"], ["(()=>", "1", ")"],
            ["try{", "", "}finally{}"], ["new ", "Object", ""], ["[...", "[]", "]"], ["1+", "1", ""],
        ];
        var s = shapes[rng.Next(shapes.Length)];
        int depth = rng.Next(4) switch { 0 => rng.Next(1, 100), 1 => rng.Next(100, 2000), 2 => rng.Next(2000, 20000), _ => rng.Next(20000, 200000) };
        return string.Concat(Enumerable.Repeat(s[0], depth)) + s[1] + string.Concat(Enumerable.Repeat(s[2], depth));
    }

    List<string> Mutate(Random rng, string[] tokens)
    {
        var t = tokens.ToList();
        for (int m = 0, n = rng.Next(1, 6); m < n; m++)
        {
            int pos = rng.Next(t.Count + 1);
            int len = Math.Min(rng.Next(1, 12), t.Count - pos);
            switch (rng.Next(5))
            {
                case 0: // splice in a run of tokens from another corpus program
                {
                    var other = corpusTokens[rng.Next(corpusTokens.Length)];
                    int from = rng.Next(other.Length + 1);
                    t.InsertRange(pos, other.Skip(from).Take(rng.Next(1, 30)));
                    break;
                }
                case 1: t.RemoveRange(pos, len); break;
                case 2: t.InsertRange(pos, t.Skip(pos).Take(len).ToList()); break;
                case 3: if (pos < t.Count) t[pos] = dictionary[rng.Next(dictionary.Length)]; break;
                default: t.Insert(pos, dictionary[rng.Next(dictionary.Length)]); break;
            }
        }
        return t;
    }

    /// <summary>A rough JavaScript tokenizer: identifiers, numbers, string literals, punctuation, whitespace runs. Good enough to mutate at token boundaries.</summary>
    public static string[] Tokenize(string src)
    {
        var list = new List<string>();
        int i = 0;
        while (i < src.Length)
        {
            int start = i;
            char c = src[i];
            if (char.IsWhiteSpace(c)) { while (i < src.Length && char.IsWhiteSpace(src[i])) i++; }
            else if (char.IsLetter(c) || c is '_' or '$' or '#') { i++; while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] is '_' or '$')) i++; }
            else if (char.IsDigit(c)) { i++; while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] == '.')) i++; }
            else if (c is '"' or '\'')
            {
                i++;
                while (i < src.Length && src[i] != c && src[i] != '\n') i += src[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, src.Length);
            }
            else if (c == '/' && i + 1 < src.Length && src[i + 1] == '/') { while (i < src.Length && src[i] != '\n') i++; }
            else i++;
            list.Add(src[start..i]);
        }
        return list.ToArray();
    }
}
