using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>JSON.parse (with reviver) and JSON.stringify (replacer function or list, indentation, toJSON, cycle detection).</summary>
internal static unsafe class JsonBuiltins
{
    public static void Setup(Realm r)
    {
        nint j = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        r.DefineData(r.GlobalObject, "JSON", JsValue.FromPtr(j));
        Def.ToStringTag(r, j, "JSON");
        Def.Method(r, j, "parse", 2, (Realm r, in CallArgs a) =>
        {
            var text = r.ToClrString(a[0]);
            using var hs = new HandleScope(r);
            var v = new Parser(r, text, hs).ParseTop();
            if (Realm.IsCallable(a[1]))
            {
                nint root = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
                r.DefineData(root, r.EmptyString.Ptr == 0 ? r.Key("") : PropKey.FromCell(r.Intern("")), v);
                return Revive(r, JsValue.FromPtr(root), r.Str(""), a[1]);
            }
            return v;
        });
        Def.Method(r, j, "stringify", 3, (Realm r, in CallArgs a) =>
        {
            var s = new Stringifier(r, a[1], a[2]);
            var res = s.Run(a[0]);
            return res == null ? JsValue.Undefined : r.Str(res);
        });
    }

    static JsValue Revive(Realm r, JsValue holder, JsValue name, JsValue reviver)
    {
        using var hs = new HandleScope(r);
        int hh = hs.Add(holder), hn = hs.Add(name), hr = hs.Add(reviver);
        var val = r.Get(holder, r.ToPropertyKey(name));
        int hv = hs.Add(val);
        if (Realm.IsObject(val))
        {
            if (Realm.IsArray(val))
            {
                double len = ArrayPrototype.LengthOf(r, val);
                for (uint i = 0; i < len; i++) Update(r, hs[hv], r.Str(i.ToString()), hs[hr]);
            }
            else
                foreach (var k in r.OwnKeys(val.Ptr, true, false))
                    if (r.GetOwnRaw(hs[hv].Ptr, k, out _, out var f) && (f & PropFlags.Enumerable) != 0) Update(r, hs[hv], r.KeyToValue(k), hs[hr]);
        }
        return r.Interp.Call(hs[hr], hs[hh], [hs[hn], hs[hv]]);
    }

    static void Update(Realm r, JsValue obj, JsValue key, JsValue reviver)
    {
        var nv = Revive(r, obj, key, reviver);
        var k = r.ToPropertyKey(key);
        if (nv.IsUndefined) r.DeleteOwn(obj.Ptr, k); else r.DefineData(obj.Ptr, k, nv);
    }

    ref struct Parser(Realm r, string s, HandleScope hs)
    {
        int i;
        readonly HandleScope hs = hs;

        JsThrow Err(string msg) => new(r.MakeError(ErrorKind.SyntaxError, msg));

        JsThrow Unexpected()
        {
            if (i >= s.Length) return Err("Unexpected end of JSON input");
            string tok = s[i].ToString();
            return Err($"Unexpected token '{tok}', \"{(s.Length > 30 ? s[..Math.Min(s.Length, 30)] + "\"... is not valid JSON" : s + "\" is not valid JSON")}");
        }

        void Ws() { while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++; }

        public JsValue ParseTop()
        {
            Ws();
            var v = Value();
            Ws();
            if (i < s.Length) throw Err($"Unexpected non-whitespace character after JSON at position {i}");
            return v;
        }

