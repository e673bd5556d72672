using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// String.prototype.match / matchAll / replace / replaceAll / search / split: each first looks for
/// the argument's Symbol.match / matchAll / replace / search / split method and calls it (so RegExp
/// objects, subclasses and user objects implement the pattern side), and otherwise works on strings.
/// </summary>
internal static class StringPatternMethods
{
    public static void Setup(Realm r)
    {
        nint p = r.StringPrototype;
        Def.Method(r, p, "match", 1, (Realm r, in CallArgs a) => ViaRegExp(r, a, "match", r.SymMatch, ""));
        Def.Method(r, p, "matchAll", 1, MatchAll);
        Def.Method(r, p, "search", 1, (Realm r, in CallArgs a) => ViaRegExp(r, a, "search", r.SymSearch, ""));
        Def.Method(r, p, "replace", 2, (Realm r, in CallArgs a) => Replace(r, a, false));
        Def.Method(r, p, "replaceAll", 2, (Realm r, in CallArgs a) => Replace(r, a, true));
        Def.Method(r, p, "split", 2, Split);
    }

    static void RequireCoercible(Realm r, JsValue v, string name)
    {
        if (v.IsNullish) throw Def.TypeError(r, $"String.prototype.{name} called on null or undefined");
    }

    /// <summary>GetMethod(v, symbol): undefined when absent (or null), a TypeError when not callable.</summary>
    static JsValue GetMethod(Realm r, JsValue v, nint symbol)
    {
        var f = r.Get(v, PropKey.FromCell(symbol));
        if (f.IsNullish) return JsValue.Undefined;
        if (!Realm.IsCallable(f)) throw Def.TypeError(r, $"{r.Interp.Describe(f)} is not a function");
        return f;
    }

    /// <summary>match and search: the argument's own protocol method, else a new RegExp's.</summary>
    static JsValue ViaRegExp(Realm r, in CallArgs a, string name, nint symbol, string flags)
    {
        RequireCoercible(r, a.This, name);
        using var hs = new HandleScope(r);
        int hthis = hs.Add(a.This), harg = hs.Add(a[0]);
        if (!a[0].IsNullish)
        {
            var m = GetMethod(r, a[0], symbol);
            if (!m.IsUndefined) return r.Interp.Call(m, hs[harg], [hs[hthis]]);
        }
        int hS = hs.Add(r.ToStringValue(hs[hthis]));
        var rx = RegExpBuiltins.Create(r, hs[harg].IsUndefined ? r.EmptyString : r.ToStringValue(hs[harg]), r.Str(flags));
        int hrx = hs.Add(rx);
        var f = r.Get(rx, PropKey.FromCell(symbol));
        return r.Interp.Call(f, hs[hrx], [hs[hS]]);
    }

    static JsValue MatchAll(Realm r, in CallArgs a)
    {
        RequireCoercible(r, a.This, "matchAll");
        using var hs = new HandleScope(r);
        int hthis = hs.Add(a.This), harg = hs.Add(a[0]);
        if (!a[0].IsNullish)
        {
            if (RegExpBuiltins.IsRegExp(r, a[0]))
            {
                var flags = r.Get(hs[harg], r.KFlags);
                if (flags.IsNullish) throw Def.TypeError(r, "String.prototype.matchAll called with a RegExp whose flags are null or undefined");
                if (!r.ToClrString(flags).Contains('g')) throw Def.TypeError(r, "String.prototype.matchAll called with a non-global RegExp argument");
            }
            var m = GetMethod(r, hs[harg], r.SymMatchAll);
            if (!m.IsUndefined) return r.Interp.Call(m, hs[harg], [hs[hthis]]);
        }
        int hS = hs.Add(r.ToStringValue(hs[hthis]));
        var rx = RegExpBuiltins.Create(r, hs[harg].IsUndefined ? r.EmptyString : r.ToStringValue(hs[harg]), r.Str("g"));
        int hrx = hs.Add(rx);
        var f = r.Get(rx, PropKey.FromCell(r.SymMatchAll));
        return r.Interp.Call(f, hs[hrx], [hs[hS]]);
    }

