// Acornima marks its RegExp → .NET adaptation obsolete (to be removed in its next major version); we pin 1.9.1 and rely on it.
#pragma warning disable CS0618
using System.Text;
using System.Text.RegularExpressions;
using Acornima;

namespace Flywheel.Engine.Builtins;

/// <summary>The managed half of a RegExp object: the .NET Regex produced by Acornima's adaptation of the JS pattern.</summary>
internal sealed class RegExpData
{
    public required Regex Regex;
    public required string Source, Flags;
    public required int GroupCount;
    public required string?[] GroupNames;
    public bool Global => Flags.Contains('g');
    public bool Sticky => Flags.Contains('y');
    public bool HasNames => GroupNames.Any(n => n != null);
}

/// <summary>RegExp (exec/test/lastIndex, flags g i m s u y d, named groups) and the String methods that take patterns.</summary>
internal static unsafe class RegExpBuiltins
{
    static readonly Dictionary<(string, string), RegExpData> cache = [];

    public static RegExpData Compile(Realm r, string pattern, string flags)
    {
        lock (cache)
            if (cache.TryGetValue((pattern, flags), out var hit)) return hit;
        foreach (char f in flags)
            if ("dgimsuyv".IndexOf(f) < 0 || flags.IndexOf(f) != flags.LastIndexOf(f))
                throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid flags supplied to RegExp constructor '{flags}'"));
        RegExpParseResult res;
        try
        {
            res = Tokenizer.AdaptRegExp(pattern, flags, false, TimeSpan.FromSeconds(10), true, EcmaVersion.Latest, ExperimentalESFeatures.None);
        }
        catch (Exception e) when (e is ParseErrorException or ArgumentException or InvalidOperationException)
        {
            throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid regular expression: /{pattern}/{flags}: {(e is ParseErrorException pe ? pe.Description : e.Message)}"));
        }
        if (res.Regex == null) throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid regular expression: /{pattern}/{flags}"));
        var names = new string?[res.ActualRegexGroupCount];
        for (int i = 1; i < names.Length; i++) { var n = res.GetRegexGroupName(i); names[i] = string.IsNullOrEmpty(n) ? null : n; }
        var data = new RegExpData { Regex = res.Regex, Source = pattern.Length == 0 ? "(?:)" : pattern, Flags = new string(flags.Order().ToArray()), GroupCount = res.ActualRegexGroupCount, GroupNames = names };
        lock (cache) cache[(pattern, flags)] = data;
        return data;
    }

    public static JsValue Create(Realm r, JsValue pattern, JsValue flags) => Create(r, Realm.ToClr(pattern), Realm.ToClr(flags), JsValue.FromPtr(r.RegExpPrototype));

    static JsValue Create(Realm r, string pattern, string flags, JsValue proto)
    {
        var data = Compile(r, pattern, flags);
        nint o = r.NewObjectWithExternal(proto, ObjClass.RegExp, data);
        r.AddOwn(o, r.KLastIndex, JsValue.Zero, PropFlags.Writable);
        return JsValue.FromPtr(o);
    }

    public static bool IsRegExp(Realm r, JsValue v) => Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.RegExp;

    static RegExpData Data(Realm r, JsValue v, string m)
    {
        if (!IsRegExp(r, v)) throw Def.TypeError(r, $"RegExp.prototype.{m} requires that 'this' be a RegExp object");
        return r.External<RegExpData>(v.Ptr);
    }