        JsValue Value()
        {
            Ws();
            if (i >= s.Length) throw Unexpected();
            char c = s[i];
            switch (c)
            {
                case '{':
                    {
                        i++;
                        nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
                        int h = hs.Add(JsValue.FromPtr(o));
                        Ws();
                        if (i < s.Length && s[i] == '}') { i++; return hs[h]; }
                        while (true)
                        {
                            Ws();
                            if (i >= s.Length || s[i] != '"') throw Unexpected();
                            var key = Str();
                            int hk = hs.Add(key);
                            Ws();
                            if (i >= s.Length || s[i] != ':') throw Unexpected();
                            i++;
                            var v = Value();
                            r.DefineData(hs[h].Ptr, r.KeyFromString(hs[hk]), v);
                            Ws();
                            if (i < s.Length && s[i] == ',') { i++; continue; }
                            if (i < s.Length && s[i] == '}') { i++; return hs[h]; }
                            throw Unexpected();
                        }
                    }
                case '[':
                    {
                        i++;
                        nint arr = r.NewArray();
                        int h = hs.Add(JsValue.FromPtr(arr));
                        Ws();
                        if (i < s.Length && s[i] == ']') { i++; return hs[h]; }
                        uint n = 0;
                        while (true)
                        {
                            var v = Value();
                            r.PutElement(hs[h].Ptr, n++, v);
                            Ws();
                            if (i < s.Length && s[i] == ',') { i++; continue; }
                            if (i < s.Length && s[i] == ']') { i++; return hs[h]; }
                            throw Unexpected();
                        }
                    }
                case '"': return Str();
                case 't': return Lit("true", JsValue.True);
                case 'f': return Lit("false", JsValue.False);
                case 'n': return Lit("null", JsValue.Null);
                default:
                    if (c == '-' || char.IsAsciiDigit(c)) return Num();
                    throw Unexpected();
            }
        }

