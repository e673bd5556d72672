using System.Globalization;
using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// \p{Script=…}, \p{sc=…}, \p{Script_Extensions=…} and \p{scx=…} (and \P) for /u and /v patterns, which
/// .NET regular expressions (and so Acornima's adaptation) cannot express: before adaptation each such
/// escape is replaced by an explicit class of code point ranges. The ranges come from
/// unicode-scripts.txt (embedded; generated from node by unicode-scripts.gen.js).
/// </summary>
internal static class UnicodeScripts
{
    static readonly Lazy<(Dictionary<string, (int Lo, int Hi)[]> Script, Dictionary<string, (int Lo, int Hi)[]> Extensions)> tables = new(Load);

    static (Dictionary<string, (int, int)[]>, Dictionary<string, (int, int)[]>) Load()
    {
        var sc = new Dictionary<string, (int, int)[]>(StringComparer.Ordinal);
        var scx = new Dictionary<string, (int, int)[]>(StringComparer.Ordinal);
        var aliases = new List<(string Alias, string Name)>();
        using var stream = typeof(UnicodeScripts).Assembly.GetManifestResourceStream("Flywheel.Engine.unicode-scripts.txt")
            ?? throw new InvalidOperationException("unicode-scripts.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (parts[0] == "alias") { aliases.Add((parts[1], parts[2])); continue; }
            var ranges = new (int, int)[parts.Length - 2];
            for (int i = 2; i < parts.Length; i++)
            {
                int dash = parts[i].IndexOf('-');
                int lo = int.Parse(dash < 0 ? parts[i] : parts[i][..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                int hi = dash < 0 ? lo : int.Parse(parts[i][(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                ranges[i - 2] = (lo, hi);
            }
            (parts[0] == "sc" ? sc : scx)[parts[1]] = ranges;
        }
        foreach (var (alias, name) in aliases)
        {
            if (sc.TryGetValue(name, out var r1)) sc[alias] = r1;
            if (scx.TryGetValue(name, out var r2)) scx[alias] = r2;
        }
        return (sc, scx);
    }

    /// <summary>
    /// The pattern with every script property escape replaced by an equivalent class, or the pattern
    /// itself when it has none (or is not a /u or /v pattern, where \p is just "p"). Unknown script
    /// names are left alone, so the adaptation reports them as a SyntaxError.
    /// </summary>
    public static string Rewrite(string pattern, string flags)
    {
        if (!(flags.Contains('u') || flags.Contains('v')) || (!pattern.Contains("\\p{") && !pattern.Contains("\\P{"))) return pattern;
        var sb = new StringBuilder(pattern.Length);
        int classDepth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[i + 1];
                if ((n == 'p' || n == 'P') && i + 2 < pattern.Length && pattern[i + 2] == '{')
                {
                    int close = pattern.IndexOf('}', i + 3);
                    if (close > 0 && Lookup(pattern[(i + 3)..close]) is { } ranges)
                    {
                        bool negate = n == 'P';
                        if (classDepth > 0) AppendRanges(sb, negate ? Complement(ranges) : ranges);
                        else { sb.Append(negate ? "[^" : "["); AppendRanges(sb, ranges); sb.Append(']'); }
                        i = close;
                        continue;
                    }
                }
                sb.Append(c).Append(n);
                i++;
                continue;
            }
            if (c == '[') classDepth++;
            else if (c == ']' && classDepth > 0) classDepth--;
            sb.Append(c);
        }
        return sb.ToString();
    }

    static (int Lo, int Hi)[]? Lookup(string property)
    {
        int eq = property.IndexOf('=');
        if (eq < 0) return null;
        string key = property[..eq], value = property[(eq + 1)..];
        var (sc, scx) = tables.Value;
        var table = key is "Script" or "sc" ? sc : key is "Script_Extensions" or "scx" ? scx : null;
        return table != null && table.TryGetValue(value, out var ranges) ? ranges : null;
    }

    static (int Lo, int Hi)[] Complement((int Lo, int Hi)[] ranges)
    {
        var result = new List<(int, int)>();
        int next = 0;
        foreach (var (lo, hi) in ranges)
        {
            if (lo > next) result.Add((next, lo - 1));
            next = hi + 1;
        }
        if (next <= 0x10FFFF) result.Add((next, 0x10FFFF));
        return [.. result];
    }

    static void AppendRanges(StringBuilder sb, (int Lo, int Hi)[] ranges)
    {
        foreach (var (lo, hi) in ranges)
        {
            sb.Append("\\u{").Append(lo.ToString("X", CultureInfo.InvariantCulture)).Append('}');
            if (hi != lo) sb.Append("-\\u{").Append(hi.ToString("X", CultureInfo.InvariantCulture)).Append('}');
        }
    }
}
