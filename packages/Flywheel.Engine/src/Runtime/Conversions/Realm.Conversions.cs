namespace Flywheel.Engine.Runtime;

internal enum PreferredType { Default, Number, String }

/// <summary>The abstract operations of ECMAScript §7.1 (type conversion) and §7.2 (testing and comparison).</summary>
internal sealed unsafe partial class Realm
{
    public static bool ToBoolean(JsValue v)
    {
        if (v.IsInt32) return v.Int32 != 0;
        if (v.IsNumber) { double d = v.Double; return !(d == 0 || double.IsNaN(d)); }
        if (v.IsCell) return Layout.Kind(v.Ptr) != CellKind.String || Layout.StrLength(v.Ptr) != 0;
        return v.Bits == JsValue.TrueBits;
    }

    public double ToNumber(JsValue v)
    {
        if (v.IsInt32) return v.Int32;
        if (v.IsNumber) return v.Double;
        if (v.IsUndefined) return double.NaN;
        if (v.IsNull || v.Bits == JsValue.FalseBits) return 0;
        if (v.Bits == JsValue.TrueBits) return 1;
        if (v.IsCell)
        {
            switch (Layout.Kind(v.Ptr))
            {
                case CellKind.String: return NumberConversion.StringToNumber(Span(v));
                case CellKind.Symbol: throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot convert a Symbol value to a number"));
                default: return ToNumber(ToPrimitive(v, PreferredType.Number));
            }
        }
        return double.NaN;
    }

    public JsValue ToNumeric(JsValue v) => v.IsNumber ? v : JsValue.FromNumber(ToNumber(v));

    public static double ToIntegerOrInfinity(double d) => double.IsNaN(d) ? 0 : double.IsInfinity(d) ? d : Math.Truncate(d) + 0.0;

    public double ToIntegerOrInfinity(JsValue v) => v.IsInt32 ? v.Int32 : ToIntegerOrInfinity(ToNumber(v));

    public static int ToInt32(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        if (d >= int.MinValue && d <= int.MaxValue) return (int)d;
        double m = Math.Truncate(d) % 4294967296.0;
        if (m < 0) m += 4294967296.0;
        return (int)(uint)m;
    }

    public static long ToUint32(double d) => (uint)ToInt32(d);
    public int ToInt32(JsValue v) => v.IsInt32 ? v.Int32 : ToInt32(ToNumber(v));
    public uint ToUint32(JsValue v) => (uint)ToInt32(v);

