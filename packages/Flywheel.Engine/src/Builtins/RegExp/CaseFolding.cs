using System.Globalization;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// ECMAScript's case equivalence for one kind of /i pattern: without /u (Canonicalize by toUpperCase,
/// code units) or with /u (simple case folding, code points). Each class of characters that /i treats
/// as equal has a representative; <see cref="Fold(string)"/> replaces every character of a subject
/// string by its representative, so a pattern rewritten to match representatives (see
/// <see cref="IgnoreCasePattern"/>) and run case-sensitively on the folded string matches exactly
/// where ECMAScript's /i matching would, backreferences included, at the same indices.
/// </summary>
/// <remarks>
/// The classes come from case-folding.txt (embedded), generated from node's own /i and /iu matching by
/// case-folding.gen.js: node is the reference for JavaScript semantics, and .NET's
/// <c>char.ToUpperInvariant</c> cannot serve (it is a simple mapping where Canonicalize needs the full
/// one, e.g. U+1F80, and its Unicode version differs from node's).
/// </remarks>
internal sealed class CaseFolding
{
    /// <summary>The classes without /u and with /u, loaded on first use of an /i pattern.</summary>
    static readonly Lazy<(CaseFolding NonUnicode, CaseFolding Unicode)> tables = new(Load);

    public static CaseFolding NonUnicode => tables.Value.NonUnicode;
    public static CaseFolding Unicode => tables.Value.Unicode;

    /// <summary>True for the /u (and /v) folding, which works on code points.</summary>
    public readonly bool IsUnicode;
    /// <summary>Every class with more than one member, representative first, members in code point order after it.</summary>
    public readonly int[][] Classes;
    /// <summary>The representative of each BMP code unit (itself when alone in its class).</summary>
    readonly char[] bmp = new char[0x10000];
    /// <summary>The representative of each astral code point that has another (only with /u).</summary>
    readonly Dictionary<int, int> astral = [];
    /// <summary>Every member of every class, sorted, for set membership tests of whole classes.</summary>
    public readonly int[] Members;

    CaseFolding(bool unicode, List<int[]> classes)
    {
        IsUnicode = unicode;
        Classes = [.. classes];
        for (int c = 0; c < bmp.Length; c++) bmp[c] = (char)c;
        var members = new List<int>();
        foreach (var cls in classes)
            foreach (int m in cls)
            {
                members.Add(m);
                if (m < 0x10000) bmp[m] = (char)cls[0];
                else astral[m] = cls[0];
            }
        members.Sort();
        Members = [.. members];
    }

    static (CaseFolding, CaseFolding) Load()
    {
        var nonUnicode = new List<int[]>();
        var unicode = new List<int[]>();
        using var stream = typeof(CaseFolding).Assembly.GetManifestResourceStream("Flywheel.Engine.case-folding.txt")
            ?? throw new InvalidOperationException("case-folding.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var members = new int[parts.Length - 1];
            for (int i = 1; i < parts.Length; i++) members[i - 1] = int.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            // Folding must keep every string's length in code units, so that indices carry over.
            if (members.Any(m => m >= 0x10000 != members[0] >= 0x10000)) throw new InvalidOperationException($"case-folding.txt: class mixes BMP and astral: {line}");
            (parts[0] == "i" ? nonUnicode : unicode).Add(members);
        }
        return (new CaseFolding(false, nonUnicode), new CaseFolding(true, unicode));
    }

    /// <summary>The representative of <paramref name="c"/>'s class (a code unit without /u, a code point with it).</summary>
    public int Representative(int c) => c < 0x10000 ? bmp[c] : astral.TryGetValue(c, out int r) ? r : c;

    /// <summary>
    /// <paramref name="s"/> with every character replaced by its representative: the same length, and
    /// <paramref name="s"/> itself when nothing changes. Without /u surrogates are code units like any
    /// other; with /u a pair is one code point and a lone surrogate is itself.
    /// </summary>
    public string Fold(string s)
    {
        int i = FirstChange(s);
        if (i < 0) return s;
        return string.Create(s.Length, (s, i, this), static (dst, state) =>
        {
            var (src, first, f) = state;
            src.AsSpan(0, first).CopyTo(dst);
            for (int k = first; k < src.Length; k++)
            {
                char c = src[k];
                if (f.IsUnicode && char.IsHighSurrogate(c) && k + 1 < src.Length && char.IsLowSurrogate(src[k + 1]))
                {
                    int cp = char.ConvertToUtf32(c, src[k + 1]);
                    int r = f.astral.TryGetValue(cp, out int rep) ? rep : cp;
                    dst[k] = (char)(0xD800 + ((r - 0x10000) >> 10));
                    dst[k + 1] = (char)(0xDC00 + ((r - 0x10000) & 0x3FF));
                    k++;
                }
                else dst[k] = f.bmp[c];
            }
        });
    }

    int FirstChange(string s)
    {
        var table = bmp;
        bool pairs = IsUnicode && astral.Count > 0;
        for (int k = 0; k < s.Length; k++)
        {
            char c = s[k];
            if (table[c] != c) return k;
            if (pairs && char.IsHighSurrogate(c) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
            {
                if (astral.ContainsKey(char.ConvertToUtf32(c, s[k + 1]))) return k;
                k++;
            }
        }
        return -1;
    }
}
