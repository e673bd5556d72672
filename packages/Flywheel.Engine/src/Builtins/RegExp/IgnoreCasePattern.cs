// Acornima marks its RegExp → .NET adaptation obsolete (to be removed in its next major version); we pin 1.9.1 and rely on it.
#pragma warning disable CS0618
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Acornima;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// Rewrites an /i pattern into a case-sensitive one that, run on a subject folded by
/// <see cref="CaseFolding.Fold(string)"/>, matches exactly where ECMAScript's /i would. .NET's
/// <c>RegexOptions.IgnoreCase</c> cannot do this: its case equivalences differ from ECMAScript's for
/// about 130 BMP characters without /u and 75 with it (U+0130/U+0131, long s, the Kelvin sign, final
/// sigma, …), and its backreferences compare with those same tables.
/// </summary>
/// <remarks>
/// A folded subject holds only class representatives, so the pattern has to match representatives:
/// <list type="bullet">
/// <item>a literal character becomes its representative;</item>
/// <item>a set S (a class, negated or not, or an escape such as \w or \p{…}) gains the representative of
/// every class that meets S. ECMAScript matches a character when some member of S has the same canonical
/// form; on a folded subject that is "the representative is in S or its class meets S", and a negated
/// class is the complement of the same thing, so the same addition serves both;</item>
/// <item>backreferences, anchors, \b (with /iu, long s and the Kelvin sign fold to word characters, as
/// ECMAScript's WordCharacters wants) and `.` need nothing: they compare folded text with folded text or
/// test characters whose class is themselves.</item>
/// </list>
/// Everything else (group names, \k&lt;name&gt;, \p{Name}, \cX, quantifiers) is copied unchanged.
/// </remarks>
internal sealed class IgnoreCasePattern
{
    readonly string p;
    readonly bool unicode;
    readonly CaseFolding folding;
    readonly StringBuilder sb;
    readonly int captureCount;
    readonly bool hasNamedGroups;
    int i;

    /// <summary>Thrown at a construct the rewrite does not handle; the caller then keeps .NET's IgnoreCase.</summary>
    sealed class Unsupported : Exception;

    IgnoreCasePattern(string pattern, bool unicode)
    {
        p = pattern;
        this.unicode = unicode;
        folding = unicode ? CaseFolding.Unicode : CaseFolding.NonUnicode;
        sb = new StringBuilder(pattern.Length + 16);
        (captureCount, hasNamedGroups) = CountGroups(pattern);
    }

    /// <summary>
    /// The case-sensitive equivalent of the /i pattern <paramref name="pattern"/> on folded subjects, or
    /// null for what the rewrite does not handle (inline modifiers such as (?i:…), which node does not
    /// support either, and malformed patterns, which the adaptation then reports).
    /// </summary>
    public static string? Rewrite(string pattern, bool unicode)
    {
        var w = new IgnoreCasePattern(pattern, unicode);
        try { w.Pattern(); }
        catch (Unsupported) { return null; }
        return w.sb.ToString();
    }