    public static void Setup(Realm r)
    {
        nint p = r.RegExpPrototype;
        Def.Constructor(r, "RegExp", 2, (Realm r, in CallArgs a) =>
        {
            string pattern, flags;
            if (IsRegExp(r, a[0]))
            {
                var d = r.External<RegExpData>(a[0].Ptr);
                if (!a.IsConstruct && a[1].IsUndefined) return a[0];
                pattern = d.Source == "(?:)" ? "" : d.Source;
                flags = a[1].IsUndefined ? d.Flags : r.ToClrString(a[1]);
            }
            else
            {
                pattern = a[0].IsUndefined ? "" : r.ToClrString(a[0]);
                flags = a[1].IsUndefined ? "" : r.ToClrString(a[1]);
            }
            return Create(r, pattern, flags, Def.ProtoFrom(r, a.NewTarget, r.RegExpPrototype));
        }, p);
        Def.Method(r, p, "exec", 1, (Realm r, in CallArgs a) => Exec(r, a.This, r.ToStringValue(a[0])));
        Def.Method(r, p, "test", 1, (Realm r, in CallArgs a) => JsValue.FromBool(!Exec(r, a.This, r.ToStringValue(a[0])).IsNull));
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) =>
            r.Str("/" + r.ToClrString(r.Get(a.This, r.KSource)) + "/" + r.ToClrString(r.Get(a.This, r.KFlags))));
        Def.Getter(r, p, "source", (Realm r, in CallArgs a) => a.This.Bits == (ulong)r.RegExpPrototype ? r.Str("(?:)") : r.Str(EscapeSource(Data(r, a.This, "source").Source)));
        Def.Getter(r, p, "flags", (Realm r, in CallArgs a) => a.This.Bits == (ulong)r.RegExpPrototype ? r.EmptyString : r.Str(Data(r, a.This, "flags").Flags));
        foreach (var (name, ch) in new[] { ("global", 'g'), ("ignoreCase", 'i'), ("multiline", 'm'), ("dotAll", 's'), ("unicode", 'u'), ("sticky", 'y'), ("hasIndices", 'd'), ("unicodeSets", 'v') })
        {
            char c = ch;
            Def.Getter(r, p, name, (Realm r, in CallArgs a) => a.This.Bits == (ulong)r.RegExpPrototype ? JsValue.Undefined : JsValue.FromBool(Data(r, a.This, name).Flags.Contains(c)));
        }
        Def.Method(r, r.RegExpStringIteratorPrototype, "next", 0, (Realm r, in CallArgs a) =>
        {
            nint it = a.This.Ptr;
            var rx = Layout.Internal(it, 0);
            if (rx.IsUndefined) return r.IterResult(JsValue.Undefined, true);
            var str = Layout.Internal(it, 1);
            var m = Exec(r, rx, str);
            if (m.IsNull) { Layout.Internal(it, 0) = JsValue.Undefined; return r.IterResult(JsValue.Undefined, true); }
            if (!r.External<RegExpData>(rx.Ptr).Global) Layout.Internal(it, 0) = JsValue.Undefined;
            else if (Realm.ToClr(r.ToStringValue(r.Get(m, PropKey.FromIndex(0)))).Length == 0)
                r.Set(rx, r.KLastIndex, JsValue.FromNumber(r.ToNumber(r.Get(rx, r.KLastIndex)) + 1), true);
            return r.IterResult(m, false);
        });
        Def.ToStringTag(r, r.RegExpStringIteratorPrototype, "RegExp String Iterator");
    }

    static string EscapeSource(string s)
    {
        var sb = new StringBuilder();
        bool inClass = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length) { sb.Append(c).Append(s[++i]); continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            if (c == '/' && !inClass) sb.Append("\\/");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    static int GetLastIndex(Realm r, JsValue rx)
    {
        double d = r.ToIntegerOrInfinity(r.Get(rx, r.KLastIndex));
        return d < 0 ? 0 : d > int.MaxValue ? int.MaxValue : (int)d;
    }

    /// <summary>RegExpBuiltinExec: null or the match array (index, input, groups).</summary>
    public static JsValue Exec(Realm r, JsValue rx, JsValue str)
    {
        var d = Data(r, rx, "exec");
        string s = Realm.ToClr(str);
        bool globalOrSticky = d.Global || d.Sticky;
        int last = globalOrSticky ? GetLastIndex(r, rx) : 0;
        if (last > s.Length) { if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.Zero, true); return JsValue.Null; }
        Match m;
        try { m = d.Regex.Match(s, last); }
        catch (RegexMatchTimeoutException) { throw Def.RangeError(r, "Regular expression took too long"); }
        if (!m.Success || (d.Sticky && m.Index != last))
        {
            if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.Zero, true);
            return JsValue.Null;
        }
        if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.FromInt(m.Index + m.Length), true);
        return MatchArray(r, d, m, str);
    }

    static JsValue MatchArray(Realm r, RegExpData d, Match m, JsValue str)
    {
        using var hs = new HandleScope(r);
        int hstr = hs.Add(str);
        nint arr = r.NewArray(d.GroupCount);
        int ha = hs.Add(JsValue.FromPtr(arr));
        for (int i = 0; i < d.GroupCount; i++)
        {
            var g = m.Groups[i];
            r.PutElement(hs[ha].Ptr, (uint)i, g.Success ? r.Str(g.Value) : JsValue.Undefined);
        }
        r.DefineData(hs[ha].Ptr, r.KIndex, JsValue.FromInt(m.Index));
        r.DefineData(hs[ha].Ptr, r.KInput, hs[hstr]);
        JsValue groups = JsValue.Undefined;
        if (d.HasNames)
        {
            nint go = r.NewObject(JsValue.Null);
            groups = JsValue.FromPtr(go);
            hs.Add(groups);
            for (int i = 1; i < d.GroupCount; i++)
                if (d.GroupNames[i] is { } name) r.DefineData(go, r.Key(name), m.Groups[i].Success ? r.Str(m.Groups[i].Value) : JsValue.Undefined);
        }
        r.DefineData(hs[ha].Ptr, r.KGroups, groups);
        return hs[ha];
    }

    // ------------------------------------------------------------------ String methods

    static string ThisStr(Realm r, in CallArgs a, string name)
    {
        if (a.This.IsNullish) throw Def.TypeError(r, $"String.prototype.{name} called on null or undefined");
        return r.ToClrString(a.This);
    }

    public static JsValue StringMatch(Realm r, in CallArgs a)
    {
        var s = r.Str(ThisStr(r, a, "match"));
        var rx = IsRegExp(r, a[0]) ? a[0] : Create(r, a[0].IsUndefined ? "" : r.ToClrString(a[0]), "", JsValue.FromPtr(r.RegExpPrototype));
        var d = r.External<RegExpData>(rx.Ptr);
        if (!d.Global) return Exec(r, rx, s);
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx), hs0 = hs.Add(s);
        r.Set(rx, r.KLastIndex, JsValue.Zero, true);
        int ha = hs.Add(JsValue.FromPtr(r.NewArray()));
        uint n = 0;
        foreach (Match m in d.Regex.Matches(Realm.ToClr(s)))
            r.PutElement(hs[ha].Ptr, n++, r.Str(m.Value));
        r.Set(hs[hrx], r.KLastIndex, JsValue.Zero, true);
        return n == 0 ? JsValue.Null : hs[ha];
    }

    public static JsValue StringMatchAll(Realm r, in CallArgs a)
    {
        var s = r.Str(ThisStr(r, a, "matchAll"));
        JsValue rx;
        if (IsRegExp(r, a[0]))
        {
            var d0 = r.External<RegExpData>(a[0].Ptr);
            if (!d0.Global) throw Def.TypeError(r, "String.prototype.matchAll called with a non-global RegExp argument");
            rx = Create(r, d0.Source == "(?:)" ? "" : d0.Source, d0.Flags, JsValue.FromPtr(r.RegExpPrototype));
            r.Set(rx, r.KLastIndex, r.Get(a[0], r.KLastIndex), true);
        }
        else rx = Create(r, a[0].IsUndefined ? "" : r.ToClrString(a[0]), "g", JsValue.FromPtr(r.RegExpPrototype));
        nint it = r.NewObject(JsValue.FromPtr(r.RegExpStringIteratorPrototype), ObjClass.Iterator);
        Layout.Internal(it, 0) = rx;
        Layout.Internal(it, 1) = s;
        return JsValue.FromPtr(it);
    }

    public static JsValue StringSearch(Realm r, in CallArgs a)
    {
        var s = ThisStr(r, a, "search");
        var d = IsRegExp(r, a[0]) ? r.External<RegExpData>(a[0].Ptr) : Compile(r, a[0].IsUndefined ? "" : r.ToClrString(a[0]), "");
        var m = d.Regex.Match(s);
        return JsValue.FromInt(m.Success ? m.Index : -1);
    }

    public static JsValue StringSplit(Realm r, in CallArgs a)
    {
        var s = ThisStr(r, a, "split");
        uint limit = a[1].IsUndefined ? uint.MaxValue : r.ToUint32(a[1]);
        using var hs = new HandleScope(r);
        int ha = hs.Add(JsValue.FromPtr(r.NewArray()));
        uint n = 0;
        void Push(JsValue v) { if (n < limit) r.PutElement(hs[ha].Ptr, n++, v); }
        if (limit == 0) return hs[ha];
        if (IsRegExp(r, a[0]))
        {
            var d = r.External<RegExpData>(a[0].Ptr);
            if (s.Length == 0) { if (!d.Regex.Match(s).Success) Push(r.Str(s)); return hs[ha]; }
            int p = 0, q = 0;
            while (q < s.Length)
            {
                var m = d.Regex.Match(s, q);
                if (!m.Success) break;
                int e = m.Index + m.Length;
                if (m.Length == 0 && m.Index >= s.Length) break;
                if (e == p || (m.Length == 0 && m.Index == p)) { q = Math.Max(q + 1, m.Index + 1); if (m.Index > q) q = m.Index; continue; }
                Push(r.Str(s[p..m.Index]));
                if (n >= limit) return hs[ha];
                for (int g = 1; g < d.GroupCount; g++) { Push(m.Groups[g].Success ? r.Str(m.Groups[g].Value) : JsValue.Undefined); if (n >= limit) return hs[ha]; }
                p = e;
                q = m.Length == 0 ? e + 1 : e;
            }
            Push(r.Str(s[p..]));
            return hs[ha];
        }
        if (a[0].IsUndefined) { Push(r.Str(s)); return hs[ha]; }
        var sep = r.ToClrString(a[0]);
        if (sep.Length == 0) { foreach (char c in s) { Push(r.CharString(c)); if (n >= limit) break; } return hs[ha]; }
        int start = 0;
        while (true)
        {
            int idx = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (idx < 0) break;
            Push(r.Str(s[start..idx]));
            if (n >= limit) return hs[ha];
            start = idx + sep.Length;
        }
        Push(r.Str(s[start..]));
        return hs[ha];
    }

    public static JsValue StringReplace(Realm r, in CallArgs a, bool all)
    {
        var s = ThisStr(r, a, all ? "replaceAll" : "replace");
        var replacement = a[1];
        bool fnRepl = Realm.IsCallable(replacement);
        string replStr = fnRepl ? "" : r.ToClrString(replacement);
        using var hs = new HandleScope(r);
        int hrep = hs.Add(replacement);
        var sb = new StringBuilder();
        if (IsRegExp(r, a[0]))
        {
            var rx = a[0];
            int hrx = hs.Add(rx);
            var d = r.External<RegExpData>(rx.Ptr);
            if (all && !d.Global) throw Def.TypeError(r, "replaceAll must be called with a global RegExp");
            var matches = new List<Match>();
            if (d.Global)
            {
                r.Set(rx, r.KLastIndex, JsValue.Zero, true);
                foreach (Match m in d.Regex.Matches(s)) matches.Add(m);
            }
            else
            {
                int last = d.Sticky ? GetLastIndex(r, rx) : 0;
                var m = last <= s.Length ? d.Regex.Match(s, last) : Match.Empty;
                if (m.Success && (!d.Sticky || m.Index == last)) { matches.Add(m); if (d.Sticky) r.Set(rx, r.KLastIndex, JsValue.FromInt(m.Index + m.Length), true); }
                else if (d.Sticky) r.Set(rx, r.KLastIndex, JsValue.Zero, true);
            }
            int pos = 0;
            foreach (var m in matches)
            {
                sb.Append(s, pos, m.Index - pos);
                var caps = new string?[d.GroupCount];
                for (int i = 0; i < d.GroupCount; i++) caps[i] = m.Groups[i].Success ? m.Groups[i].Value : null;
                if (fnRepl)
                {
                    var args = new List<JsValue>();
                    foreach (var c in caps) args.Add(c == null ? JsValue.Undefined : r.Str(c));
                    args.Add(JsValue.FromInt(m.Index));
                    args.Add(r.Str(s));
                    if (d.HasNames)
                    {
                        nint go = r.NewObject(JsValue.Null);
                        for (int i = 1; i < d.GroupCount; i++) if (d.GroupNames[i] is { } nm) r.DefineData(go, r.Key(nm), caps[i] == null ? JsValue.Undefined : r.Str(caps[i]!));
                        args.Add(JsValue.FromPtr(go));
                    }
                    sb.Append(r.ToClrString(r.Interp.Call(hs[hrep], JsValue.Undefined, args.ToArray())));
                }
                else sb.Append(Expand(replStr, s, m.Index, caps, d));
                pos = m.Index + m.Length;
            }
            sb.Append(s, pos, s.Length - pos);
            return r.Str(sb.ToString());
        }
        var search = r.ToClrString(a[0]);
        int from = 0, last2 = 0;
        bool any = false;
        while (true)
        {
            int idx = s.IndexOf(search, from, StringComparison.Ordinal);
            if (idx < 0 || (any && !all)) break;
            any = true;
            sb.Append(s, last2, idx - last2);
            if (fnRepl) sb.Append(r.ToClrString(r.Interp.Call(hs[hrep], JsValue.Undefined, [r.Str(search), JsValue.FromInt(idx), r.Str(s)])));
            else sb.Append(Expand(replStr, s, idx, [search], null));
            last2 = idx + search.Length;
            from = search.Length == 0 ? idx + 1 : last2;
            if (from > s.Length) break;
        }
        sb.Append(s, last2, s.Length - last2);
        return r.Str(sb.ToString());
    }

    /// <summary>GetSubstitution: $$, $&amp;, $`, $', $n, $nn, $&lt;name&gt;.</summary>
    static string Expand(string repl, string s, int pos, string?[] caps, RegExpData? d)
    {
        if (!repl.Contains('$')) return repl;
        var sb = new StringBuilder();
        string matched = caps[0] ?? "";
        for (int i = 0; i < repl.Length; i++)
        {
            char c = repl[i];
            if (c != '$' || i + 1 >= repl.Length) { sb.Append(c); continue; }
            char n = repl[i + 1];
            if (n == '$') { sb.Append('$'); i++; }
            else if (n == '&') { sb.Append(matched); i++; }
            else if (n == '`') { sb.Append(s, 0, pos); i++; }
            else if (n == '\'') { int e = Math.Min(s.Length, pos + matched.Length); sb.Append(s, e, s.Length - e); i++; }
            else if (char.IsAsciiDigit(n))
            {
                int num = n - '0', used = 1;
                if (i + 2 < repl.Length && char.IsAsciiDigit(repl[i + 2]) && num * 10 + (repl[i + 2] - '0') < caps.Length && num * 10 + (repl[i + 2] - '0') > 0) { num = num * 10 + (repl[i + 2] - '0'); used = 2; }
                if (num >= 1 && num < caps.Length) { sb.Append(caps[num] ?? ""); i += used; }
                else sb.Append(c);
            }
            else if (n == '<' && d != null && d.HasNames)
            {
                int close = repl.IndexOf('>', i + 2);
                if (close < 0) { sb.Append(c); continue; }
                string name = repl[(i + 2)..close];
                int gi = Array.IndexOf(d.GroupNames, name);
                if (gi > 0) sb.Append(caps[gi] ?? "");
                i = close;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
