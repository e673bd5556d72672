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
    /// <summary>
    /// For an /i pattern, the case folding its subjects go through before <see cref="Regex"/> runs
    /// (which is then case-sensitive, see <see cref="IgnoreCasePattern"/>); null otherwise. Matches
    /// are read back from the original string by index, never from the folded one.
    /// </summary>
    public CaseFolding? Folding;
    public required string Source, Flags;
    public required int GroupCount;
    public required string?[] GroupNames;
    public bool Global => Flags.Contains('g');
    public bool Sticky => Flags.Contains('y');
    public bool HasIndices => Flags.Contains('d');
    public bool HasNames => GroupNames.Any(n => n != null);
}

/// <summary>RegExp (exec/test/lastIndex, flags g i m s u y d, named groups) and the String methods that take patterns.</summary>
internal static unsafe class RegExpBuiltins
{
    /// <summary>Compiled patterns by (pattern, flags), shared by all engines; emptied when it reaches <see cref="CacheLimit"/> entries.</summary>
    static readonly Dictionary<(string, string), RegExpData> cache = [];
    const int CacheLimit = 4096;

    public static RegExpData Compile(Realm r, string pattern, string flags)
    {
        lock (cache)
            if (cache.TryGetValue((pattern, flags), out var hit)) return hit;
        foreach (char f in flags)
            if ("dgimsuyv".IndexOf(f) < 0 || flags.IndexOf(f) != flags.LastIndexOf(f))
                throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid flags supplied to RegExp constructor '{flags}'"));
        string source = UnicodeScripts.Rewrite(pattern, flags);
        RegExpParseResult res;
        CaseFolding? folding = null;
        try
        {
            // /i: a case-sensitive pattern over folded subjects (see IgnoreCasePattern). The rewrite declines
            // what it does not handle (inline modifiers, malformed patterns), and a rewritten pattern that
            // fails to adapt is retried as written: errors then name what the program wrote, and anything
            // else keeps .NET's own IgnoreCase.
            if (flags.Contains('i') && IgnoreCasePattern.Rewrite(source, flags.Contains('u')) is { } rewritten)
            {
                try
                {
                    res = Adapt(rewritten, flags.Replace("i", "", StringComparison.Ordinal));
                    folding = flags.Contains('u') ? CaseFolding.Unicode : CaseFolding.NonUnicode;
                }
                catch (Exception e) when (IsAdaptationError(e)) { res = Adapt(source, flags); }
            }
            else res = Adapt(source, flags);
        }
        catch (Exception e) when (IsAdaptationError(e))
        {
            throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid regular expression: /{pattern}/{flags}: {Reason(e, source, flags)}"));
        }
        if (res.Regex == null) throw new JsThrow(r.MakeError(ErrorKind.SyntaxError, $"Invalid regular expression: /{pattern}/{flags}"));
        var names = new string?[res.ActualRegexGroupCount];
        for (int i = 1; i < names.Length; i++) { var n = res.GetRegexGroupName(i); names[i] = string.IsNullOrEmpty(n) ? null : n; }
        var data = new RegExpData { Regex = res.Regex, Folding = folding, Source = pattern.Length == 0 ? "(?:)" : pattern, Flags = new string(flags.Order().ToArray()), GroupCount = res.ActualRegexGroupCount, GroupNames = names };
        lock (cache)
        {
            if (cache.Count >= CacheLimit) cache.Clear();
            cache[(pattern, flags)] = data;
        }
        return data;
    }