        JsValue Lit(string word, JsValue v)
        {
            if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0) { while (i < s.Length && s[i] == word[0]) { i++; break; } throw Unexpected(); }
            i += word.Length;
            return v;
        }

        JsValue Num()
        {
            int start = i;
            if (s[i] == '-') i++;
            if (i < s.Length && s[i] == '0') i++;
            else if (i < s.Length && char.IsAsciiDigit(s[i])) while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            else throw i >= s.Length ? Err("Unexpected end of JSON input") : Err($"No number after minus sign in JSON at position {i}");
            if (i < s.Length && s[i] == '.')
            {
                i++;
                if (i >= s.Length || !char.IsAsciiDigit(s[i])) throw i >= s.Length ? Err("Unterminated fractional number in JSON at position " + i) : Unexpected();
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            }
            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
                if (i >= s.Length || !char.IsAsciiDigit(s[i])) throw Unexpected();
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            }
            return JsValue.FromNumber(double.Parse(s.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture));
        }

        JsValue Str()
        {
            i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (i >= s.Length) throw Err($"Unterminated string in JSON at position {i}");
                char c = s[i++];
                if (c == '"') break;
                if (c < 0x20) throw Err($"Bad control character in string literal in JSON at position {i - 1}");
                if (c != '\\') { sb.Append(c); continue; }
                if (i >= s.Length) throw Err("Unexpected end of JSON input");
                char e = s[i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (i + 4 > s.Length || !ushort.TryParse(s.AsSpan(i, 4), System.Globalization.NumberStyles.HexNumber, null, out var u))
                            throw Err($"Bad Unicode escape in JSON at position {i - 2}");
                        sb.Append((char)u); i += 4; break;
                    default: throw Err($"Bad escaped character in JSON at position {i - 1}");
                }
            }
            return r.Str(sb.ToString());
        }
    }

    sealed class Stringifier
    {
        readonly Realm r;
        readonly JsValue replacerFn;
        readonly List<PropKey>? allow;
        readonly string gap;
        readonly List<JsValue> stack = [];

        public Stringifier(Realm r, JsValue replacer, JsValue space)
        {
            this.r = r;
            if (Realm.IsCallable(replacer)) replacerFn = replacer;
            else if (Realm.IsArray(replacer))
            {
                allow = [];
                double len = ArrayPrototype.LengthOf(r, replacer);
                for (uint i = 0; i < len; i++)
                {
                    var v = r.Get(replacer, PropKey.FromIndex(i));
                    if (Realm.IsObject(v) && Layout.Class(v.Ptr) is ObjClass.Number or ObjClass.String) v = r.ToStringValue(v);
                    if (Realm.IsString(v) || v.IsNumber) { var k = r.ToPropertyKey(r.ToStringValue(v)); if (!allow.Contains(k)) allow.Add(k); }
                }
            }
            if (Realm.IsObject(space) && Layout.Class(space.Ptr) == ObjClass.Number) space = JsValue.FromNumber(r.ToNumber(space));
            if (Realm.IsObject(space) && Layout.Class(space.Ptr) == ObjClass.String) space = r.ToStringValue(space);
            if (space.IsNumber) gap = new string(' ', (int)Math.Clamp(Realm.ToIntegerOrInfinity(space.Number), 0, 10));
            else if (Realm.IsString(space)) { var g = Realm.ToClr(space); gap = g.Length > 10 ? g[..10] : g; }
            else gap = "";
        }

        public string? Run(JsValue v)
        {
            using var hs = new HandleScope(r);
            nint wrapper = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
            hs.Add(JsValue.FromPtr(wrapper));
            r.DefineData(wrapper, PropKey.FromCell(r.Intern("")), v);
            var sb = new StringBuilder();
            return Ser(sb, JsValue.FromPtr(wrapper), PropKey.FromCell(r.Intern("")), "") ? sb.ToString() : null;
        }

        bool Ser(StringBuilder sb, JsValue holder, PropKey key, string indent)
        {
            using var hs = new HandleScope(r);
            int hh = hs.Add(holder);
            var value = r.Get(holder, key);
            if (Realm.IsObject(value) || value.IsCell)
            {
                var toJson = Realm.IsObject(value) || Realm.IsString(value) ? r.Get(value, r.KToJSON) : JsValue.Undefined;
                if (Realm.IsCallable(toJson)) value = r.Interp.Call(toJson, value, [r.KeyToValue(key)]);
            }
            if (!replacerFn.IsEmpty && !replacerFn.IsUndefined && Realm.IsCallable(replacerFn))
                value = r.Interp.Call(replacerFn, hs[hh], [r.KeyToValue(key), value]);
            if (Realm.IsObject(value))
            {
                switch (Layout.Class(value.Ptr))
                {
                    case ObjClass.Number: value = JsValue.FromNumber(r.ToNumber(value)); break;
                    case ObjClass.String: value = r.ToStringValue(value); break;
                    case ObjClass.Boolean: value = Layout.Internal(value.Ptr, 0); break;
                }
            }
            if (value.IsNull) { sb.Append("null"); return true; }
            if (value.IsBoolean) { sb.Append(value.IsTrue ? "true" : "false"); return true; }
            if (Realm.IsString(value)) { Quote(sb, r.Span(value)); return true; }
            if (value.IsNumber) { double d = value.Number; sb.Append(double.IsFinite(d) ? NumberConversion.ToString(d) : "null"); return true; }
            if (Realm.IsObject(value) && !Realm.IsCallable(value))
            {
                foreach (var s in stack)
                    if (s.Bits == value.Bits)
                        throw Def.TypeError(r, $"Converting circular structure to JSON\n    --> starting at object with constructor '{r.ClassNameOf(stack[0].Ptr)}'\n    --- property '{r.KeyToClr(key)}' closes the circle");
                stack.Add(value);
                hs.Add(value);
                try
                {
                    if (Realm.IsArray(value)) SerArray(sb, value, indent); else SerObject(sb, value, indent);
                }
                finally { stack.RemoveAt(stack.Count - 1); }
                return true;
            }
            return false;
        }

        void SerObject(StringBuilder sb, JsValue obj, string indent)
        {
            string inner = indent + gap;
            var keys = allow ?? r.OwnKeys(obj.Ptr, true, false).Where(k => r.GetOwnRaw(obj.Ptr, k, out _, out var f) && (f & PropFlags.Enumerable) != 0).ToList();
            sb.Append('{');
            bool any = false;
            foreach (var k in keys)
            {
                int mark = sb.Length;
                if (any) sb.Append(',');
                if (gap.Length > 0) sb.Append('\n').Append(inner);
                Quote(sb, r.KeyToClr(k));
                sb.Append(gap.Length > 0 ? ": " : ":");
                if (!Ser(sb, obj, k, inner)) { sb.Length = mark; continue; }
                any = true;
            }
            if (any && gap.Length > 0) sb.Append('\n').Append(indent);
            sb.Append('}');
        }

        void SerArray(StringBuilder sb, JsValue arr, string indent)
        {
            string inner = indent + gap;
            double len = ArrayPrototype.LengthOf(r, arr);
            sb.Append('[');
            for (uint i = 0; i < len; i++)
            {
                if (i > 0) sb.Append(',');
                if (gap.Length > 0) sb.Append('\n').Append(inner);
                if (!Ser(sb, arr, PropKey.FromIndex(i), inner)) sb.Append("null");
            }
            if (len > 0 && gap.Length > 0) sb.Append('\n').Append(indent);
            sb.Append(']');
        }
    }

    public static void Quote(StringBuilder sb, ReadOnlySpan<char> s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[i + 1]); i++; }
                    else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
