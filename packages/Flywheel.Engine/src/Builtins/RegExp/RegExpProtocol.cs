#pragma warning disable CS0618
using System.Text;
using System.Text.RegularExpressions;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// RegExp.prototype[Symbol.match / matchAll / replace / search / split] and the String.prototype
/// methods that dispatch through them. Each symbol method follows the specification's generic
/// algorithm (through RegExpExec, so a user exec or a subclass is honoured); when the receiver is
/// a RegExp whose exec is the built-in one, the matches come straight from the .NET regex instead,
/// which is unobservable because lastIndex is a plain data property.
/// </summary>
internal static unsafe class RegExpProtocol
{
    public static void Setup(Realm r)
    {
        nint p = r.RegExpPrototype;
        Def.SymbolMethod(r, p, r.SymMatch, "[Symbol.match]", 1, SymbolMatch);
        Def.SymbolMethod(r, p, r.SymMatchAll, "[Symbol.matchAll]", 1, SymbolMatchAll);
        Def.SymbolMethod(r, p, r.SymReplace, "[Symbol.replace]", 2, SymbolReplace);
        Def.SymbolMethod(r, p, r.SymSearch, "[Symbol.search]", 1, SymbolSearch);
        Def.SymbolMethod(r, p, r.SymSplit, "[Symbol.split]", 2, SymbolSplit);
    }

    static JsValue ThisRegExpObject(Realm r, in CallArgs a, string name)
    {
        if (!Realm.IsObject(a.This)) throw Def.TypeError(r, $"RegExp.prototype.{name} called on incompatible receiver {r.Interp.Describe(a.This)}");
        return a.This;
    }

    static string FlagsOf(Realm r, JsValue rx) => r.ToClrString(r.Get(rx, r.KFlags));

    static void SetLastIndex(Realm r, JsValue rx, double v) => r.Set(rx, r.KLastIndex, JsValue.FromNumber(v), true);

    // ------------------------------------------------------------------ Symbol.match