    static (int Captures, bool Named) CountGroups(string p)
    {
        int count = 0;
        bool named = false, inClass = false;
        for (int k = 0; k < p.Length; k++)
        {
            char c = p[k];
            if (c == '\\') { k++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(')
            {
                if (k + 1 < p.Length && p[k + 1] == '?')
                {
                    if (k + 3 < p.Length && p[k + 2] == '<' && p[k + 3] != '=' && p[k + 3] != '!') { count++; named = true; }
                }
                else count++;
            }
        }
        return (count, named);
    }

    char At(int k) => k < p.Length ? p[k] : '\0';

    /// <summary>The code point at <paramref name="k"/> (a surrogate pair is one only with /u) and its length.</summary>
    (int Cp, int Len) CodePointAt(int k)
    {
        char c = p[k];
        if (unicode && char.IsHighSurrogate(c) && k + 1 < p.Length && char.IsLowSurrogate(p[k + 1])) return (char.ConvertToUtf32(c, p[k + 1]), 2);
        return (c, 1);
    }

    void Pattern()
    {
        while (i < p.Length)
        {
            char c = p[i];
            if (c == '\\') AtomEscape();
            else if (c == '[') Class();
            else if (c == '(') Group();
            else
            {
                var (cp, len) = CodePointAt(i);
                Char(cp, i, len);
                i += len;
            }
        }
    }

    /// <summary>A literal character written as p[start..start+len): itself, or its representative.</summary>
    void Char(int cp, int start, int len)
    {
        int rep = folding.Representative(cp);
        if (rep == cp) sb.Append(p, start, len);
        else AppendEscaped(sb, rep);
    }

    void AppendEscaped(StringBuilder to, int cp)
    {
        if (unicode) to.Append("\\u{").Append(cp.ToString("X", CultureInfo.InvariantCulture)).Append('}');
        else to.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
    }

    void Group()
    {
        if (At(i + 1) != '?') { sb.Append('('); i++; return; }
        char k = At(i + 2);
        if (k == '<' && At(i + 3) != '=' && At(i + 3) != '!')
        {
            // A named group: the name is copied as written.
            int close = p.IndexOf('>', i);
            if (close < 0) throw new Unsupported();
            sb.Append(p, i, close + 1 - i);
            i = close + 1;
            return;
        }
        if (k is ':' or '=' or '!') { sb.Append(p, i, 3); i += 3; return; }
        if (k == '<') { sb.Append(p, i, 4); i += 4; return; }
        throw new Unsupported();
    }

    // ------------------------------------------------------------------ escapes

    void AtomEscape()
    {
        int start = i;
        if (i + 1 >= p.Length) throw new Unsupported();
        char e = p[i + 1];
        switch (e)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                i += 2;
                SetOutsideClass(new Item(ItemKind.Escape, e, e, "\\" + e), start);
                return;
            case 'p' or 'P' when unicode:
            {
                int close = p.IndexOf('}', i);
                if (At(i + 2) != '{' || close < 0) throw new Unsupported();
                i = close + 1;
                SetOutsideClass(new Item(ItemKind.Property, 0, 0, p[start..i]), start);
                return;
            }
            case 'b' or 'B':
                sb.Append(p, i, 2); i += 2; return;
            case 'k' when unicode || hasNamedGroups:
            {
                int close = p.IndexOf('>', i);
                if (At(i + 2) != '<' || close < 0) throw new Unsupported();
                sb.Append(p, i, close + 1 - i);
                i = close + 1;
                return;
            }
            case >= '1' and <= '9':
            {
                int k = i + 1, value = 0;
                while (k < p.Length && char.IsAsciiDigit(p[k]) && value < 100000) value = value * 10 + (p[k++] - '0');
                if (unicode || value <= captureCount)
                {
                    // A backreference compares folded text with folded text: nothing to do.
                    sb.Append(p, i, k - i);
                    i = k;
                    return;
                }
                break; // Annex B: a legacy octal escape or an identity escape (\8, \9), below
            }
        }
        int cp = CharacterEscape(inClass: false);
        if (cp < 0) { sb.Append("\\\\"); i = start + 1; return; } // Annex B "\c": a backslash, then "c" as itself
        Char(cp, start, i - start);
    }

    /// <summary>
    /// The character an escape at i denotes (i is moved past it), or -1 for the Annex B "\c" that is a
    /// literal backslash. Only escapes that denote one character get here.
    /// </summary>
    int CharacterEscape(bool inClass)
    {
        char e = p[i + 1];
        switch (e)
        {
            case 'f': i += 2; return '\f';
            case 'n': i += 2; return '\n';
            case 'r': i += 2; return '\r';
            case 't': i += 2; return '\t';
            case 'v': i += 2; return '\v';
            case 'c':
            {
                char l = At(i + 2);
                if (char.IsAsciiLetter(l) || (inClass && !unicode && (char.IsAsciiDigit(l) || l == '_'))) { i += 3; return l % 32; }
                if (unicode) throw new Unsupported();
                return -1;
            }
            case '0' when unicode:
                if (char.IsAsciiDigit(At(i + 2))) throw new Unsupported();
                i += 2;
                return 0;
            case >= '0' and <= '7':
            {
                // Annex B legacy octal: up to three digits when the first is 0–3, two when it is 4–7.
                int k = i + 1, value = 0, max = e <= '3' ? 3 : 2;
                while (k < p.Length && k - (i + 1) < max && p[k] is >= '0' and <= '7') value = value * 8 + (p[k++] - '0');
                i = k;
                return value;
            }
            case 'x':
                if (Uri.IsHexDigit(At(i + 2)) && Uri.IsHexDigit(At(i + 3)))
                {
                    int v = Convert.ToInt32(p.Substring(i + 2, 2), 16);
                    i += 4;
                    return v;
                }
                if (unicode) throw new Unsupported();
                i += 2;
                return 'x';
            case 'u':
            {
                if (unicode && At(i + 2) == '{')
                {
                    int close = p.IndexOf('}', i);
                    var digits = close < 0 ? default : p.AsSpan(i + 3, close - i - 3).TrimStart('0');
                    if (close < 0 || close == i + 3 || digits.Length > 6 || digits.ContainsAnyExcept("0123456789abcdefABCDEF")) throw new Unsupported();
                    int v = digits.Length == 0 ? 0 : int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (v > 0x10FFFF) throw new Unsupported();
                    i = close + 1;
                    return v;
                }
                if (Hex4(i + 2) is int u)
                {
                    i += 6;
                    if (unicode && char.IsHighSurrogate((char)u) && At(i) == '\\' && At(i + 1) == 'u' && Hex4(i + 2) is int lo && char.IsLowSurrogate((char)lo))
                    {
                        i += 6;
                        return char.ConvertToUtf32((char)u, (char)lo);
                    }
                    return u;
                }
                if (unicode) throw new Unsupported();
                i += 2;
                return 'u';
            }
            default:
            {
                // An identity escape: with /u only syntax characters and "/" (and "-" in a class, handled
                // there); anything else is an error the adaptation of the pattern as written reports.
                if (unicode && !"^$\\.*+?()[]{}|/".Contains(e)) throw new Unsupported();
                var (cp, len) = CodePointAt(i + 1);
                i += 1 + len;
                return cp;
            }
        }
    }

    int? Hex4(int k)
    {
        if (k + 4 > p.Length) return null;
        for (int j = k; j < k + 4; j++) if (!Uri.IsHexDigit(p[j])) return null;
        return Convert.ToInt32(p.Substring(k, 4), 16);
    }

    // ------------------------------------------------------------------ sets

    enum ItemKind { Range, Escape, Property }

    /// <summary>A class item: a range (a character is a range of one), an escape (\d \D \s \S \w \W), or a property escape (its text).</summary>
    readonly record struct Item(ItemKind Kind, int Lo, int Hi, string? Text);

    /// <summary>An escape outside a class: unchanged unless its set needs representatives, then a class of both.</summary>
    void SetOutsideClass(Item item, int start)
    {
        var extra = Representatives([item]);
        if (extra.Count == 0) { sb.Append(p, start, i - start); return; }
        sb.Append('[').Append(p, start, i - start);
        AppendRanges(extra);
        sb.Append(']');
    }

    void Class()
    {
        int start = i;
        i++;
        bool negated = At(i) == '^';
        if (negated) i++;
        var items = new List<Item>();
        while (true)
        {
            if (i >= p.Length) throw new Unsupported();
            if (p[i] == ']') { i++; break; }
            var a = ClassAtom();
            if (At(i) == '-' && At(i + 1) != ']' && i + 1 < p.Length)
            {
                if (unicode && a.Kind != ItemKind.Range) throw new Unsupported();
                i++;
                var b = ClassAtom();
                if (a.Kind == ItemKind.Range && b.Kind == ItemKind.Range) { items.Add(a with { Hi = b.Lo }); continue; }
                if (unicode) throw new Unsupported();
                // Annex B: a class escape next to "-" makes the "-" a literal (with /u it is an error the adaptation reports).
                items.Add(a);
                items.Add(new Item(ItemKind.Range, '-', '-', null));
                items.Add(b);
                continue;
            }
            items.Add(a);
        }
        var extra = Representatives(items);
        if (extra.Count == 0) { sb.Append(p, start, i - start); return; }
        // Rebuilt from the items, every character escaped, so that no new neighbour can form a range.
        sb.Append(negated ? "[^" : "[");
        foreach (var it in items)
        {
            if (it.Kind != ItemKind.Range) { sb.Append(it.Text); continue; }
            AppendEscaped(sb, it.Lo);
            if (it.Hi != it.Lo) { sb.Append('-'); AppendEscaped(sb, it.Hi); }
        }
        AppendRanges(extra);
        sb.Append(']');
    }

    Item ClassAtom()
    {
        if (p[i] != '\\')
        {
            var (cp, len) = CodePointAt(i);
            i += len;
            return new Item(ItemKind.Range, cp, cp, null);
        }
        if (i + 1 >= p.Length) throw new Unsupported();
        char e = p[i + 1];
        switch (e)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                i += 2;
                return new Item(ItemKind.Escape, e, e, "\\" + e);
            case 'p' or 'P' when unicode:
            {
                int close = p.IndexOf('}', i);
                if (At(i + 2) != '{' || close < 0) throw new Unsupported();
                string text = p[i..(close + 1)];
                i = close + 1;
                return new Item(ItemKind.Property, 0, 0, text);
            }
            case 'b': i += 2; return new Item(ItemKind.Range, 8, 8, null);
            case '-' when unicode: i += 2; return new Item(ItemKind.Range, '-', '-', null);
            case '8' or '9' when !unicode: i += 2; return new Item(ItemKind.Range, e, e, null);
            case >= '1' and <= '9' when unicode: throw new Unsupported();
        }
        int cp2 = CharacterEscape(inClass: true);
        if (cp2 < 0) { i++; return new Item(ItemKind.Range, '\\', '\\', null); } // Annex B "\c": the backslash alone
        return new Item(ItemKind.Range, cp2, cp2, null);
    }

