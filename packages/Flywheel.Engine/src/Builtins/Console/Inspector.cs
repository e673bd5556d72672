using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>
/// node's util.inspect for console.log: quoting, nesting depth 2, cycles as [Circular *n], sparse
/// arrays, class names, Map/Set, boxed primitives, and node's line-breaking (an entry list goes on
/// one line when it fits the 80-column budget and has at most three levels of nesting; arrays of
/// more than six short items are grouped into aligned columns).
/// </summary>
internal sealed class Inspector
{
    readonly Realm r;
    readonly int maxDepth;
    bool beyondDepth; // the last FormatObject abbreviated its object for being deeper than maxDepth
    readonly List<nint> seen = [];
    readonly Dictionary<nint, int> circular = [];
    int indentation;
    int currentDepth;
    const int BreakLength = 80;

    Inspector(Realm r, int depth) { this.r = r; maxDepth = depth; }

    public static string Inspect(Realm r, JsValue v, int depth = 2)
    {
        var ins = new Inspector(r, depth);
        var s = ins.Format(v, 0, true);
        return s;
    }

    string Format(JsValue v, int depth, bool top = false)
    {
        if (!v.IsCell) return Primitive(v, top);
        var kind = Layout.Kind(v.Ptr);
        if (kind == CellKind.String) return top ? Realm.ToClr(v) : QuoteNested(Realm.ToClr(v));
        if (kind == CellKind.Symbol) return r.KeyToClr(PropKey.FromCell(v.Ptr));
        if (kind != CellKind.Object) return v.ToString();
        nint o = v.Ptr;
        if (seen.Contains(o))
        {
            if (!circular.TryGetValue(o, out int id)) { id = circular.Count + 1; circular[o] = id; }
            return $"[Circular *{id}]";
        }
        beyondDepth = false;
        string res = FormatObject(o, depth);
        bool abbreviated = beyondDepth;
        beyondDepth = false; // the caller's own FormatObject is still running
        // Reduce already put the reference in front when it decided the line breaks (as node does); node
        // marks no object it abbreviates beyond the depth limit ("[Object]"), even one it marked elsewhere.
        if (!abbreviated && circular.TryGetValue(o, out int cid) && !res.StartsWith("<ref *", StringComparison.Ordinal)) res = $"<ref *{cid}> " + res;
        return res;
    }

    string Primitive(JsValue v, bool top)
    {
        if (v.IsNumber)
        {
            double d = v.Number;
            return d == 0 && double.IsNegative(d) ? "-0" : NumberConversion.ToString(d);
        }
        if (v.IsUndefined) return "undefined";
        if (v.IsNull) return "null";
        if (v.IsBoolean) return v.IsTrue ? "true" : "false";
        if (v.IsEmpty) return "<hole>";
        return v.ToString();
    }

    /// <summary>A string inside a value, cut at node's <c>maxStringLength</c> (10,000 code units) with node's trailer.</summary>
    static string QuoteNested(string s) =>
        s.Length <= MaxStringLength ? Quote(s) : Quote(s[..MaxStringLength]) + $"... {s.Length - MaxStringLength} more characters";

    const int MaxStringLength = 10_000;