    static JsValue Replace(Realm r, in CallArgs a, bool all)
    {
        string name = all ? "replaceAll" : "replace";
        RequireCoercible(r, a.This, name);
        using var hs = new HandleScope(r);
        int hthis = hs.Add(a.This), hsearch = hs.Add(a[0]), hrep = hs.Add(a[1]);
        if (!a[0].IsNullish)
        {
            if (all && RegExpBuiltins.IsRegExp(r, a[0]))
            {
                var flags = r.Get(hs[hsearch], r.KFlags);
                if (flags.IsNullish) throw Def.TypeError(r, "String.prototype.replaceAll called with a RegExp whose flags are null or undefined");
                if (!r.ToClrString(flags).Contains('g')) throw Def.TypeError(r, "replaceAll must be called with a global RegExp");
            }
            var replacer = GetMethod(r, hs[hsearch], r.SymReplace);
            if (!replacer.IsUndefined) return r.Interp.Call(replacer, hs[hsearch], [hs[hthis], hs[hrep]]);
        }
        int hS = hs.Add(r.ToStringValue(hs[hthis]));
        int hss = hs.Add(r.ToStringValue(hs[hsearch]));
        bool functional = Realm.IsCallable(hs[hrep]);
        string replStr = functional ? "" : r.ToClrString(hs[hrep]);
        string s = r.ToClrCached(hs[hS]);
        string search = Realm.ToClr(hs[hss]);
        var positions = new List<int>();
        int advance = Math.Max(1, search.Length);
        for (int pos = s.IndexOf(search, StringComparison.Ordinal); pos >= 0; pos = pos + advance > s.Length ? -1 : s.IndexOf(search, pos + advance, StringComparison.Ordinal))
        {
            positions.Add(pos);
            if (!all) break;
        }
        if (positions.Count == 0) return hs[hS];
        var sb = new StringBuilder();
        int end = 0;
        foreach (int pos in positions)
        {
            sb.Append(s, end, pos - end);
            if (functional) sb.Append(r.ToClrString(r.Interp.Call(hs[hrep], JsValue.Undefined, [hs[hss], JsValue.FromInt(pos), hs[hS]])));
            else sb.Append(RegExpProtocol.GetSubstitution(r, replStr, s, pos, [search], JsValue.Undefined));
            end = pos + search.Length;
        }
        if (end < s.Length) sb.Append(s, end, s.Length - end);
        return r.Str(sb.ToString());
    }

    static JsValue Split(Realm r, in CallArgs a)
    {
        RequireCoercible(r, a.This, "split");
        using var hs = new HandleScope(r);
        int hthis = hs.Add(a.This), hsep = hs.Add(a[0]), hlim = hs.Add(a[1]);
        if (!a[0].IsNullish)
        {
            var splitter = GetMethod(r, hs[hsep], r.SymSplit);
            if (!splitter.IsUndefined) return r.Interp.Call(splitter, hs[hsep], [hs[hthis], hs[hlim]]);
        }
        int hS = hs.Add(r.ToStringValue(hs[hthis]));
        uint limit = hs[hlim].IsUndefined ? uint.MaxValue : r.ToUint32(hs[hlim]);
        int hR = hs.Add(r.ToStringValue(hs[hsep]));
        int ha = hs.Add(JsValue.FromPtr(r.NewArray()));
        if (limit == 0) return hs[ha];
        if (hs[hsep].IsUndefined) { r.PutElement(hs[ha].Ptr, 0, hs[hS]); return hs[ha]; }
        int len = Layout.StrLength(hs[hS].Ptr);
        int sepLen = Layout.StrLength(hs[hR].Ptr);
        uint n = 0;
        if (sepLen == 0)
        {
            int count = (int)Math.Min(len, limit);
            for (int i = 0; i < count; i++) r.PutElement(hs[ha].Ptr, n++, r.CharString(r.CharAt(hs[hS], i)));
            return hs[ha];
        }
        if (len == 0) { r.PutElement(hs[ha].Ptr, 0, hs[hS]); return hs[ha]; }
        int start = 0;
        while (true)
        {
            // Spans are re-read each round: allocating a piece never moves or frees a string.
            var s = r.Span(hs[hS]);
            int idx = s[start..].IndexOf(r.Span(hs[hR]), StringComparison.Ordinal);
            if (idx < 0) break;
            idx += start;
            r.PutElement(hs[ha].Ptr, n++, r.Substring(hs[hS], start, idx - start));
            if (n >= limit) return hs[ha];
            start = idx + sepLen;
        }
        r.PutElement(hs[ha].Ptr, n, r.Substring(hs[hS], start, len - start));
        return hs[ha];
    }
}