    /// <summary>The representatives of the classes that meet the union of <paramref name="items"/> but are not in it themselves, sorted.</summary>
    List<int> Representatives(List<Item> items)
    {
        var extra = new List<int>();
        foreach (var cls in folding.Classes)
        {
            if (Contains(items, cls[0])) continue;
            for (int k = 1; k < cls.Length; k++)
                if (Contains(items, cls[k])) { extra.Add(cls[0]); break; }
        }
        extra.Sort();
        return extra;
    }

    bool Contains(List<Item> items, int c)
    {
        foreach (var it in items)
        {
            bool hit = it.Kind switch
            {
                ItemKind.Range => c >= it.Lo && c <= it.Hi,
                ItemKind.Escape => EscapeContains((char)it.Lo, c),
                _ => PropertyMembers(it.Text!).Contains(c),
            };
            if (hit) return true;
        }
        return false;
    }

    bool EscapeContains(char escape, int c) => escape switch
    {
        'd' => c is >= '0' and <= '9',
        'D' => c is not (>= '0' and <= '9'),
        's' => IsWhiteSpaceOrLineTerminator(c),
        'S' => !IsWhiteSpaceOrLineTerminator(c),
        'w' => IsWordCharacter(c),
        _ => !IsWordCharacter(c),
    };