    /// <summary>Why the adaptation failed, without the "Invalid regular expression: /…/…: " it may begin with (ours names the pattern as written).</summary>
    static string Reason(Exception e, string adapted, string flags)
    {
        string text = e is ParseErrorException pe ? pe.Description : e.Message;
        string prefix = $"Invalid regular expression: /{adapted}/{flags}: ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }

    static bool IsAdaptationError(Exception e) => e is ParseErrorException or ArgumentException or InvalidOperationException;

    static RegExpParseResult Adapt(string pattern, string flags) =>
        Tokenizer.AdaptRegExp(pattern, flags, false, TimeSpan.FromSeconds(10), true, EcmaVersion.Latest, ExperimentalESFeatures.None);

    /// <summary>The text of a match or group, read from the subject itself (the regex may have run on its case folding).</summary>
    public static ReadOnlySpan<char> Text(Capture c, string subject) => subject.AsSpan(c.Index, c.Length);

    public static JsValue Create(Realm r, JsValue pattern, JsValue flags) => Create(r, Realm.ToClr(pattern), Realm.ToClr(flags), JsValue.FromPtr(r.RegExpPrototype));

    static JsValue Create(Realm r, string pattern, string flags, JsValue proto)
    {
        var data = Compile(r, pattern, flags);
        nint o = r.NewObjectWithExternal(proto, ObjClass.RegExp, data);
        r.AddOwn(o, r.KLastIndex, JsValue.Zero, PropFlags.Writable);
        return JsValue.FromPtr(o);
    }

    /// <summary>True for an object with [[RegExpMatcher]] (a RegExp instance), whatever its Symbol.match says.</summary>
    public static bool IsRegExpObject(JsValue v) => Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.RegExp;

    /// <summary>IsRegExp: an object whose Symbol.match is truthy, or a RegExp instance when Symbol.match is undefined.</summary>
    public static bool IsRegExp(Realm r, JsValue v)
    {
        if (!Realm.IsObject(v)) return false;
        var matcher = r.Get(v, PropKey.FromCell(r.SymMatch));
        if (!matcher.IsUndefined) return Realm.ToBoolean(matcher);
        return Layout.Class(v.Ptr) == ObjClass.RegExp;
    }

    static RegExpData Data(Realm r, JsValue v, string m)
    {
        if (!IsRegExpObject(v)) throw Def.TypeError(r, $"RegExp.prototype.{m} requires that 'this' be a RegExp object");
        return r.External<RegExpData>(v.Ptr);
    }

    /// <summary>What the runtime needs before RegExp itself is created (on first use, see <see cref="Setup"/>).</summary>
    public static void SetupKeys(Realm r)
    {
        r.KExec = PropKey.FromCell(r.Intern("exec"));
        r.PermanentRoots.Add(JsValue.FromPtr(r.KExec.Ptr));
    }

    public static void Setup(Realm r)
    {
        nint p = r.RegExpPrototype;
        nint ctor = Def.Constructor(r, "RegExp", 2, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int hp = hs.Add(a[0]), hf = hs.Add(a[1]);
            bool patternIsRegExp = IsRegExp(r, a[0]);
            if (!a.IsConstruct && patternIsRegExp && a[1].IsUndefined)
            {
                var pc = r.Get(hs[hp], r.KConstructor);
                if (pc.Bits == a.Callee.Bits) return hs[hp];
            }
            string pattern, flags;
            if (IsRegExpObject(hs[hp]))
            {
                var d = r.External<RegExpData>(hs[hp].Ptr);
                pattern = d.Source == "(?:)" ? "" : d.Source;
                flags = hs[hf].IsUndefined ? d.Flags : r.ToClrString(hs[hf]);
            }
            else if (patternIsRegExp)
            {
                var src = r.Get(hs[hp], r.KSource);
                pattern = src.IsUndefined ? "" : r.ToClrString(src);
                var fl = hs[hf].IsUndefined ? r.Get(hs[hp], r.KFlags) : hs[hf];
                flags = fl.IsUndefined ? "" : r.ToClrString(fl);
            }
            else
            {
                pattern = hs[hp].IsUndefined ? "" : r.ToClrString(hs[hp]);
                flags = hs[hf].IsUndefined ? "" : r.ToClrString(hs[hf]);
            }
            return Create(r, pattern, flags, Def.ProtoFrom(r, a.IsConstruct ? a.NewTarget : JsValue.Undefined, r.RegExpPrototype));
        }, p);
        r.RegExpConstructorFn = JsValue.FromPtr(ctor);
        Def.Getter(r, ctor, "[Symbol.species]", (Realm r, in CallArgs a) => a.This, PropKey.FromCell(r.SymSpecies));
        // Annex B: re-initializes a RegExp in place with a new pattern and flags.
        Def.Method(r, p, "compile", 2, (Realm r, in CallArgs a) =>
        {
            Data(r, a.This, "compile");
            using var hs = new HandleScope(r);
            hs.Add(a.This);
            string pattern, flags;
            if (IsRegExpObject(a[0]))
            {
                if (!a[1].IsUndefined) throw Def.TypeError(r, "Cannot supply flags when constructing one RegExp from another");
                var d0 = r.External<RegExpData>(a[0].Ptr);
                pattern = d0.Source == "(?:)" ? "" : d0.Source;
                flags = d0.Flags;
            }
            else
            {
                pattern = a[0].IsUndefined ? "" : r.ToClrString(a[0]);
                flags = a[1].IsUndefined ? "" : r.ToClrString(a[1]);
            }
            var data = Compile(r, pattern, flags);
            int old = Layout.Internal(a.This.Ptr, 3).Int32;
            r.FreeExternal(old);
            Layout.Internal(a.This.Ptr, 3) = JsValue.FromInt(r.AddExternal(data));
            r.Set(a.This, r.KLastIndex, JsValue.Zero, true);
            return a.This;
        });
        nint exec = Def.Method(r, p, "exec", 1, (Realm r, in CallArgs a) => Exec(r, a.This, r.ToStringValue(a[0])));
        r.RegExpExecFn = JsValue.FromPtr(exec);
        Def.Method(r, p, "test", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a.This)) throw Def.TypeError(r, "RegExp.prototype.test called on incompatible receiver " + r.Interp.Describe(a.This));
            using var hs = new HandleScope(r);
            int hrx = hs.Add(a.This);
            var str = r.ToStringValue(a[0]);
            return JsValue.FromBool(!RegExpExec(r, hs[hrx], str).IsNull);
        });
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
            if (!Realm.IsObject(a.This) || Layout.Class(a.This.Ptr) != ObjClass.Iterator)
                throw Def.TypeError(r, "%RegExpStringIterator%.next called on incompatible receiver");
            nint it = a.This.Ptr;
            var rx = Layout.Internal(it, 0);
            if (rx.IsUndefined) return r.IterResult(JsValue.Undefined, true);
            using var hs = new HandleScope(r);
            int hit = hs.Add(a.This);
            int mode = Layout.Internal(it, 2).Int32;
            var m = RegExpExec(r, rx, Layout.Internal(it, 1));
            it = hs[hit].Ptr;
            if (m.IsNull) { Layout.Internal(it, 0) = JsValue.Undefined; return r.IterResult(JsValue.Undefined, true); }
            int hm = hs.Add(m);
            if ((mode & 1) == 0) Layout.Internal(it, 0) = JsValue.Undefined;
            else
            {
                var matchStr = r.ToStringValue(r.Get(hs[hm], PropKey.FromIndex(0)));
                if (Layout.StrLength(matchStr.Ptr) == 0)
                {
                    rx = Layout.Internal(hs[hit].Ptr, 0);
                    double thisIndex = ToLength(r, r.Get(rx, r.KLastIndex));
                    r.Set(rx, r.KLastIndex, JsValue.FromNumber(AdvanceStringIndex(r, Layout.Internal(hs[hit].Ptr, 1), thisIndex, (mode & 2) != 0)), true);
                }
            }
            return r.IterResult(hs[hm], false);
        });
        Def.ToStringTag(r, r.RegExpStringIteratorPrototype, "RegExp String Iterator");
        RegExpProtocol.Setup(r);
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

    /// <summary>ToLength.</summary>
    public static double ToLength(Realm r, JsValue v)
    {
        double d = r.ToIntegerOrInfinity(v);
        return d <= 0 ? 0 : Math.Min(d, 9007199254740991d);
    }

    /// <summary>AdvanceStringIndex: one code unit, or one code point under /u and /v.</summary>
    public static double AdvanceStringIndex(Realm r, JsValue s, double index, bool unicode)
    {
        if (!unicode) return index + 1;
        int len = Layout.StrLength(s.Ptr);
        if (index + 1 >= len) return index + 1;
        var span = r.Span(s);
        int i = (int)index;
        return char.IsHighSurrogate(span[i]) && char.IsLowSurrogate(span[i + 1]) ? index + 2 : index + 1;
    }

    /// <summary>
    /// The .NET match RegExpBuiltinExec would make (lastIndex read with ToLength always, used only
    /// with g or y; reset to 0 on failure and advanced on success for g or y), or null.
    /// </summary>
    public static Match? BuiltinMatch(Realm r, JsValue rx, RegExpData d, string s)
    {
        bool globalOrSticky = d.Global || d.Sticky;
        double lastIndex = ToLength(r, r.Get(rx, r.KLastIndex));
        int last = globalOrSticky ? (int)Math.Min(lastIndex, int.MaxValue) : 0;
        if (last > s.Length) { if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.Zero, true); return null; }
        Match m = Run(r, d, s, last);
        if (!m.Success || (d.Sticky && m.Index != last))
        {
            if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.Zero, true);
            return null;
        }
        if (globalOrSticky) r.Set(rx, r.KLastIndex, JsValue.FromInt(m.Index + m.Length), true);
        return m;
    }

    /// <summary>
    /// Runs the .NET regex (on the subject's case folding for /i); its match timeout becomes a RangeError.
    /// Read texts with <see cref="Text"/>, never from the match.
    /// </summary>
    public static Match Run(Realm r, RegExpData d, string s, int start)
    {
        try { return d.Regex.Match(d.Folding == null ? s : r.FoldedSubject(d.Folding, s), start); }
        catch (RegexMatchTimeoutException) { throw Def.RangeError(r, "Regular expression took too long"); }
    }

    /// <summary>RegExpBuiltinExec: null or the match array (index, input, groups).</summary>
    public static JsValue Exec(Realm r, JsValue rx, JsValue str)
    {
        var d = Data(r, rx, "exec");
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx), hstr = hs.Add(str);
        string s = r.ToClrCached(str);
        var m = BuiltinMatch(r, hs[hrx], d, s);
        return m == null ? JsValue.Null : MatchArray(r, d, m, hs[hstr], s);
    }

    /// <summary>RegExpExec: the object's own exec if it is callable (result must be an object or null), else the built-in one.</summary>
    public static JsValue RegExpExec(Realm r, JsValue rx, JsValue str)
    {
        using var hs = new HandleScope(r);
        int hrx = hs.Add(rx), hstr = hs.Add(str);
        var exec = r.Get(rx, r.KExec);
        if (exec.Bits == r.RegExpExecFn.Bits && IsRegExpObject(hs[hrx])) return Exec(r, hs[hrx], hs[hstr]);
        if (Realm.IsCallable(exec))
        {
            var result = r.Interp.Call(exec, hs[hrx], [hs[hstr]]);
            if (!result.IsNull && !Realm.IsObject(result)) throw Def.TypeError(r, "object null or RegExp exec result expected");
            return result;
        }
        return Exec(r, hs[hrx], hs[hstr]);
    }

    /// <summary>A RegExp whose exec is the built-in one: its matches can be computed straight from the .NET regex.</summary>
    public static bool IsPristine(Realm r, JsValue rx, out RegExpData data)
    {
        data = null!;
        if (!IsRegExpObject(rx)) return false;
        if (r.Get(rx, r.KExec).Bits != r.RegExpExecFn.Bits) return false;
        data = r.External<RegExpData>(rx.Ptr);
        return true;
    }

    static JsValue MatchArray(Realm r, RegExpData d, Match m, JsValue str, string s)
    {
        using var hs = new HandleScope(r);
        int hstr = hs.Add(str);
        nint arr = r.NewArray(d.GroupCount);
        int ha = hs.Add(JsValue.FromPtr(arr));
        for (int i = 0; i < d.GroupCount; i++)
        {
            var g = m.Groups[i];
            r.PutElement(hs[ha].Ptr, (uint)i, g.Success ? r.NewString(Text(g, s)) : JsValue.Undefined);
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
                if (d.GroupNames[i] is { } name) r.DefineData(go, r.Key(name), m.Groups[i].Success ? r.NewString(Text(m.Groups[i], s)) : JsValue.Undefined);
        }
        r.DefineData(hs[ha].Ptr, r.KGroups, groups);
        if (d.HasIndices) r.DefineData(hs[ha].Ptr, r.Key("indices"), MatchIndices(r, d, m));
        return hs[ha];
    }

    /// <summary>The hasIndices (/d) array: [start, end] per group (undefined when it did not participate), with groups by name.</summary>
    static JsValue MatchIndices(Realm r, RegExpData d, Match m)
    {
        using var hs = new HandleScope(r);
        int hi = hs.Add(JsValue.FromPtr(r.NewArray(d.GroupCount)));
        JsValue Pair(Group g) => g.Success ? JsValue.FromPtr(r.NewArrayFrom([JsValue.FromInt(g.Index), JsValue.FromInt(g.Index + g.Length)])) : JsValue.Undefined;
        for (int i = 0; i < d.GroupCount; i++) r.PutElement(hs[hi].Ptr, (uint)i, Pair(m.Groups[i]));
        JsValue groups = JsValue.Undefined;
        if (d.HasNames)
        {
            groups = JsValue.FromPtr(r.NewObject(JsValue.Null));
            hs.Add(groups);
            for (int i = 1; i < d.GroupCount; i++)
                if (d.GroupNames[i] is { } name) r.DefineData(groups.Ptr, r.Key(name), Pair(m.Groups[i]));
        }
        r.DefineData(hs[hi].Ptr, r.KGroups, groups);
        return hs[hi];
    }
}
