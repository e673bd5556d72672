using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Flywheel.Engine.Tests;

/// <summary>
/// RegExp /i and /iu match like ECMAScript's Canonicalize: checked for every BMP code unit against a
/// reference written here from .NET's own Unicode data (independent of the engine's table, which comes
/// from node), with random classes, ranges and backreferences, and against node where it is installed.
/// </summary>
public class RegExpIgnoreCaseTests
{
    // ------------------------------------------------------------------ the reference

    /// <summary>
    /// Code units whose full uppercase (SpecialCasing.txt, unconditional) is more than one code unit: the
    /// specification's Canonicalize leaves them alone without /u, where .NET's simple mapping would not
    /// (e.g. U+1F80 → U+1F88).
    /// </summary>
    static readonly HashSet<int> MultiCharUppercase = Ranges(
        "00DF 0149 01F0 0390 03B0 0587 1E96-1E9A 1F50 1F52 1F54 1F56 1F80-1FAF 1FB2-1FB4 1FB6-1FB7 1FBC 1FC2-1FC4 " +
        "1FC6-1FC7 1FCC 1FD2-1FD3 1FD6-1FD7 1FE2-1FE4 1FE6-1FE7 1FF2-1FF4 1FF6-1FF7 1FFC FB00-FB06 FB13-FB17");

    static HashSet<int> Ranges(string text)
    {
        var set = new HashSet<int>();
        foreach (var part in text.Split(' '))
        {
            var ends = part.Split('-');
            int lo = int.Parse(ends[0], NumberStyles.HexNumber), hi = int.Parse(ends[^1], NumberStyles.HexNumber);
            for (int c = lo; c <= hi; c++) set.Add(c);
        }
        return set;
    }

    /// <summary>Canonicalize(rer, ch) without /u (ECMA-262 22.2.2.7.3): toUppercase if that is one code unit and does not map non-ASCII to ASCII.</summary>
    static int CanonicalizeNonUnicode(int c)
    {
        if (MultiCharUppercase.Contains(c)) return c;
        int u = char.ToUpperInvariant((char)c);
        return c >= 128 && u < 128 ? c : u;
    }

    /// <summary>
    /// Simple case folding (CaseFolding.txt, statuses C and S) as a class key: the lower case of the upper
    /// case, except U+0130 and U+0131 (only Turkic foldings, status T), U+017F (long s folds to s, but
    /// .NET's invariant casing leaves it alone) and the three status-S pairs whose members have no simple
    /// case mappings to connect them.
    /// </summary>
    static int FoldUnicode(int c) => c switch
    {
        0x0130 or 0x0131 => c,
        0x017F => 's',
        0x1FD3 => 0x0390,
        0x1FE3 => 0x03B0,
        0xFB05 => 0xFB06,
        _ => char.ToLowerInvariant(char.ToUpperInvariant((char)c)),
    };

    static int Reference(int c, bool unicode) => unicode ? FoldUnicode(c) : CanonicalizeNonUnicode(c);

    /// <summary>Characters .NET's Unicode version does not assign (node's may): the reference knows nothing of them.</summary>
    static bool Known(int c) => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned;

    static bool IsSurrogate(int c) => c is >= 0xD800 and <= 0xDFFF;

    static string Escape(int c, bool unicode) => unicode ? $"\\\\u{{{c:X}}}" : $"\\\\u{c:X4}";

    static string RunFlywheel(string src)
    {
        var o = new StringWriter();
        using var e = new JsEngine(new JsEngineOptions { Output = o });
        e.Execute(src);
        return o.ToString();
    }

    // ------------------------------------------------------------------ every BMP code unit