    /// <summary>WordCharacters: with /u and /i also every character whose folding is a basic word character (U+017F, U+212A).</summary>
    bool IsWordCharacter(int c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        || (unicode && folding.Representative(c) is var r && r != c && r < 128 && IsWordCharacter(r));

    static bool IsWhiteSpaceOrLineTerminator(int c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 or 0xFEFF;

    /// <summary>Which class members (of the /u folding) a property escape such as \p{Lu} contains: asked of its own adaptation once per text.</summary>
    static readonly ConcurrentDictionary<string, HashSet<int>> propertyMembers = new();

    static HashSet<int> PropertyMembers(string text) => propertyMembers.GetOrAdd(text, static t =>
    {
        Regex? rx;
        try { rx = Tokenizer.AdaptRegExp(t, "u", false, TimeSpan.FromSeconds(10), true, EcmaVersion.Latest, ExperimentalESFeatures.None).Regex; }
        catch (Exception e) when (e is ParseErrorException or ArgumentException or InvalidOperationException) { rx = null; }
        if (rx == null) throw new Unsupported(); // an unknown property: the adaptation of the whole pattern reports it
        var set = new HashSet<int>();
        foreach (int m in CaseFolding.Unicode.Members)
        {
            string s = char.ConvertFromUtf32(m);
            var match = rx.Match(s);
            if (match.Success && match.Index == 0 && match.Length == s.Length) set.Add(m);
        }
        return set;
    });

    void AppendRanges(List<int> sorted)
    {
        for (int k = 0; k < sorted.Count; k++)
        {
            int lo = sorted[k];
            while (k + 1 < sorted.Count && sorted[k + 1] == sorted[k] + 1) k++;
            AppendEscaped(sb, lo);
            if (sorted[k] != lo) { sb.Append('-'); AppendEscaped(sb, sorted[k]); }
        }
    }
}