    public static string Quote(string s)
    {
        char q = '\'';
        if (s.Contains('\''))
        {
            if (!s.Contains('"')) q = '"';
            else if (!s.Contains('`') && !s.Contains("${")) q = '`';
        }
        var sb = new StringBuilder();
        sb.Append(q);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if (char.IsSurrogate(c)) { sb.Append("\\u").Append(((int)c).ToString("x4")); continue; }
            if (c == q) sb.Append('\\').Append(c);
            else if (c == '\\') sb.Append("\\\\");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\b') sb.Append("\\b");
            else if (c == '\f') sb.Append("\\f");
            else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("X2"));
            else if (char.IsSurrogate(c)) sb.Append(c);
            else sb.Append(c);
        }
        sb.Append(q);
        return sb.ToString();
    }

    static bool IsIdentifier(string k)
    {
        if (k.Length == 0 || !(char.IsAsciiLetter(k[0]) || k[0] == '_')) return false;
        foreach (char c in k) if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    string KeyString(PropKey k)
    {
        if (k.IsIndex) return "'" + k.Index + "'";
        if (Layout.Kind(k.Ptr) == CellKind.Symbol) return "[" + r.KeyToClr(k) + "]";
        var s = r.KeyToClr(k);
        if (s == "__proto__") return "['__proto__']";
        return IsIdentifier(s) ? s : Quote(s);
    }

    string? ConstructorName(nint o)
    {
        for (var p = JsValue.FromPtr(o); Realm.IsObject(p); p = Layout.Proto(p.Ptr))
        {
            if (r.GetOwnRaw(p.Ptr, r.KConstructor, out var c, out var f) && (f & PropFlags.Accessor) == 0 && Realm.IsCallable(c))
            {
                var n = r.FunctionName(c);
                if (n.Length > 0 && IsInstance(o, c)) return n;
            }
        }
        return null;
    }

    bool IsInstance(nint o, JsValue ctor)
    {
        if (!r.GetOwnRaw(ctor.Ptr, r.KPrototype, out var proto, out var f) || (f & PropFlags.Accessor) != 0 || !Realm.IsObject(proto)) return false;
        for (var p = Layout.Proto(o); p.IsCell; p = Layout.Proto(p.Ptr)) if (p.Bits == proto.Bits) return true;
        return false;
    }

    string FormatObject(nint o, int depth)
    {
        var cls = Layout.Class(o);
        string? ctor = ConstructorName(o);
        bool nullProto = Layout.Proto(o).IsNull;
        var tagV = r.Get(JsValue.FromPtr(o), PropKey.FromCell(r.SymToStringTag));
        string tag = Realm.IsString(tagV) ? Realm.ToClr(tagV) : "";
        if (tag.Length > 0 && r.GetOwnRaw(o, PropKey.FromCell(r.SymToStringTag), out _, out var tagFlags) && (tagFlags & PropFlags.Enumerable) != 0) tag = "";
        var keys = r.OwnKeys(o).Where(k => r.GetOwnRaw(o, k, out _, out var f) && (f & PropFlags.Enumerable) != 0).ToList();
        string prefix(string fallback, string size = "")
        {
            string name = ctor ?? (nullProto ? "[" + fallback + size + ": null prototype]" : fallback);
            if (ctor != null) name += size;
            if (tag.Length > 0 && tag != (ctor ?? fallback)) name += $" [{tag}]";
            return name;
        }

        string braceOpen = "{", braceClose = "}", baseStr = "";
        List<string>? output = null;
        bool isArrayLike = false;

        switch (cls)
        {
            case ObjClass.Function:
                {
                    baseStr = FunctionBase(o, ctor);
                    keys.RemoveAll(k => k.Bits == r.KPrototype.Bits);
                    if (keys.Count == 0) return baseStr;
                    break;
                }
            case ObjClass.Array:
            case ObjClass.TypedArray:
                isArrayLike = true;
                break;
            case ObjClass.Arguments:
                // node 20 (the corpus reference) prints arguments objects with object keys: [Arguments] { '0': 1 }.
                baseStr = "[Arguments]";
                if (keys.Count == 0) return "[Arguments] {}";
                break;
            case ObjClass.Error:
                {
                    var stack = r.Get(JsValue.FromPtr(o), r.KStack);
                    baseStr = Realm.IsString(stack) ? Realm.ToClr(stack) : r.ErrorHeader(JsValue.FromPtr(o));
                    keys.RemoveAll(k => k.Bits == r.KStack.Bits || k.Bits == r.KMessage.Bits);
                    if (keys.Count == 0) return depth > 0 ? "[" + baseStr.Split('\n')[0] + "]" : baseStr;
                    if (depth > 0) baseStr = "[" + baseStr.Split('\n')[0] + "]";
                    break;
                }
            case ObjClass.Number:
            case ObjClass.String:
            case ObjClass.Boolean:
            case ObjClass.Symbol:
                {
                    var prim = Layout.Internal(o, 0);
                    string t = cls.ToString();
                    baseStr = $"[{t}: {Format(prim, depth + 1)}]";
                    if (cls == ObjClass.String) keys.RemoveAll(k => k.IsIndex || k.Bits == r.KLength.Bits);
                    if (keys.Count == 0) return baseStr;
                    break;
                }
            case ObjClass.Date:
                {
                    double t = Layout.Internal(o, 0).Number;
                    baseStr = double.IsNaN(t) ? "Invalid Date" : DateBuiltins.ToIsoString(t);
                    if (keys.Count == 0) return baseStr;
                    break;
                }
            case ObjClass.RegExp:
                {
                    baseStr = "/" + Realm.ToClr(r.Get(JsValue.FromPtr(o), r.KSource)) + "/" + Realm.ToClr(r.Get(JsValue.FromPtr(o), r.KFlags));
                    keys.RemoveAll(k => k.Bits == r.KLastIndex.Bits);
                    if (keys.Count == 0) return baseStr;
                    break;
                }
            case ObjClass.WeakMap: return (ctor ?? "WeakMap") + " { <items unknown> }";
            case ObjClass.WeakSet: return (ctor ?? "WeakSet") + " { <items unknown> }";
            case ObjClass.Generator: return "Object [Generator] {}";
        }

        bool empty = keys.Count == 0 && (isArrayLike ? (cls == ObjClass.Array ? Realm.ArrayLength(o) == 0 : cls == ObjClass.TypedArray ? r.TypedArrayOf(o).Length == 0 : ArrayPrototype.LengthOf(r, JsValue.FromPtr(o)) == 0)
            : cls is ObjClass.Map or ObjClass.Set ? r.External<CollectionData>(o).Count == 0 : cls != ObjClass.Iterator && cls != ObjClass.Promise);
        if (depth > maxDepth && !empty)
        {
            beyondDepth = true;
            if (isArrayLike && cls == ObjClass.Array) return "[Array]";
            return "[" + (ctor ?? (nullProto ? "Object: null prototype" : "Object")) + "]";
        }

        seen.Add(o);
        if (!empty) currentDepth = depth;
        output = [];
        int extrasType = 0; // 0 object, 1 array
        try
        {
            if (isArrayLike)
            {
                extrasType = 1;
                FormatArrayLike(o, cls, depth, output, keys);
                string name = cls == ObjClass.Array ? (ctor == "Array" ? "" : prefix("Array", $"({Realm.ArrayLength(o)})"))
                    : cls == ObjClass.Arguments ? "[Arguments]" : prefix("TypedArray", $"({r.TypedArrayOf(o).Length})");
                braceOpen = name.Length > 0 ? name + " [" : "[";
                braceClose = "]";
                if (output.Count == 0) return braceOpen + "]";
                return Reduce(output, "", braceOpen, braceClose, extrasType, depth, o);
            }
            if (cls == ObjClass.Iterator && (Layout.Proto(o).Bits == (ulong)r.MapIteratorPrototype || Layout.Proto(o).Bits == (ulong)r.SetIteratorPrototype))
            {
                bool isMapIt = Layout.Proto(o).Bits == (ulong)r.MapIteratorPrototype;
                int kind = Layout.Internal(o, 2).Int32;
                string label = $"[{(isMapIt ? "Map" : "Set")} {(kind == 2 ? "Entries" : "Iterator")}]";
                var coll = Layout.Internal(o, 0);
                if (!coll.IsUndefined)
                {
                    var data = r.External<CollectionData>(coll.Ptr);
                    indentation += 2;
                    foreach (var (k, v) in data.EntriesFrom(r.External<CollectionData.Cursor>(o)))
                    {
                        var val = isMapIt ? (kind == 0 ? k : kind == 1 ? v : JsValue.Empty) : k;
                        output.Add(kind == 2 ? "[ " + Format(k, depth + 2) + ", " + Format(isMapIt ? v : k, depth + 2) + " ]" : Format(val, depth + 1));
                    }
                    indentation -= 2;
                }
                if (output.Count == 0) return label + " {}";
                return Reduce(output, "", label + " {", "}", 0, depth, o);
            }
            if (cls == ObjClass.Promise)
            {
                var pd = PromiseBuiltins.Data(r, JsValue.FromPtr(o));
                indentation += 2;
                output.Add(pd.State == 0 ? "<pending>" : pd.State == 1 ? Format(pd.Result, depth + 1) : "<rejected> " + Format(pd.Result, depth + 1));
                indentation -= 2;
                foreach (var k in keys) output.Add(Property(o, k, depth));
                return Reduce(output, "", (ctor ?? "Promise") + " {", "}", 0, depth, o);
            }
            if (cls == ObjClass.Map || cls == ObjClass.Set)
            {
                var data = r.External<CollectionData>(o);
                string name = prefix(cls.ToString(), $"({data.Count})");
                if (ctor == null) name = $"[{cls}({data.Count}): null prototype]";
                indentation += 2;
                foreach (var (k, v) in data.Entries())
                    output.Add(cls == ObjClass.Map ? Format(k, depth + 1) + " => " + Format(v, depth + 1) : Format(k, depth + 1));
                indentation -= 2;
                foreach (var k in keys) output.Add(Property(o, k, depth));
                if (output.Count == 0) return name + " {}";
                return Reduce(output, "", name + " {", "}", 0, depth, o);
            }
            foreach (var k in keys) output.Add(Property(o, k, depth));
            if (baseStr.Length > 0)
            {
                if (output.Count == 0) return baseStr;
                return Reduce(output, baseStr, "{", "}", 0, depth, o);
            }
            string head = cls == ObjClass.Iterator || cls == ObjClass.Generator ? (tag.Length > 0 ? $"Object [{tag}]" : "Object")
                : nullProto ? (tag.Length > 0 ? $"[Object: null prototype] [{tag}]" : "[Object: null prototype]")
                : ctor == "Object" ? (tag.Length > 0 ? $"Object [{tag}]" : "")
                : prefix("Object");
            if (output.Count == 0) return head.Length > 0 ? head + " {}" : "{}";
            return Reduce(output, "", head.Length > 0 ? head + " {" : "{", "}", 0, depth, o);
        }
        finally
        {
            seen.RemoveAt(seen.Count - 1);
        }
    }

    string FunctionBase(nint o, string? ctor)
    {
        string name = r.FunctionName(JsValue.FromPtr(o));
        if (Functions.Kind(o) == FunctionKind.Bytecode)
        {
            var t = Functions.Template(r, o);
            if ((t.Flags & FunctionFlags.ClassConstructor) != 0)
            {
                string s = "[class " + (name.Length > 0 ? name : "(anonymous)");
                if ((t.Flags & FunctionFlags.Derived) != 0)
                {
                    var parent = Layout.Proto(o);
                    string pn = Realm.IsCallable(parent) ? r.FunctionName(parent) : "";
                    if (pn.Length > 0) s += " extends " + pn;
                }
                return s + "]";
            }
            string kind = (t.IsAsync ? "Async" : "") + (t.IsGenerator ? "GeneratorFunction" : "Function");
            if (kind != "Function") return name.Length > 0 ? $"[{kind}: {name}]" : $"[{kind} (anonymous)]";
        }
        return name.Length > 0 ? $"[Function: {name}]" : "[Function (anonymous)]";
    }

    void FormatArrayLike(nint o, ObjClass cls, int depth, List<string> output, List<PropKey> keys)
    {
        uint len = cls == ObjClass.Array ? Realm.ArrayLength(o) : cls == ObjClass.TypedArray ? (uint)r.TypedArrayOf(o).Length : (uint)ArrayPrototype.LengthOf(r, JsValue.FromPtr(o));
        int shown = 0;
        uint i = 0;
        indentation += 2;
        while (i < len && shown < 100)
        {
            bool has = r.GetOwnRaw(o, PropKey.FromIndex(i), out _, out _);
            if (!has)
            {
                uint j = i;
                while (j < len && !r.GetOwnRaw(o, PropKey.FromIndex(j), out _, out _)) j++;
                uint holes = j - i;
                output.Add($"<{holes} empty item{(holes > 1 ? "s" : "")}>");
                i = j;
                shown++;
                continue;
            }
            output.Add(PropertyValue(o, PropKey.FromIndex(i), depth));
            i++;
            shown++;
        }
        indentation -= 2;
        if (i < len)
        {
            // Count what is left, as node does (holes count as items).
            uint remaining = len - i;
            output.Add($"... {remaining} more item{(remaining > 1 ? "s" : "")}");
        }
        foreach (var k in keys)
        {
            if (k.IsIndex) continue;
            if (k.Bits == r.KLength.Bits) continue;
            output.Add(Property(o, k, depth));
        }
    }

    string PropertyValue(nint o, PropKey k, int depth)
    {
        r.GetOwnRaw(o, k, out var v, out var f);
        if ((f & PropFlags.Accessor) != 0) return AccessorLabel(v);
        indentation += 0;
        return Format(v, depth + 1);
    }

    string AccessorLabel(JsValue acc)
    {
        bool g = !Layout.Val(acc.Ptr, 8).IsUndefined, s = !Layout.Val(acc.Ptr, 16).IsUndefined;
        return g && s ? "[Getter/Setter]" : g ? "[Getter]" : s ? "[Setter]" : "undefined";
    }

    string Property(nint o, PropKey k, int depth)
    {
        string key = KeyString(k);
        r.GetOwnRaw(o, k, out var v, out var f);
        if ((f & PropFlags.Accessor) != 0) return key + ": " + AccessorLabel(v);
        indentation += 2;
        string s = Format(v, depth + 1);
        indentation -= 2;
        return key + ": " + s;
    }

    string Reduce(List<string> output, string baseStr, string open, string close, int extrasType, int depth, nint o)
    {
        // Node counts the "<ref *N>" marker of a circular object in the line width.
        if (circular.TryGetValue(o, out int cid)) baseStr = baseStr.Length == 0 ? $"<ref *{cid}>" : $"<ref *{cid}> {baseStr}";
        int entries = output.Count;
        if (extrasType == 1 && entries > 6) output = GroupArrayElements(output, o);
        if (currentDepth - depth < 3 && entries == output.Count)
        {
            int start = output.Count + indentation + open.Length + baseStr.Length + 10;
            if (IsBelowBreakLength(output, start, baseStr))
            {
                string joined = string.Join(", ", output);
                if (!joined.Contains('\n'))
                    return (baseStr.Length > 0 ? baseStr + " " : "") + open + " " + joined + " " + close;
            }
        }
        string ind = "\n" + new string(' ', indentation);
        return (baseStr.Length > 0 ? baseStr + " " : "") + open + ind + "  " + string.Join("," + ind + "  ", output) + ind + close;
    }

    bool IsBelowBreakLength(List<string> output, int start, string baseStr)
    {
        int total = output.Count + start;
        if (total + output.Count > BreakLength) return false;
        foreach (var s in output)
        {
            total += s.Length;
            if (total > BreakLength) return false;
        }
        return baseStr.Length == 0 || !baseStr.Contains('\n');
    }

    List<string> GroupArrayElements(List<string> output, nint o)
    {
        int totalLength = 0, maxLength = 0;
        int outputLength = output.Count;
        if (outputLength > 0 && output[^1].StartsWith("... ")) outputLength--;
        const int separatorSpace = 2;
        var dataLen = new int[outputLength];
        for (int i = 0; i < outputLength; i++)
        {
            int len = output[i].Length;
            dataLen[i] = len;
            totalLength += len + separatorSpace;
            if (maxLength < len) maxLength = len;
        }
        int actualMax = maxLength + separatorSpace;
        if (actualMax * 3 + indentation < BreakLength && ((double)totalLength / actualMax > 5 || maxLength <= 6))
        {
            double averageBias = Math.Sqrt(actualMax - (double)totalLength / output.Count);
            double biasedMax = Math.Max(actualMax - 3 - averageBias, 1);
            // Node rounds with Math.round (halves up), not .NET's default banker's rounding (found by fuzz/Flywheel.Fuzz.JsDiff).
            int columns = (int)Math.Min(Math.Min(Math.Floor(Math.Sqrt(2.5 * biasedMax * outputLength) / biasedMax + 0.5), Math.Floor((BreakLength - indentation) / (double)actualMax)), Math.Min(3 * 4, 15));
            if (columns <= 1) return output;
            var tmp = new List<string>();
            var maxLineLength = new List<int>();
            for (int i = 0; i < columns; i++)
            {
                int lineLength = 0;
                for (int j = i; j < output.Count; j += columns) if (j < outputLength && dataLen[j] > lineLength) lineLength = dataLen[j];
                maxLineLength.Add(lineLength + separatorSpace);
            }
            bool padStart = true;
            if (Layout.Class(o) == ObjClass.Array || Layout.Class(o) == ObjClass.Arguments)
            {
                for (int i = 0; i < output.Count; i++)
                {
                    var v = r.GetOwnElement(o, (uint)i, out _);
                    if (!v.IsNumber) { padStart = false; break; }
                }
            }
            for (int i = 0; i < outputLength; i += columns)
            {
                int max = Math.Min(i + columns, outputLength);
                var str = new StringBuilder();
                int j = i;
                for (; j < max - 1; j++)
                {
                    string cell = output[j] + ", ";
                    int padding = maxLineLength[j - i];
                    str.Append(padStart ? cell.PadLeft(padding) : cell.PadRight(padding));
                }
                if (padStart) str.Append(output[j].PadLeft(maxLineLength[j - i] - separatorSpace));
                else str.Append(output[j]);
                tmp.Add(str.ToString());
            }
            if (outputLength < output.Count) tmp.Add(output[^1]);
            return tmp;
        }
        return output;
    }
}