    public JsValue ToStringValue(JsValue v)
    {
        if (v.IsCell)
        {
            switch (Layout.Kind(v.Ptr))
            {
                case CellKind.String: return v;
                case CellKind.Symbol: throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot convert a Symbol value to a string"));
                default: return ToStringValue(ToPrimitive(v, PreferredType.String));
            }
        }
        if (v.IsInt32)
        {
            int i = v.Int32;
            if (i >= 0 && i < 128 && i < 10) return SingleChar((char)('0' + i));
            return Str(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (v.IsNumber) return Str(NumberConversion.ToString(v.Double));
        return Str(v.Bits switch
        {
            JsValue.UndefinedBits => "undefined",
            JsValue.NullBits => "null",
            JsValue.TrueBits => "true",
            JsValue.FalseBits => "false",
            _ => "",
        });
    }

    public string ToClrString(JsValue v) => ToClr(ToStringValue(v));

    public JsValue ToPrimitive(JsValue v, PreferredType hint = PreferredType.Default)
    {
        if (!IsObject(v)) return v;
        var exotic = Get(v, PropKey.FromCell(SymToPrimitive));
        if (!exotic.IsNullish)
        {
            if (!IsCallable(exotic)) throw new JsThrow(MakeError(ErrorKind.TypeError, "Symbol.toPrimitive is not a function"));
            var h = Str(hint == PreferredType.Number ? "number" : hint == PreferredType.String ? "string" : "default");
            var r = Interp.Call(exotic, v, [h]);
            if (IsObject(r)) throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot convert object to primitive value"));
            return r;
        }
        var first = hint == PreferredType.String ? KToString : KValueOf;
        var second = hint == PreferredType.String ? KValueOf : KToString;
        foreach (var k in (ReadOnlySpan<PropKey>)[first, second])
        {
            var f = Get(v, k);
            if (IsCallable(f))
            {
                var r = Interp.Call(f, v, []);
                if (!IsObject(r)) return r;
            }
        }
        throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot convert object to primitive value"));
    }

    public nint ToObject(JsValue v)
    {
        if (IsObject(v)) return v.Ptr;
        if (v.IsNullish) throw new JsThrow(MakeError(ErrorKind.TypeError, "Cannot convert undefined or null to object"));
        var cls = v.IsNumber ? ObjClass.Number : v.IsBoolean ? ObjClass.Boolean : IsString(v) ? ObjClass.String : ObjClass.Symbol;
        nint o = NewObject(JsValue.FromPtr(ProtoForPrimitive(v)), cls);
        Layout.Internal(o, 0) = v;
        return o;
    }

    public string TypeOfString(JsValue v)
    {
        if (v.IsNumber) return "number";
        if (v.IsUndefined) return "undefined";
        if (v.IsNull) return "object";
        if (v.IsBoolean) return "boolean";
        return Layout.Kind(v.Ptr) switch
        {
            CellKind.String => "string",
            CellKind.Symbol => "symbol",
            _ => IsCallable(v) ? "function" : "object",
        };
    }

    public static bool StrictEquals(JsValue a, JsValue b)
    {
        if (a.IsNumber && b.IsNumber) return a.Number == b.Number;
        if (a.Bits == b.Bits) return !a.IsEmpty || true;
        if (IsString(a) && IsString(b)) return StringEquals(a, b);
        return false;
    }

    public static bool SameValueZero(JsValue a, JsValue b)
    {
        if (a.IsNumber && b.IsNumber) { double x = a.Number, y = b.Number; return x == y || (double.IsNaN(x) && double.IsNaN(y)); }
        return StrictEquals(a, b);
    }

    public static bool SameValue(JsValue a, JsValue b)
    {
        if (a.IsNumber && b.IsNumber)
        {
            double x = a.Number, y = b.Number;
            if (double.IsNaN(x)) return double.IsNaN(y);
            return x == y && double.IsNegative(x) == double.IsNegative(y);
        }
        return StrictEquals(a, b);
    }

    public bool LooseEquals(JsValue a, JsValue b)
    {
        while (true)
        {
            if (a.IsNumber && b.IsNumber) return a.Number == b.Number;
            if (a.IsNullish || b.IsNullish) return a.IsNullish && b.IsNullish;
            bool sa = IsString(a), sb = IsString(b);
            if (sa && sb) return StringEquals(a, b);
            bool oa = IsObject(a), ob = IsObject(b);
            if (oa && ob) return a.Bits == b.Bits;
            if (a.Bits == b.Bits) return true;
            if (a.IsNumber && sb) return a.Number == ToNumber(b);
            if (sa && b.IsNumber) return ToNumber(a) == b.Number;
            if (a.IsBoolean) { a = JsValue.FromInt(a.IsTrue ? 1 : 0); continue; }
            if (b.IsBoolean) { b = JsValue.FromInt(b.IsTrue ? 1 : 0); continue; }
            if (oa && (b.IsNumber || sb || IsSymbol(b))) { a = ToPrimitive(a); continue; }
            if (ob && (a.IsNumber || sa || IsSymbol(a))) { b = ToPrimitive(b); continue; }
            return false;
        }
    }

    /// <summary>IsLessThan: true, false, or null for undefined (NaN involved).</summary>
    public bool? LessThan(JsValue a, JsValue b, bool leftFirst = true)
    {
        JsValue px, py;
        if (leftFirst) { px = ToPrimitive(a, PreferredType.Number); py = ToPrimitive(b, PreferredType.Number); }
        else { py = ToPrimitive(b, PreferredType.Number); px = ToPrimitive(a, PreferredType.Number); }
        if (IsString(px) && IsString(py)) return Span(px).SequenceCompareTo(Span(py)) < 0;
        double x = ToNumber(px), y = ToNumber(py);
        if (double.IsNaN(x) || double.IsNaN(y)) return null;
        return x < y;
    }

    public JsValue Add(JsValue a, JsValue b)
    {
        if (a.IsInt32 && b.IsInt32) return JsValue.FromNumber((long)a.Int32 + b.Int32);
        if (a.IsNumber && b.IsNumber) return JsValue.FromNumber(a.Number + b.Number);
        if (IsString(a) && IsString(b)) return Concat(a, b);
        var pa = ToPrimitive(a);
        var pb = ToPrimitive(b);
        if (IsString(pa) || IsString(pb)) return Concat(ToStringValue(pa), ToStringValue(pb));
        return JsValue.FromNumber(ToNumber(pa) + ToNumber(pb));
    }

    public bool InstanceOf(JsValue v, JsValue target)
    {
        if (!IsObject(target)) throw new JsThrow(MakeError(ErrorKind.TypeError, "Right-hand side of 'instanceof' is not callable"));
        var h = Get(target, PropKey.FromCell(SymHasInstance));
        if (!h.IsNullish && h.Bits != FunctionProtoHasInstance.Bits) return ToBoolean(Interp.Call(h, target, [v]));
        if (!IsCallable(target)) throw new JsThrow(MakeError(ErrorKind.TypeError, "Right-hand side of 'instanceof' is not callable"));
        return OrdinaryHasInstance(target, v);
    }

    public bool OrdinaryHasInstance(JsValue c, JsValue v)
    {
        if (!IsCallable(c)) return false;
        if (Layout.Class(c.Ptr) == ObjClass.Function && Functions.IsBound(c.Ptr)) return InstanceOf(v, Functions.BoundTarget(c.Ptr));
        if (!IsObject(v)) return false;
        var proto = Get(c, KPrototype);
        if (!IsObject(proto)) throw new JsThrow(MakeError(ErrorKind.TypeError, "Function has non-object prototype in instanceof check"));
        var p = Layout.Proto(v.Ptr);
        while (p.IsCell)
        {
            if (p.Bits == proto.Bits) return true;
            p = Layout.Proto(p.Ptr);
        }
        return false;
    }
}
