using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>parseInt, parseFloat, isNaN, isFinite, the URI functions and (indirect) eval.</summary>
internal static class GlobalFunctions
{
    public static void Setup(Realm r)
    {
        nint g = r.GlobalObject;
        nint pi = Def.Method(r, g, "parseInt", 2, (Realm r, in CallArgs a) => JsValue.FromNumber(ParseInt(r.ToClrString(a[0]), r.ToInt32(a[1]))));
        nint pf = Def.Method(r, g, "parseFloat", 1, (Realm r, in CallArgs a) => JsValue.FromNumber(ParseFloat(r.ToClrString(a[0]))));
        r.DefineData(r.Get(JsValue.FromPtr(g), "Number").Ptr, "parseInt", JsValue.FromPtr(pi));
        r.DefineData(r.Get(JsValue.FromPtr(g), "Number").Ptr, "parseFloat", JsValue.FromPtr(pf));
        Def.Method(r, g, "isNaN", 1, (Realm r, in CallArgs a) => JsValue.FromBool(double.IsNaN(r.ToNumber(a[0]))));
        Def.Method(r, g, "isFinite", 1, (Realm r, in CallArgs a) => JsValue.FromBool(double.IsFinite(r.ToNumber(a[0]))));
        r.EvalFunction = JsValue.FromPtr(Def.Method(r, g, "eval", 1, (Realm r, in CallArgs a) => Realm.IsString(a[0]) ? r.IndirectEval(Realm.ToClr(a[0])) : a[0]));
        r.PermanentRoots.Add(r.EvalFunction);
        Def.Method(r, g, "escape", 1, (Realm r, in CallArgs a) =>
        {
            var s = r.ToClrString(a[0]);
            var sb = new StringBuilder();
            foreach (char c in s)
            {
                if (char.IsAsciiLetterOrDigit(c) || "@*_+-./".Contains(c)) sb.Append(c);
                else if (c < 256) sb.Append('%').Append(((int)c).ToString("X2"));
                else sb.Append("%u").Append(((int)c).ToString("X4"));
            }
            return r.Str(sb.ToString());
        });
        Def.Method(r, g, "unescape", 1, (Realm r, in CallArgs a) =>
        {
            var s = r.ToClrString(a[0]);
            var sb = new StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '%' && i + 5 < s.Length + 0 && s[i + 1] == 'u' && ushort.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var u)) { sb.Append((char)u); i += 5; }
                else if (s[i] == '%' && i + 2 < s.Length && byte.TryParse(s.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b)) { sb.Append((char)b); i += 2; }
                else sb.Append(s[i]);
            }
            return r.Str(sb.ToString());
        });
        const string uriReserved = ";/?:@&=+$,#";
        const string unreserved = "-_.!~*'()";
        Def.Method(r, g, "encodeURIComponent", 1, (Realm r, in CallArgs a) => r.Str(Encode(r, r.ToClrString(a[0]), unreserved)));
        Def.Method(r, g, "encodeURI", 1, (Realm r, in CallArgs a) => r.Str(Encode(r, r.ToClrString(a[0]), unreserved + uriReserved)));
        Def.Method(r, g, "decodeURIComponent", 1, (Realm r, in CallArgs a) => r.Str(Decode(r, r.ToClrString(a[0]), "")));
        Def.Method(r, g, "decodeURI", 1, (Realm r, in CallArgs a) => r.Str(Decode(r, r.ToClrString(a[0]), uriReserved)));
    }

    public static double ParseInt(string input, int radix)
    {
        var s = NumberConversion.TrimJs(input);
        int sign = 1, i = 0;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { if (s[0] == '-') sign = -1; i = 1; }
        bool strip = true;
        if (radix != 0)
        {
            if (radix < 2 || radix > 36) return double.NaN;
            if (radix != 16) strip = false;
        }
        else radix = 10;
        if (strip && i + 1 < s.Length && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) { i += 2; radix = 16; }
        int start = i;
        double v = 0;
        while (i < s.Length)
        {
            int d = NumberConversion.DigitValue(s[i]);
            if (d < 0 || d >= radix) break;
            i++;
        }
        if (i == start) return double.NaN;
        var digits = s[start..i];
        if (radix == 10) v = double.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        else foreach (char c in digits) v = v * radix + NumberConversion.DigitValue(c);
        return sign * v;
    }

    public static double ParseFloat(string input)
    {
        var s = NumberConversion.TrimJs(input);
        int i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        if (s[i..].StartsWith("Infinity")) return s.Length > 0 && s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        int digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.') { i++; while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; } }
        if (digits == 0) return double.NaN;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int save = i;
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            int ed = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; ed++; }
            if (ed == 0) i = save;
        }
        var part = s[..i].ToString();
        if (part.EndsWith('.')) part = part[..^1];
        return double.Parse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }

    static string Encode(Realm r, string s, string keep)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || keep.Contains(c)) { sb.Append(c); continue; }
            int cp;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) throw new JsThrow(r.MakeError(ErrorKind.URIError, "URI malformed"));
                cp = char.ConvertToUtf32(c, s[++i]);
            }
            else if (char.IsLowSurrogate(c)) throw new JsThrow(r.MakeError(ErrorKind.URIError, "URI malformed"));
            else cp = c;
            foreach (byte b in Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp))) sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    static string Decode(Realm r, string s, string reserved)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '%') { sb.Append(s[i]); continue; }
            var bytes = new List<byte>();
            int start = i;
            while (i < s.Length && s[i] == '%')
            {
                if (i + 2 >= s.Length || !byte.TryParse(s.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
                    throw new JsThrow(r.MakeError(ErrorKind.URIError, "URI malformed"));
                bytes.Add(b);
                i += 3;
                if (b < 0x80 && bytes.Count == 1) break;
                if (bytes.Count >= 1 && IsComplete(bytes)) break;
            }
            i--;
            string dec;
            try { dec = new UTF8Encoding(false, true).GetString(bytes.ToArray()); }
            catch (ArgumentException) { throw new JsThrow(r.MakeError(ErrorKind.URIError, "URI malformed")); }
            if (dec.Length == 1 && reserved.Contains(dec[0])) sb.Append(s, start, i - start + 1);
            else sb.Append(dec);
        }
        return sb.ToString();
    }

    static bool IsComplete(List<byte> b)
    {
        int need = b[0] >= 0xF0 ? 4 : b[0] >= 0xE0 ? 3 : b[0] >= 0xC0 ? 2 : 1;
        return b.Count >= need;
    }
}