    static JsValue SymbolMatch(Realm r, in CallArgs a)
    {
        var rx0 = ThisRegExpObject(r, a, "[Symbol.match]");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx0);
        int hS = hs.Add(r.ToStringValue(a[0]));
        string flags = FlagsOf(r, hs[hrx]);
        if (!flags.Contains('g')) return RegExpBuiltins.RegExpExec(r, hs[hrx], hs[hS]);
        bool unicode = flags.Contains('u') || flags.Contains('v');
        SetLastIndex(r, hs[hrx], 0);
        int ha = hs.Add(JsValue.FromPtr(r.NewArray()));
        uint n = 0;
        if (RegExpBuiltins.IsPristine(r, hs[hrx], out var d) && d.Global && !d.Sticky && !unicode)
        {
            string s = r.ToClrCached(hs[hS]);
            for (var m = RegExpBuiltins.Run(r, d, s, 0); m.Success; m = m.NextMatch())
                r.PutElement(hs[ha].Ptr, n++, r.NewString(RegExpBuiltins.Text(m, s)));
            SetLastIndex(r, hs[hrx], 0);
            return n == 0 ? JsValue.Null : hs[ha];
        }
        while (true)
        {
            var result = RegExpBuiltins.RegExpExec(r, hs[hrx], hs[hS]);
            if (result.IsNull) return n == 0 ? JsValue.Null : hs[ha];
            var matchStr = r.ToStringValue(r.Get(result, PropKey.FromIndex(0)));
            r.PutElement(hs[ha].Ptr, n++, matchStr);
            if (Layout.StrLength(matchStr.Ptr) == 0)
            {
                double thisIndex = RegExpBuiltins.ToLength(r, r.Get(hs[hrx], r.KLastIndex));
                SetLastIndex(r, hs[hrx], RegExpBuiltins.AdvanceStringIndex(r, hs[hS], thisIndex, unicode));
            }
        }
    }

    // ------------------------------------------------------------------ Symbol.matchAll

    /// <summary>SpeciesConstructor(rx, %RegExp%).</summary>
    static JsValue SpeciesConstructor(Realm r, JsValue rx)
    {
        var c = r.Get(rx, r.KConstructor);
        if (c.IsUndefined) return r.RegExpConstructorFn;
        if (!Realm.IsObject(c)) throw Def.TypeError(r, "The .constructor property is not an object");
        var s = r.Get(c, PropKey.FromCell(r.SymSpecies));
        if (s.IsNullish) return r.RegExpConstructorFn;
        if (!Realm.IsConstructor(s)) throw Def.TypeError(r, "object.constructor[Symbol.species] is not a constructor");
        return s;
    }

    static JsValue SymbolMatchAll(Realm r, in CallArgs a)
    {
        var rx0 = ThisRegExpObject(r, a, "[Symbol.matchAll]");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx0);
        int hS = hs.Add(r.ToStringValue(a[0]));
        int hc = hs.Add(SpeciesConstructor(r, hs[hrx]));
        var flagsV = r.ToStringValue(r.Get(hs[hrx], r.KFlags));
        int hfl = hs.Add(flagsV);
        string flags = Realm.ToClr(flagsV);
        int hm = hs.Add(r.Interp.Construct(hs[hc], [hs[hrx], hs[hfl]], hs[hc]));
        double lastIndex = RegExpBuiltins.ToLength(r, r.Get(hs[hrx], r.KLastIndex));
        SetLastIndex(r, hs[hm], lastIndex);
        int mode = (flags.Contains('g') ? 1 : 0) | (flags.Contains('u') || flags.Contains('v') ? 2 : 0);
        nint it = r.NewObject(JsValue.FromPtr(r.RegExpStringIteratorPrototype), ObjClass.Iterator);
        Layout.Internal(it, 0) = hs[hm];
        Layout.Internal(it, 1) = hs[hS];
        Layout.Internal(it, 2) = JsValue.FromInt(mode);
        return JsValue.FromPtr(it);
    }

    // ------------------------------------------------------------------ Symbol.search

    static JsValue SymbolSearch(Realm r, in CallArgs a)
    {
        var rx0 = ThisRegExpObject(r, a, "[Symbol.search]");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx0);
        int hS = hs.Add(r.ToStringValue(a[0]));
        int hprev = hs.Add(r.Get(hs[hrx], r.KLastIndex));
        if (!Realm.SameValue(hs[hprev], JsValue.Zero)) r.Set(hs[hrx], r.KLastIndex, JsValue.Zero, true);
        var result = RegExpBuiltins.RegExpExec(r, hs[hrx], hs[hS]);
        int hres = hs.Add(result);
        var current = r.Get(hs[hrx], r.KLastIndex);
        if (!Realm.SameValue(current, hs[hprev])) r.Set(hs[hrx], r.KLastIndex, hs[hprev], true);
        return hs[hres].IsNull ? JsValue.FromInt(-1) : r.Get(hs[hres], r.KIndex);
    }

    // ------------------------------------------------------------------ Symbol.split

    static JsValue SymbolSplit(Realm r, in CallArgs a)
    {
        var rx0 = ThisRegExpObject(r, a, "[Symbol.split]");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx0);
        int hS = hs.Add(r.ToStringValue(a[0]));
        int hlim = hs.Add(a[1]);
        int hc = hs.Add(SpeciesConstructor(r, hs[hrx]));
        string flags = FlagsOf(r, hs[hrx]);
        bool unicode = flags.Contains('u') || flags.Contains('v');
        string newFlags = flags.Contains('y') ? flags : flags + "y";
        int ha = hs.Add(JsValue.FromPtr(r.NewArray()));
        uint n = 0;
        // Fast path: the species is %RegExp% and the receiver's exec is the built-in one, so the
        // splitter would be a sticky copy of the same pattern: scan with the .NET regex instead.
        if (hs[hc].Bits == r.RegExpConstructorFn.Bits && RegExpBuiltins.IsPristine(r, hs[hrx], out var d)
            && r.Get(JsValue.FromPtr(r.RegExpPrototype), r.KExec).Bits == r.RegExpExecFn.Bits)
        {
            uint limit = hs[hlim].IsUndefined ? uint.MaxValue : r.ToUint32(hs[hlim]);
            if (limit == 0) return hs[ha];
            // A fresh splitter has its own flags; d may lack the implicit y, which the scan below emulates.
            var sd = RegExpBuiltins.Compile(r, d.Source == "(?:)" ? "" : d.Source, new string(newFlags.Where(c => c != 'y' && c != 'g').ToArray()));
            string s = Realm.ToClr(hs[hS]);
            if (s.Length == 0)
            {
                var z = RegExpBuiltins.Run(r, sd, s, 0);
                if (!(z.Success && z.Index == 0)) r.PutElement(hs[ha].Ptr, n++, hs[hS]);
                return hs[ha];
            }
            int size = s.Length, p = 0, q = 0;
            while (q < size)
            {
                var m = RegExpBuiltins.Run(r, sd, s, q);
                if (!m.Success || m.Index >= size) break;
                // No sticky match starts between q and m.Index: the leftmost search would have found it.
                q = m.Index;
                int e = Math.Min(m.Index + m.Length, size);
                if (e == p) { q = (int)RegExpBuiltins.AdvanceStringIndex(r, hs[hS], q, unicode); continue; }
                r.PutElement(hs[ha].Ptr, n++, r.NewString(s.AsSpan(p, q - p)));
                if (n == limit) return hs[ha];
                p = e;
                for (int g = 1; g < sd.GroupCount; g++)
                {
                    var grp = m.Groups[g];
                    r.PutElement(hs[ha].Ptr, n++, grp.Success ? r.NewString(RegExpBuiltins.Text(grp, s)) : JsValue.Undefined);
                    if (n == limit) return hs[ha];
                }
                q = p;
            }
            r.PutElement(hs[ha].Ptr, n++, r.NewString(s.AsSpan(p)));
            return hs[ha];
        }
        int hsplit = hs.Add(r.Interp.Construct(hs[hc], [hs[hrx], r.Str(newFlags)], hs[hc]));
        uint lim = hs[hlim].IsUndefined ? uint.MaxValue : r.ToUint32(hs[hlim]);
        if (lim == 0) return hs[ha];
        int len = Layout.StrLength(hs[hS].Ptr);
        if (len == 0)
        {
            if (RegExpBuiltins.RegExpExec(r, hs[hsplit], hs[hS]).IsNull) r.PutElement(hs[ha].Ptr, n++, hs[hS]);
            return hs[ha];
        }
        double pp = 0, qq = 0;
        while (qq < len)
        {
            SetLastIndex(r, hs[hsplit], qq);
            var z = RegExpBuiltins.RegExpExec(r, hs[hsplit], hs[hS]);
            if (z.IsNull) { qq = RegExpBuiltins.AdvanceStringIndex(r, hs[hS], qq, unicode); continue; }
            int hz = hs.Add(z);
            double e = Math.Min(RegExpBuiltins.ToLength(r, r.Get(hs[hsplit], r.KLastIndex)), len);
            if (e == pp) { qq = RegExpBuiltins.AdvanceStringIndex(r, hs[hS], qq, unicode); continue; }
            r.PutElement(hs[ha].Ptr, n++, r.Substring(hs[hS], (int)pp, (int)(qq - pp)));
            if (n == lim) return hs[ha];
            pp = e;
            double captures = Math.Max(RegExpBuiltins.ToLength(r, r.Get(hs[hz], r.KLength)) - 1, 0);
            for (uint i = 1; i <= captures; i++)
            {
                r.PutElement(hs[ha].Ptr, n++, r.Get(hs[hz], PropKey.FromIndex(i)));
                if (n == lim) return hs[ha];
            }
            qq = pp;
        }
        r.PutElement(hs[ha].Ptr, n++, r.Substring(hs[hS], (int)pp, len - (int)pp));
        return hs[ha];
    }

    // ------------------------------------------------------------------ Symbol.replace

    /// <summary>One match as @@replace consumes it.</summary>
    struct ReplaceMatch
    {
        public int Position;
        public string Matched;
        public string?[] Captures;      // 1-based: [0] unused
        public int NamedHandle;         // handle of the groups object, or -1
    }

    static JsValue SymbolReplace(Realm r, in CallArgs a)
    {
        var rx0 = ThisRegExpObject(r, a, "[Symbol.replace]");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx0);
        int hS = hs.Add(r.ToStringValue(a[0]));
        int hrep = hs.Add(a[1]);
        bool functional = Realm.IsCallable(a[1]);
        string replStr = functional ? "" : r.ToClrString(hs[hrep]);
        string flags = FlagsOf(r, hs[hrx]);
        bool global = flags.Contains('g'), unicode = flags.Contains('u') || flags.Contains('v');
        if (global) SetLastIndex(r, hs[hrx], 0);
        string s = r.ToClrCached(hs[hS]);
        var matches = new List<ReplaceMatch>();
        if (RegExpBuiltins.IsPristine(r, hs[hrx], out var d) && d.Global == global && !(global && (d.Sticky || unicode)))
        {
            bool wantGroups = d.HasNames && (functional || replStr.Contains("$<"));
            void Add(Match m)
            {
                var caps = new string?[d.GroupCount];
                for (int i = 1; i < d.GroupCount; i++) caps[i] = m.Groups[i].Success ? RegExpBuiltins.Text(m.Groups[i], s).ToString() : null;
                int named = -1;
                if (wantGroups)
                {
                    nint go = r.NewObject(JsValue.Null);
                    named = hs.Add(JsValue.FromPtr(go));
                    for (int i = 1; i < d.GroupCount; i++)
                        if (d.GroupNames[i] is { } nm) r.DefineData(go, r.Key(nm), caps[i] == null ? JsValue.Undefined : r.Str(caps[i]!));
                }
                matches.Add(new ReplaceMatch { Position = m.Index, Matched = RegExpBuiltins.Text(m, s).ToString(), Captures = caps, NamedHandle = named });
            }
            if (global)
            {
                for (var m = RegExpBuiltins.Run(r, d, s, 0); m.Success; m = m.NextMatch()) Add(m);
                SetLastIndex(r, hs[hrx], 0);
            }
            else
            {
                var m = RegExpBuiltins.BuiltinMatch(r, hs[hrx], d, s);
                if (m != null) Add(m);
            }
        }
        else
        {
            var results = new List<int>();
            while (true)
            {
                var result = RegExpBuiltins.RegExpExec(r, hs[hrx], hs[hS]);
                if (result.IsNull) break;
                results.Add(hs.Add(result));
                if (!global) break;
                var matchStr = r.ToStringValue(r.Get(result, PropKey.FromIndex(0)));
                if (Layout.StrLength(matchStr.Ptr) == 0)
                {
                    double thisIndex = RegExpBuiltins.ToLength(r, r.Get(hs[hrx], r.KLastIndex));
                    SetLastIndex(r, hs[hrx], RegExpBuiltins.AdvanceStringIndex(r, hs[hS], thisIndex, unicode));
                }
            }
            foreach (int h in results)
            {
                var res = hs[h];
                double nCaptures = Math.Max(RegExpBuiltins.ToLength(r, r.Get(res, r.KLength)) - 1, 0);
                string matched = r.ToClrString(r.Get(hs[h], PropKey.FromIndex(0)));
                double position = r.ToIntegerOrInfinity(r.Get(hs[h], r.KIndex));
                var caps = new string?[(int)Math.Min(nCaptures, 100000) + 1];
                for (int i = 1; i < caps.Length; i++)
                {
                    var c = r.Get(hs[h], PropKey.FromIndex((uint)i));
                    caps[i] = c.IsUndefined ? null : r.ToClrString(c);
                }
                var named = r.Get(hs[h], r.KGroups);
                int nh = -1;
                if (!named.IsUndefined) nh = hs.Add(functional ? named : JsValue.FromPtr(r.ToObject(named)));
                matches.Add(new ReplaceMatch { Position = (int)Math.Max(Math.Min(position, s.Length), 0), Matched = matched, Captures = caps, NamedHandle = nh });
            }
        }
        var sb = new StringBuilder();
        int next = 0;
        foreach (var m in matches)
        {
            string replacement;
            if (functional)
            {
                var args = new JsValue[m.Captures.Length + 2 + (m.NamedHandle >= 0 ? 1 : 0)];
                using var argScope = new HandleScope(r);
                args[0] = r.Str(m.Matched);
                argScope.Add(args[0]);
                for (int i = 1; i < m.Captures.Length; i++) { args[i] = m.Captures[i] == null ? JsValue.Undefined : r.Str(m.Captures[i]!); argScope.Add(args[i]); }
                args[m.Captures.Length] = JsValue.FromInt(m.Position);
                args[m.Captures.Length + 1] = hs[hS];
                if (m.NamedHandle >= 0) args[^1] = hs[m.NamedHandle];
                replacement = r.ToClrString(r.Interp.Call(hs[hrep], JsValue.Undefined, args));
            }
            else
            {
                m.Captures[0] = m.Matched;
                replacement = GetSubstitution(r, replStr, s, m.Position, m.Captures, m.NamedHandle >= 0 ? hs[m.NamedHandle] : JsValue.Undefined);
            }
            if (m.Position >= next)
            {
                sb.Append(s, next, m.Position - next).Append(replacement);
                next = m.Position + m.Matched.Length;
            }
        }
        if (next >= s.Length) return r.Str(sb.ToString());
        sb.Append(s, next, s.Length - next);
        return r.Str(sb.ToString());
    }

    /// <summary>GetSubstitution: $$, $&amp;, $`, $', $n, $nn, $&lt;name&gt;. <paramref name="caps"/>[0] is the match.</summary>
    public static string GetSubstitution(Realm r, string repl, string s, int pos, string?[] caps, JsValue named)
    {
        if (!repl.Contains('$')) return repl;
        var sb = new StringBuilder();
        string matched = caps[0] ?? "";
        int m = caps.Length - 1;
        for (int i = 0; i < repl.Length; i++)
        {
            char c = repl[i];
            if (c != '$' || i + 1 >= repl.Length) { sb.Append(c); continue; }
            char n = repl[i + 1];
            if (n == '$') { sb.Append('$'); i++; }
            else if (n == '&') { sb.Append(matched); i++; }
            else if (n == '`') { sb.Append(s, 0, Math.Min(pos, s.Length)); i++; }
            else if (n == '\'') { int e = Math.Min(s.Length, pos + matched.Length); sb.Append(s, e, s.Length - e); i++; }
            else if (char.IsAsciiDigit(n))
            {
                int digits = i + 2 < repl.Length && char.IsAsciiDigit(repl[i + 2]) ? 2 : 1;
                int index = digits == 2 ? (n - '0') * 10 + (repl[i + 2] - '0') : n - '0';
                if (digits == 2 && index > m) { digits = 1; index = n - '0'; }
                if (index >= 1 && index <= m) sb.Append(caps[index] ?? "");
                else sb.Append(repl, i, 1 + digits);
                i += digits;
            }
            else if (n == '<')
            {
                int close = repl.IndexOf('>', i + 2);
                if (close < 0 || named.IsUndefined) { sb.Append("$<"); i++; continue; }
                string name = repl[(i + 2)..close];
                var v = r.Get(named, r.Key(name));
                if (!v.IsUndefined) sb.Append(r.ToClrString(v));
                i = close;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