    /// <summary>
    /// A program that prints, for each of <paramref name="sources"/>, the code units /x/gi (or /x/giu)
    /// finds in a string of every BMP code unit (surrogates left out with /u, where they would pair up).
    /// </summary>
    static string ScanProgram(IEnumerable<int> sources, bool unicode)
    {
        var sb = new StringBuilder();
        sb.Append("const unicode = ").Append(unicode ? "true" : "false").Append(";\n");
        // A string, not an array literal: a top-level literal of 65,536 elements makes every collection slow.
        sb.Append("const sources = \"").AppendJoin(",", sources).Append("\".split(\",\").map(Number);\n");
        sb.Append("""
            const units = [];
            for (let c = 0; c < 0x10000; c++) if (!(unicode && c >= 0xd800 && c <= 0xdfff)) units.push(c);
            let all = "";
            for (let i = 0; i < units.length; i += 4096) all += String.fromCharCode.apply(null, units.slice(i, i + 4096));
            const lines = [];
            for (const a of sources) {
              const re = new RegExp(unicode ? "\\u{" + a.toString(16) + "}" : "\\u" + a.toString(16).padStart(4, "0"), unicode ? "giu" : "gi");
              let m, line = a.toString(16) + ":";
              while ((m = re.exec(all)) !== null) line += " " + all.charCodeAt(m.index).toString(16);
              lines.push(line);
            }
            console.log(lines.join("\n"));
            """);
        return sb.ToString();
    }

