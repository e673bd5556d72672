using System.Globalization;
using System.Text;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// Exact Number ↔ String conversions: shortest round-trip digits (from .NET's "R" formatting) laid
/// out by ECMAScript's Number::toString rules, and StringToNumber's grammar.
/// </summary>
internal static class NumberConversion
{
    /// <summary>Shortest digits and decimal exponent n, with value = 0.digits × 10^n.</summary>
    public static (string Digits, int N) ShortestDigits(double d)
    {
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        // .NET's shortest digits are wrong where the gap below d is half the gap above (d a power
        // of two): it may pick digits that lie below the lower rounding boundary, so they read back
        // as the next double down (2 ** -25 came out as 2.980232238769531e-8; JsDiff finding
        // 1771353629). Then no string of that length or shorter rounds to d: try longer ones.
        if (double.Parse(r, CultureInfo.InvariantCulture) != d) r = ShortestByRoundTrip(d, SignificantDigits(r));
        if (r[0] == '-') r = r[1..];
        int e = 0;
        int ei = r.IndexOfAny(['E', 'e']);
        if (ei >= 0) { e = int.Parse(r[(ei + 1)..], CultureInfo.InvariantCulture); r = r[..ei]; }
        int dot = r.IndexOf('.');
        string ip = dot < 0 ? r : r[..dot], fp = dot < 0 ? "" : r[(dot + 1)..];
        string digits = ip + fp;
        int n = ip.Length + e;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; n--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        return (digits, n);
    }

    static int SignificantDigits(string r)
    {
        int count = 0;
        bool leading = true;
        foreach (char c in r)
        {
            if (c is 'E' or 'e') break;
            if (c is < '0' or > '9') continue;
            if (leading && c == '0') continue;
            leading = false;
            count++;
        }
        return Math.Max(count, 1);
    }

    /// <summary>
    /// The shortest decimal that reads back as <paramref name="d"/>, from <paramref name="from"/>
    /// significant digits up (17 always suffice). At each length the correctly rounded digits come
    /// first, as the closest candidate; when the rounding interval is lopsided, the neighbour one
    /// unit in the last place further out can lie inside it while the nearest does not.
    /// </summary>
    static string ShortestByRoundTrip(double d, int from)
    {
        for (int p = from; p <= 17; p++)
        {
            string nearest = d.ToString("E" + (p - 1), CultureInfo.InvariantCulture);
            if (double.Parse(nearest, CultureInfo.InvariantCulture) == d) return nearest;
            foreach (int step in (ReadOnlySpan<int>)[1, -1])
            {
                string neighbour = StepLastDigit(nearest, step);
                if (neighbour.Length > 0 && double.Parse(neighbour, CultureInfo.InvariantCulture) == d) return neighbour;
            }
        }
        return d.ToString("E16", CultureInfo.InvariantCulture);
    }

    /// <summary>"[-]D.DDDE±XXX" with the last mantissa digit moved by ±1 (carries included); "" when that changes the length.</summary>
    static string StepLastDigit(string formatted, int step)
    {
        int e = formatted.IndexOf('E');
        var chars = formatted.ToCharArray(0, e);
        for (int i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] is < '0' or > '9') continue;
            int v = chars[i] - '0' + step;
            if (v is >= 0 and <= 9) { chars[i] = (char)('0' + v); return new string(chars) + formatted[e..]; }
            chars[i] = step > 0 ? '0' : '9';
        }
        return ""; // 9.99…→10.0… or 1.00…→0.99…: the exponent would change; such a neighbour is not needed
    }

    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (d == 0) return "0";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
        var (s, n) = ShortestDigits(d);
        int k = s.Length;
        var sb = new StringBuilder();
        if (d < 0) sb.Append('-');
        if (k <= n && n <= 21) sb.Append(s).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(s, 0, n).Append('.').Append(s, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(s);
        else
        {
            sb.Append(s[0]);
            if (k > 1) sb.Append('.').Append(s, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1));
        }
        return sb.ToString();
    }

    public static bool IsJsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\u1680'
        or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';

    public static ReadOnlySpan<char> TrimJs(ReadOnlySpan<char> s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsJsWhitespace(s[a])) a++;
        while (b > a && IsJsWhitespace(s[b - 1])) b--;
        return s[a..b];
    }

    public static double StringToNumber(ReadOnlySpan<char> s)
    {
        s = TrimJs(s);
        if (s.Length == 0) return 0;
        if (s.Length > 2 && s[0] == '0')
        {
            int radix = s[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, 'b' or 'B' => 2, _ => 0 };
            if (radix != 0)
            {
                double v = 0;
                for (int i = 2; i < s.Length; i++)
                {
                    int dg = DigitValue(s[i]);
                    if (dg < 0 || dg >= radix) return double.NaN;
                    v = v * radix + dg;
                }
                return v;
            }
        }
        int p = 0;
        bool neg = false;
        if (s[0] == '+' || s[0] == '-') { neg = s[0] == '-'; p = 1; }
        if (s[p..].SequenceEqual("Infinity")) return neg ? double.NegativeInfinity : double.PositiveInfinity;
        int start = p, digits = 0;
        while (p < s.Length && char.IsAsciiDigit(s[p])) { p++; digits++; }
        if (p < s.Length && s[p] == '.') { p++; while (p < s.Length && char.IsAsciiDigit(s[p])) { p++; digits++; } }
        if (digits == 0) return double.NaN;
        if (p < s.Length && (s[p] == 'e' || s[p] == 'E'))
        {
            p++;
            if (p < s.Length && (s[p] == '+' || s[p] == '-')) p++;
            int ed = 0;
            while (p < s.Length && char.IsAsciiDigit(s[p])) { p++; ed++; }
            if (ed == 0) return double.NaN;
        }
        if (p != s.Length) return double.NaN;
        double r = double.Parse(s[start..], NumberStyles.Float, CultureInfo.InvariantCulture);
        return neg ? -r : r;
    }

    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Number.prototype.toString(radix) for radix ≠ 10 (V8's DoubleToRadixCString algorithm).</summary>
    public static string ToRadixString(double value, int radix)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return "0";
        const string chars = "0123456789abcdefghijklmnopqrstuvwxyz";
        bool neg = value < 0;
        if (neg) value = -value;
        double integer = Math.Floor(value), fraction = value - integer;
        double delta = 0.5 * (BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) + 1) - value);
        delta = Math.Max(BitConverter.Int64BitsToDouble(1), delta);
        var frac = new StringBuilder();
        if (fraction >= delta)
        {
            do
            {
                fraction *= radix;
                delta *= radix;
                int digit = (int)fraction;
                frac.Append(chars[digit]);
                fraction -= digit;
                if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) != 0))
                {
                    if (fraction + delta > 1)
                    {
                        // Round up, propagating carries.
                        while (true)
                        {
                            int i = frac.Length - 1;
                            if (i < 0) { integer += 1; break; }
                            int c = DigitValue(frac[i]) + 1;
                            if (c < radix) { frac[i] = chars[c]; break; }
                            frac.Length = i;
                        }
                        break;
                    }
                }
            } while (fraction >= delta);
        }
        var ip = new StringBuilder();
        do
        {
            double rem = Math.IEEERemainder(integer, radix);
            if (rem < 0) rem += radix;
            rem = integer - radix * Math.Floor(integer / radix);
            ip.Insert(0, chars[(int)rem]);
            integer = Math.Floor(integer / radix);
        } while (integer > 0);
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        sb.Append(ip);
        if (frac.Length > 0) sb.Append('.').Append(frac);
        return sb.ToString();
    }
}
