using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>The String constructor and String.prototype (RegExp-based methods delegate to <see cref="RegExpBuiltins"/>).</summary>
internal static unsafe class StringBuiltins
{
    static string This(Realm r, in CallArgs a, string name)
    {
        var v = a.This;
        if (v.IsNullish) throw Def.TypeError(r, $"String.prototype.{name} called on null or undefined");
        return r.ToClrString(v);
    }

    /// <summary>RequireObjectCoercible(this) then ToString: the string value itself, no .NET copy.</summary>
    static JsValue ThisString(Realm r, in CallArgs a, string name)
    {
        var v = a.This;
        if (Realm.IsString(v)) return v;
        if (v.IsNullish) throw Def.TypeError(r, $"String.prototype.{name} called on null or undefined");
        return r.ToStringValue(v);
    }

    static JsValue ThisValue(Realm r, JsValue v)
    {
        if (Realm.IsString(v)) return v;
        if (Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.String) return Layout.Internal(v.Ptr, 0);
        throw Def.TypeError(r, "String.prototype.valueOf requires that 'this' be a String");
    }

    public static void Setup(Realm r)
    {
        nint p = r.StringPrototype;
        nint c = Def.Constructor(r, "String", 1, (Realm r, in CallArgs a) =>
        {
            JsValue s;
            if (a.Count == 0) s = r.EmptyString;
            else if (!a.IsConstruct && Realm.IsSymbol(a[0])) s = r.Str(r.KeyToClr(PropKey.FromCell(a[0].Ptr)));
            else s = r.ToStringValue(a[0]);
            if (!a.IsConstruct) return s;
            nint o = r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.StringPrototype), ObjClass.String);
            Layout.Internal(o, 0) = s;
            return JsValue.FromPtr(o);
        }, p);
        Def.Method(r, c, "fromCharCode", 1, (Realm r, in CallArgs a) =>
        {
            var sb = new StringBuilder();
            for (int i = 0; i < a.Count; i++) sb.Append((char)(ushort)r.ToUint32(a[i]));
            return r.Str(sb.ToString());
        });
        Def.Method(r, c, "fromCodePoint", 1, (Realm r, in CallArgs a) =>
        {
            var sb = new StringBuilder();
            for (int i = 0; i < a.Count; i++)
            {
                double d = r.ToNumber(a[i]);
                if (d != Math.Floor(d) || d < 0 || d > 0x10FFFF) throw Def.RangeError(r, "Invalid code point " + r.ToClrString(a[i]));
                if (d >= 0xD800 && d <= 0xDFFF) sb.Append((char)d); else sb.Append(char.ConvertFromUtf32((int)d));
            }
            return r.Str(sb.ToString());
        });
        Def.Method(r, c, "raw", 1, (Realm r, in CallArgs a) =>
        {
            var raw = r.Get(JsValue.FromPtr(r.ToObject(a[0])), r.KRaw);
            double len = ArrayPrototype.LengthOf(r, JsValue.FromPtr(r.ToObject(raw)));
            var sb = new StringBuilder();
            for (uint i = 0; i < len; i++)
            {
                sb.Append(r.ToClrString(r.Get(raw, PropKey.FromIndex(i))));
                if (i + 1 < len && i + 1 < a.Count) sb.Append(r.ToClrString(a[(int)i + 1]));
            }
            return r.Str(sb.ToString());
        });
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) => ThisValue(r, a.This));
        Def.Method(r, p, "valueOf", 0, (Realm r, in CallArgs a) => ThisValue(r, a.This));
        // The methods below index into the heap string itself (no .NET copy), so they stay O(1) or
        // O(match) on long strings; `this` and string arguments are held in handles while argument
        // coercion may run JavaScript (and so collect).
        Def.Method(r, p, "charAt", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "charAt"));
            double i = r.ToIntegerOrInfinity(a[0]);
            var s = hs[h];
            return i < 0 || i >= Layout.StrLength(s.Ptr) ? r.EmptyString : r.CharString(r.CharAt(s, (int)i));
        });
        r.InlinableNatives[(int)InlinableNative.StringCharCodeAt] = Layout.Internal(Def.Method(r, p, "charCodeAt", 1, (Realm r, in CallArgs a) =>
        {
            var s = a.This;
            if (Realm.IsString(s) && a[0].IsInt32)
            {
                int k = a[0].Int32;
                return (uint)k < (uint)Layout.StrLength(s.Ptr) ? JsValue.FromInt(r.CharAt(s, k)) : JsValue.NaN;
            }
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "charCodeAt"));
            double i = r.ToIntegerOrInfinity(a[0]);
            s = hs[h];
            return i < 0 || i >= Layout.StrLength(s.Ptr) ? JsValue.NaN : JsValue.FromInt(r.CharAt(s, (int)i));
        }), 0);
        Def.Method(r, p, "codePointAt", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "codePointAt"));
            double i = r.ToIntegerOrInfinity(a[0]);
            var s = r.Span(hs[h]);
            if (i < 0 || i >= s.Length) return JsValue.Undefined;
            int k = (int)i;
            if (char.IsHighSurrogate(s[k]) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1])) return JsValue.FromInt(char.ConvertToUtf32(s[k], s[k + 1]));
            return JsValue.FromInt(s[k]);
        });
        Def.Method(r, p, "at", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "at"));
            double i = r.ToIntegerOrInfinity(a[0]);
            var s = hs[h];
            int len = Layout.StrLength(s.Ptr);
            if (i < 0) i += len;
            return i < 0 || i >= len ? JsValue.Undefined : r.CharString(r.CharAt(s, (int)i));
        });
        Def.Method(r, p, "indexOf", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "indexOf"));
            int hsub = hs.Add(r.ToStringValue(a[0]));
            double pos = a[1].IsUndefined ? 0 : r.ToIntegerOrInfinity(a[1]);
            var s = r.Span(hs[h]);
            var sub = r.Span(hs[hsub]);
            int from = (int)Math.Min(Math.Max(pos, 0), s.Length);
            int at = s[from..].IndexOf(sub, StringComparison.Ordinal);
            return JsValue.FromInt(at < 0 ? -1 : at + from);
        });
        Def.Method(r, p, "lastIndexOf", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "lastIndexOf"));
            int hsub = hs.Add(r.ToStringValue(a[0]));
            double n = r.ToNumber(a[1]);
            var s = r.Span(hs[h]);
            var sub = r.Span(hs[hsub]);
            int from = double.IsNaN(n) ? s.Length : (int)Math.Min(Math.Max(Realm.ToIntegerOrInfinity(n), 0), s.Length);
            for (int i = Math.Min(from, s.Length - sub.Length); i >= 0; i--)
                if (s.Slice(i, sub.Length).SequenceEqual(sub)) return JsValue.FromInt(i);
            return JsValue.FromInt(-1);
        });
        Def.Method(r, p, "includes", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "includes"));
            if (RegExpBuiltins.IsRegExp(r, a[0])) throw Def.TypeError(r, "First argument to String.prototype.includes must not be a regular expression");
            int hsub = hs.Add(r.ToStringValue(a[0]));
            double pos = a[1].IsUndefined ? 0 : r.ToIntegerOrInfinity(a[1]);
            var s = r.Span(hs[h]);
            int from = (int)Math.Min(Math.Max(pos, 0), s.Length);
            return JsValue.FromBool(s[from..].IndexOf(r.Span(hs[hsub]), StringComparison.Ordinal) >= 0);
        });
        Def.Method(r, p, "startsWith", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "startsWith"));
            if (RegExpBuiltins.IsRegExp(r, a[0])) throw Def.TypeError(r, "First argument to String.prototype.startsWith must not be a regular expression");
            int hsub = hs.Add(r.ToStringValue(a[0]));
            double pos = a[1].IsUndefined ? 0 : r.ToIntegerOrInfinity(a[1]);
            var s = r.Span(hs[h]);
            int from = (int)Math.Min(Math.Max(pos, 0), s.Length);
            return JsValue.FromBool(s[from..].StartsWith(r.Span(hs[hsub]), StringComparison.Ordinal));
        });
        Def.Method(r, p, "endsWith", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "endsWith"));
            if (RegExpBuiltins.IsRegExp(r, a[0])) throw Def.TypeError(r, "First argument to String.prototype.endsWith must not be a regular expression");
            int hsub = hs.Add(r.ToStringValue(a[0]));
            double endPos = a[1].IsUndefined ? double.PositiveInfinity : r.ToIntegerOrInfinity(a[1]);
            var s = r.Span(hs[h]);
            int end = (int)Math.Min(Math.Max(endPos, 0), s.Length);
            return JsValue.FromBool(s[..end].EndsWith(r.Span(hs[hsub]), StringComparison.Ordinal));
        });
        Def.Method(r, p, "slice", 2, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "slice"));
            int len = Layout.StrLength(hs[h].Ptr);
            int from = Def.RelativeIndex(r, a[0], len, 0), to = Def.RelativeIndex(r, a[1], len, len);
            return from >= to ? r.EmptyString : r.Substring(hs[h], from, to - from);
        });
        Def.Method(r, p, "substring", 2, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "substring"));
            int len = Layout.StrLength(hs[h].Ptr);
            int from = (int)Math.Min(Math.Max(r.ToIntegerOrInfinity(a[0]), 0), len);
            int to = a[1].IsUndefined ? len : (int)Math.Min(Math.Max(r.ToIntegerOrInfinity(a[1]), 0), len);
            if (from > to) (from, to) = (to, from);
            return r.Substring(hs[h], from, to - from);
        });
        Def.Method(r, p, "substr", 2, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "substr"));
            int slen = Layout.StrLength(hs[h].Ptr);
            int from = Def.RelativeIndex(r, a[0], slen, 0);
            double len = a[1].IsUndefined ? slen : r.ToIntegerOrInfinity(a[1]);
            int end = (int)Math.Min(from + Math.Max(len, 0), slen);
            return from >= end ? r.EmptyString : r.Substring(hs[h], from, end - from);
        });
        Def.Method(r, p, "toUpperCase", 0, (Realm r, in CallArgs a) => ChangeCase(r, ThisString(r, a, "toUpperCase"), true));
        Def.Method(r, p, "toLowerCase", 0, (Realm r, in CallArgs a) => ChangeCase(r, ThisString(r, a, "toLowerCase"), false));
        Def.Method(r, p, "toLocaleUpperCase", 0, (Realm r, in CallArgs a) => ChangeCase(r, ThisString(r, a, "toLocaleUpperCase"), true));
        Def.Method(r, p, "toLocaleLowerCase", 0, (Realm r, in CallArgs a) => ChangeCase(r, ThisString(r, a, "toLocaleLowerCase"), false));
        Def.Method(r, p, "trim", 0, (Realm r, in CallArgs a) => r.Str(NumberConversion.TrimJs(This(r, a, "trim")).ToString()));
        Def.Method(r, p, "trimStart", 0, (Realm r, in CallArgs a) => r.Str(This(r, a, "trimStart").TrimStart(JsWhitespace)));
        Def.Method(r, p, "trimEnd", 0, (Realm r, in CallArgs a) => r.Str(This(r, a, "trimEnd").TrimEnd(JsWhitespace)));
        Def.Method(r, p, "padStart", 2, (Realm r, in CallArgs a) => Pad(r, This(r, a, "padStart"), a[0], a[1], true));
        Def.Method(r, p, "padEnd", 2, (Realm r, in CallArgs a) => Pad(r, This(r, a, "padEnd"), a[0], a[1], false));
        Def.Method(r, p, "repeat", 1, (Realm r, in CallArgs a) =>
        {
            var s = This(r, a, "repeat");
            double n = r.ToIntegerOrInfinity(a[0]);
            if (n < 0 || double.IsInfinity(n)) throw Def.RangeError(r, "Invalid count value: " + r.ToClrString(a[0]));
            if (s.Length * n > Realm.MaxStringLength) throw Def.RangeError(r, "Invalid string length");
            return r.Str(new StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString());
        });
        Def.Method(r, p, "concat", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int h = hs.Add(ThisString(r, a, "concat"));
            for (int i = 0; i < a.Count; i++) hs[h] = r.Concat(hs[h], r.ToStringValue(a[i]));
            return hs[h];
        });
        Def.Method(r, p, "localeCompare", 1, (Realm r, in CallArgs a) =>
            JsValue.FromInt(Math.Sign(string.Compare(This(r, a, "localeCompare"), r.ToClrString(a[0]), StringComparison.InvariantCulture))));
        Def.Method(r, p, "normalize", 0, (Realm r, in CallArgs a) =>
        {
            var s = This(r, a, "normalize");
            var form = a[0].IsUndefined ? "NFC" : r.ToClrString(a[0]);
            var nf = form switch { "NFC" => NormalizationForm.FormC, "NFD" => NormalizationForm.FormD, "NFKC" => NormalizationForm.FormKC, "NFKD" => NormalizationForm.FormKD, _ => throw Def.RangeError(r, "The normalization form should be one of NFC, NFD, NFKC, NFKD.") };
            try { return r.Str(s.Normalize(nf)); } catch (ArgumentException) { return r.Str(s); }
        });
        Def.Method(r, p, "isWellFormed", 0, (Realm r, in CallArgs a) =>
        {
            var s = This(r, a, "isWellFormed");
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                if (char.IsSurrogate(s[i])) return JsValue.False;
            }
            return JsValue.True;
        });
        // Annex B: HTML methods and trimLeft/trimRight.
        foreach (var (name, tag, attr) in new[] { ("anchor", "a", "name"), ("big", "big", ""), ("blink", "blink", ""), ("bold", "b", ""), ("fixed", "tt", ""),
            ("fontcolor", "font", "color"), ("fontsize", "font", "size"), ("italics", "i", ""), ("link", "a", "href"), ("small", "small", ""),
            ("strike", "strike", ""), ("sub", "sub", ""), ("sup", "sup", "") })
        {
            string n = name, tg = tag, at = attr;
            Def.Method(r, p, n, at.Length > 0 ? 1 : 0, (Realm r, in CallArgs a) =>
            {
                var s = This(r, a, n);
                string open = at.Length > 0 ? $"<{tg} {at}=\"{r.ToClrString(a[0]).Replace("\"", "&quot;")}\">" : $"<{tg}>";
                return r.Str(open + s + $"</{tg}>");
            });
        }
        r.DefineData(p, "trimLeft", r.Get(JsValue.FromPtr(p), "trimStart"));
        r.DefineData(p, "trimRight", r.Get(JsValue.FromPtr(p), "trimEnd"));
        StringPatternMethods.Setup(r);
        Def.SymbolMethod(r, p, r.SymIterator, "[Symbol.iterator]", 0, (Realm r, in CallArgs a) =>
        {
            var s = This(r, a, "[Symbol.iterator]");
            nint it = r.NewObject(JsValue.FromPtr(r.StringIteratorPrototype), ObjClass.Iterator);
            Layout.Internal(it, 0) = r.Str(s);
            Layout.Internal(it, 1) = JsValue.Zero;
            return JsValue.FromPtr(it);
        });
        Def.Method(r, r.StringIteratorPrototype, "next", 0, (Realm r, in CallArgs a) =>
        {
            nint it = a.This.Ptr;
            var s = Layout.Internal(it, 0);
            if (s.IsUndefined) return r.IterResult(JsValue.Undefined, true);
            var span = r.Span(s);
            int i = Layout.Internal(it, 1).Int32;
            if (i >= span.Length) { Layout.Internal(it, 0) = JsValue.Undefined; return r.IterResult(JsValue.Undefined, true); }
            int n = char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]) ? 2 : 1;
            var ch = r.NewString(span.Slice(i, n));
            Layout.Internal(it, 1) = JsValue.FromInt(i + n);
            return r.IterResult(ch, false);
        });
        Def.ToStringTag(r, r.StringIteratorPrototype, "String Iterator");
    }

    static readonly char[] JsWhitespace = [' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF'];

    /// <summary>
    /// Upper-case mappings that .NET's invariant ToUpper lacks: SpecialCasing.txt's unconditional
    /// expansions (ß → SS, ŉ → ʼN, ligatures, Greek with ypogegrammeni, …) and the dotless ı / long ſ,
    /// which invariant casing deliberately leaves alone. Generated from node's toUpperCase over the BMP.
    /// </summary>
    static readonly Dictionary<char, string> SpecialUpper = new()
    {
        { '\u00DF', "\u0053\u0053" }, { '\u0131', "\u0049" }, { '\u0149', "\u02BC\u004E" }, { '\u017F', "\u0053" },
        { '\u01F0', "\u004A\u030C" }, { '\u0390', "\u0399\u0308\u0301" }, { '\u03B0', "\u03A5\u0308\u0301" }, { '\u0587', "\u0535\u0552" },
        { '\u1E96', "\u0048\u0331" }, { '\u1E97', "\u0054\u0308" }, { '\u1E98', "\u0057\u030A" }, { '\u1E99', "\u0059\u030A" },
        { '\u1E9A', "\u0041\u02BE" }, { '\u1F50', "\u03A5\u0313" }, { '\u1F52', "\u03A5\u0313\u0300" }, { '\u1F54', "\u03A5\u0313\u0301" },
        { '\u1F56', "\u03A5\u0313\u0342" }, { '\u1F80', "\u1F08\u0399" }, { '\u1F81', "\u1F09\u0399" }, { '\u1F82', "\u1F0A\u0399" },
        { '\u1F83', "\u1F0B\u0399" }, { '\u1F84', "\u1F0C\u0399" }, { '\u1F85', "\u1F0D\u0399" }, { '\u1F86', "\u1F0E\u0399" },
        { '\u1F87', "\u1F0F\u0399" }, { '\u1F88', "\u1F08\u0399" }, { '\u1F89', "\u1F09\u0399" }, { '\u1F8A', "\u1F0A\u0399" },
        { '\u1F8B', "\u1F0B\u0399" }, { '\u1F8C', "\u1F0C\u0399" }, { '\u1F8D', "\u1F0D\u0399" }, { '\u1F8E', "\u1F0E\u0399" },
        { '\u1F8F', "\u1F0F\u0399" }, { '\u1F90', "\u1F28\u0399" }, { '\u1F91', "\u1F29\u0399" }, { '\u1F92', "\u1F2A\u0399" },
        { '\u1F93', "\u1F2B\u0399" }, { '\u1F94', "\u1F2C\u0399" }, { '\u1F95', "\u1F2D\u0399" }, { '\u1F96', "\u1F2E\u0399" },
        { '\u1F97', "\u1F2F\u0399" }, { '\u1F98', "\u1F28\u0399" }, { '\u1F99', "\u1F29\u0399" }, { '\u1F9A', "\u1F2A\u0399" },
        { '\u1F9B', "\u1F2B\u0399" }, { '\u1F9C', "\u1F2C\u0399" }, { '\u1F9D', "\u1F2D\u0399" }, { '\u1F9E', "\u1F2E\u0399" },
        { '\u1F9F', "\u1F2F\u0399" }, { '\u1FA0', "\u1F68\u0399" }, { '\u1FA1', "\u1F69\u0399" }, { '\u1FA2', "\u1F6A\u0399" },
        { '\u1FA3', "\u1F6B\u0399" }, { '\u1FA4', "\u1F6C\u0399" }, { '\u1FA5', "\u1F6D\u0399" }, { '\u1FA6', "\u1F6E\u0399" },
        { '\u1FA7', "\u1F6F\u0399" }, { '\u1FA8', "\u1F68\u0399" }, { '\u1FA9', "\u1F69\u0399" }, { '\u1FAA', "\u1F6A\u0399" },
        { '\u1FAB', "\u1F6B\u0399" }, { '\u1FAC', "\u1F6C\u0399" }, { '\u1FAD', "\u1F6D\u0399" }, { '\u1FAE', "\u1F6E\u0399" },
        { '\u1FAF', "\u1F6F\u0399" }, { '\u1FB2', "\u1FBA\u0399" }, { '\u1FB3', "\u0391\u0399" }, { '\u1FB4', "\u0386\u0399" },
        { '\u1FB6', "\u0391\u0342" }, { '\u1FB7', "\u0391\u0342\u0399" }, { '\u1FBC', "\u0391\u0399" }, { '\u1FC2', "\u1FCA\u0399" },
        { '\u1FC3', "\u0397\u0399" }, { '\u1FC4', "\u0389\u0399" }, { '\u1FC6', "\u0397\u0342" }, { '\u1FC7', "\u0397\u0342\u0399" },
        { '\u1FCC', "\u0397\u0399" }, { '\u1FD2', "\u0399\u0308\u0300" }, { '\u1FD3', "\u0399\u0308\u0301" }, { '\u1FD6', "\u0399\u0342" },
        { '\u1FD7', "\u0399\u0308\u0342" }, { '\u1FE2', "\u03A5\u0308\u0300" }, { '\u1FE3', "\u03A5\u0308\u0301" }, { '\u1FE4', "\u03A1\u0313" },
        { '\u1FE6', "\u03A5\u0342" }, { '\u1FE7', "\u03A5\u0308\u0342" }, { '\u1FF2', "\u1FFA\u0399" }, { '\u1FF3', "\u03A9\u0399" },
        { '\u1FF4', "\u038F\u0399" }, { '\u1FF6', "\u03A9\u0342" }, { '\u1FF7', "\u03A9\u0342\u0399" }, { '\u1FFC', "\u03A9\u0399" },
        { '\uFB00', "\u0046\u0046" }, { '\uFB01', "\u0046\u0049" }, { '\uFB02', "\u0046\u004C" }, { '\uFB03', "\u0046\u0046\u0049" },
        { '\uFB04', "\u0046\u0046\u004C" }, { '\uFB05', "\u0053\u0054" }, { '\uFB06', "\u0053\u0054" }, { '\uFB13', "\u0544\u0546" },
        { '\uFB14', "\u0544\u0535" }, { '\uFB15', "\u0544\u053B" }, { '\uFB16', "\u054E\u0546" }, { '\uFB17', "\u0544\u053D" },
    };
    static readonly System.Buffers.SearchValues<char> SpecialUpperChars = System.Buffers.SearchValues.Create(SpecialUpper.Keys.ToArray());

    static string Upper(string s)
    {
        if (s.AsSpan().IndexOfAny(SpecialUpperChars) < 0) return s.ToUpperInvariant();
        var sb = new StringBuilder(s.Length + 8);
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (!SpecialUpper.TryGetValue(s[i], out var mapped)) continue;
            if (i > start) sb.Append(s.AsSpan(start, i - start).ToString().ToUpperInvariant());
            sb.Append(mapped);
            start = i + 1;
        }
        if (start < s.Length) sb.Append(s.AsSpan(start).ToString().ToUpperInvariant());
        return sb.ToString();
    }

    /// <summary>toUpperCase/toLowerCase: ASCII strings are converted in the heap (and returned as they are when nothing changes); others go through the Unicode mappings.</summary>
    static JsValue ChangeCase(Realm r, JsValue s, bool upper)
    {
        var span = r.Span(s);
        if (span.ContainsAnyExceptInRange((char)0, (char)127)) return r.Str(upper ? Upper(Realm.ToClr(s)) : Lower(Realm.ToClr(s)));
        int first = upper ? span.IndexOfAnyInRange('a', 'z') : span.IndexOfAnyInRange('A', 'Z');
        if (first < 0) return s;
        var chars = new char[span.Length];
        if (upper) System.Text.Ascii.ToUpper(span, chars, out _); else System.Text.Ascii.ToLower(span, chars, out _);
        return r.NewString(chars);
    }

    static string Lower(string s)
    {
        if (s.IndexOf('İ') < 0 && s.IndexOf('Σ') < 0) return s.ToLowerInvariant();
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == 'İ') sb.Append("i\u0307");
            else if (c == 'Σ')
            {
                bool before = i > 0 && char.IsLetter(s[i - 1]);
                bool after = i + 1 < s.Length && char.IsLetter(s[i + 1]);
                sb.Append(before && !after ? 'ς' : 'σ');
            }
            else sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    static JsValue Pad(Realm r, string s, JsValue maxLen, JsValue fill, bool start)
    {
        double max = r.ToIntegerOrInfinity(maxLen);
        if (max <= s.Length) return r.Str(s);
        string f = fill.IsUndefined ? " " : r.ToClrString(fill);
        if (f.Length == 0) return r.Str(s);
        if (max > Realm.MaxStringLength) throw Def.RangeError(r, "Invalid string length");
        int need = (int)max - s.Length;
        var sb = new StringBuilder(need);
        while (sb.Length < need) sb.Append(f);
        sb.Length = need;
        return r.Str(start ? sb + s : s + sb);
    }
}