    static Dictionary<int, int[]> ParseScan(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries).Select(h => int.Parse(h, NumberStyles.HexNumber)).ToArray();
            return (parts[0], parts[1..]);
        }).ToDictionary(p => p.Item1, p => p.Item2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryBmpCodeUnitMatchesExactlyItsReferenceClass(bool unicode)
    {
        var sources = Enumerable.Range(0, 0x10000).Where(c => !(unicode && IsSurrogate(c))).ToArray();
        var found = ParseScan(RunFlywheel(ScanProgram(sources, unicode)));
        Assert.Equal(sources.Length, found.Count);
        var byKey = sources.Where(Known).GroupBy(c => Reference(c, unicode)).ToDictionary(g => g.Key, g => g.ToArray());
        var wrong = new List<string>();
        foreach (int a in sources.Where(Known))
        {
            var expected = byKey[Reference(a, unicode)];
            var actual = found[a].Where(Known).ToArray();
            if (!expected.SequenceEqual(actual))
                wrong.Add($"U+{a:X4}: expected [{string.Join(" ", expected.Select(c => c.ToString("X4")))}], matched [{string.Join(" ", actual.Select(c => c.ToString("X4")))}]");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} code units under /{(unicode ? "iu" : "i")} differ from the reference:\n" + string.Join("\n", wrong.Take(40)));
    }

    // ------------------------------------------------------------------ random classes, ranges, backreferences

    /// <summary>Code units that have a case relation for .NET (the interesting ones), or any non-surrogate one.</summary>
    static readonly int[] Cased = Enumerable.Range(0, 0x10000)
        .Where(c => !IsSurrogate(c) && Known(c) && (char.ToUpperInvariant((char)c) != c || char.ToLowerInvariant((char)c) != c || MultiCharUppercase.Contains(c) || c is 0x1FD3 or 0x1FE3 or 0xFB05))
        .ToArray();

    static Gen<int> CharGen() => Gen.OneOf(Gen.Elements(Cased), Gen.Elements(Cased), Gen.Choose(0, 0xFFFF).Where(c => !IsSurrogate(c) && Known(c)));

    /// <summary>For each cased code unit, the code units related to it by either reference or by .NET's own casing (the near misses).</summary>
    static readonly Dictionary<int, int[]> Related = BuildRelated();

    static Dictionary<int, int[]> BuildRelated()
    {
        var keyed = Cased.SelectMany(c => new[] { (Key: (false, Reference(c, false)), C: c), (Key: (true, Reference(c, true)), C: c) })
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.C).ToArray());
        return Cased.ToDictionary(c => c, c => keyed[(false, Reference(c, false))].Concat(keyed[(true, Reference(c, true))])
            .Append(char.ToUpperInvariant((char)c)).Append(char.ToLowerInvariant((char)c)).Where(x => !IsSurrogate(x)).Distinct().ToArray());
    }

    /// <summary>A subject character for <paramref name="a"/>: half the time one related to it, where the two case tables can disagree.</summary>
    static Gen<int> SubjectGen(int a) => Related.TryGetValue(a, out var related) ? Gen.OneOf(Gen.Elements(related), CharGen()) : CharGen();

    /// <summary>One check: a pattern, a subject, and whether the reference says it matches.</summary>
    sealed record Case(string Pattern, bool Unicode, int[] Subject, bool Expected);

    static Gen<Case> CaseGen() =>
        from unicode in Gen.Elements(false, true)
        from a in CharGen()
        from b in SubjectGen(a)
        from span in Gen.Choose(0, 40)
        from kind in Gen.Choose(0, 4)
        select Build(kind, unicode, a, b, span);

    static Case Build(int kind, bool unicode, int a, int b, int span)
    {
        bool Same(int x, int y) => Reference(x, unicode) == Reference(y, unicode);
        string A = Escape(a, unicode);
        // A range of up to 40 code units from a, short of the surrogates and of characters the reference does not know.
        int hi = a;
        while (hi < a + span && hi < 0xFFFF && !IsSurrogate(hi + 1) && Known(hi + 1)) hi++;
        bool inRange = Enumerable.Range(a, hi - a + 1).Any(c => Same(c, b));
        return kind switch
        {
            0 => new Case($"^{A}$", unicode, [b], Same(a, b)),
            1 => new Case($"^[{A}]$", unicode, [b], Same(a, b)),
            2 => new Case($"^[^{A}]$", unicode, [b], !Same(a, b)),
            3 => new Case($"^({A})\\\\1$", unicode, [a, b], Same(a, b)),
            _ => new Case($"^[{A}-{Escape(hi, unicode)}]$", unicode, [b], inRange),
        };
    }

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property ClassesRangesAndBackreferencesMatchTheReference() =>
        Prop.ForAll(CaseGen().ArrayOf(200).ToArbitrary(), cases =>
        {
            var src = new StringBuilder("const r = [];\n");
            foreach (var c in cases)
                src.Append($"r.push(new RegExp(\"{c.Pattern}\", \"{(c.Unicode ? "iu" : "i")}\").test(String.fromCharCode({string.Join(",", c.Subject)})) ? 1 : 0);\n");
            src.Append("console.log(r.join(''));\n");
            var got = RunFlywheel(src.ToString()).Trim();
            var expected = string.Concat(cases.Select(c => c.Expected ? '1' : '0'));
            int first = Enumerable.Range(0, cases.Length).FirstOrDefault(i => i >= got.Length || got[i] != expected[i], -1);
            return (got == expected).Label(first < 0 ? got : $"/{cases[first].Pattern}/{(cases[first].Unicode ? "iu" : "i")} on [{string.Join(" ", cases[first].Subject.Select(s => s.ToString("X4")))}]: expected {expected[first]}");
        });

    // ------------------------------------------------------------------ node

    /// <summary>
    /// Where node is installed: the same scans print the same under node, for every cased code unit and
    /// every 7th other one, with and without /u (this also covers what .NET's Unicode version lacks).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ScansPrintTheSameAsNode(bool unicode)
    {
        if (Corpus.NodePath == null) return; // node is the oracle only where installed
        var sources = Enumerable.Range(0, 0x10000).Where(c => !IsSurrogate(c) && (c % 7 == 0 || Array.BinarySearch(Cased, c) >= 0 || !Known(c))).ToArray();
        var program = ScanProgram(sources, unicode);
        var file = Path.GetTempFileName() + ".js";
        File.WriteAllText(file, program);
        try
        {
            var (exit, node, err) = Corpus.RunProcess(Corpus.NodePath, $"\"{file}\"", timeoutMs: 300_000);
            Assert.True(exit == 0, err);
            var mine = RunFlywheel(program);
            if (mine == node) return;
            var a = mine.Split('\n');
            var b = node.Split('\n');
            var diffs = Enumerable.Range(0, Math.Min(a.Length, b.Length)).Where(i => a[i] != b[i]).Take(20).Select(i => $"flywheel {a[i]}\nnode     {b[i]}");
            Assert.Fail($"/{(unicode ? "iu" : "i")} scans differ from node:\n" + string.Join("\n", diffs));
        }
        finally { File.Delete(file); }
    }
}
