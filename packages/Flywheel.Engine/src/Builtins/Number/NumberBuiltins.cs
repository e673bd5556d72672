using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>Number, Number.prototype (exact toString(radix), toFixed, toPrecision, toExponential) and Boolean.</summary>
internal static class NumberBuiltins
{
    static double ThisNumber(Realm r, JsValue v, string method)
    {
        if (v.IsNumber) return v.Number;
        if (Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Number) return Layout.Internal(v.Ptr, 0).Number;
        throw Def.TypeError(r, $"Number.prototype.{method} requires that 'this' be a Number");
    }

    public static void Setup(Realm r)
    {
        nint p = r.NumberPrototype;
        nint c = Def.Constructor(r, "Number", 1, (Realm r, in CallArgs a) =>
        {
            double d = a.Count == 0 ? 0 : r.ToNumber(a[0]);
            if (!a.IsConstruct) return JsValue.FromNumber(d);
            nint o = r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.NumberPrototype), ObjClass.Number);
            Layout.Internal(o, 0) = JsValue.FromNumber(d);
            return JsValue.FromPtr(o);
        }, p);
        r.DefineData(c, "MAX_SAFE_INTEGER", JsValue.FromNumber(9007199254740991), PropFlags.None);
        r.DefineData(c, "MIN_SAFE_INTEGER", JsValue.FromNumber(-9007199254740991), PropFlags.None);
        r.DefineData(c, "MAX_VALUE", JsValue.FromNumber(double.MaxValue), PropFlags.None);
        r.DefineData(c, "MIN_VALUE", JsValue.FromNumber(double.Epsilon), PropFlags.None);
        r.DefineData(c, "EPSILON", JsValue.FromNumber(Math.Pow(2, -52)), PropFlags.None);
        r.DefineData(c, "POSITIVE_INFINITY", JsValue.FromNumber(double.PositiveInfinity), PropFlags.None);
        r.DefineData(c, "NEGATIVE_INFINITY", JsValue.FromNumber(double.NegativeInfinity), PropFlags.None);
        r.DefineData(c, "NaN", JsValue.NaN, PropFlags.None);
        Def.Method(r, c, "isInteger", 1, (Realm r, in CallArgs a) => JsValue.FromBool(a[0].IsNumber && double.IsFinite(a[0].Number) && Math.Floor(a[0].Number) == a[0].Number));
        Def.Method(r, c, "isSafeInteger", 1, (Realm r, in CallArgs a) => JsValue.FromBool(a[0].IsNumber && double.IsFinite(a[0].Number) && Math.Floor(a[0].Number) == a[0].Number && Math.Abs(a[0].Number) <= 9007199254740991));
        Def.Method(r, c, "isFinite", 1, (Realm r, in CallArgs a) => JsValue.FromBool(a[0].IsNumber && double.IsFinite(a[0].Number)));
        Def.Method(r, c, "isNaN", 1, (Realm r, in CallArgs a) => JsValue.FromBool(a[0].IsNumber && double.IsNaN(a[0].Number)));

        Def.Method(r, p, "toString", 1, (Realm r, in CallArgs a) =>
        {
            double d = ThisNumber(r, a.This, "toString");
            int radix = a[0].IsUndefined ? 10 : (int)r.ToIntegerOrInfinity(a[0]);
            if (radix < 2 || radix > 36) throw Def.RangeError(r, "toString() radix must be between 2 and 36");
            return r.Str(radix == 10 ? NumberConversion.ToString(d) : NumberConversion.ToRadixString(d, radix));
        });
        Def.Method(r, p, "toLocaleString", 0, (Realm r, in CallArgs a) => r.Str(ToLocale(ThisNumber(r, a.This, "toLocaleString"))));
        Def.Method(r, p, "valueOf", 0, (Realm r, in CallArgs a) => JsValue.FromNumber(ThisNumber(r, a.This, "valueOf")));
        Def.Method(r, p, "toFixed", 1, (Realm r, in CallArgs a) =>
        {
            double d = ThisNumber(r, a.This, "toFixed");
            double f = r.ToIntegerOrInfinity(a[0]);
            if (f < 0 || f > 100) throw Def.RangeError(r, "toFixed() digits argument must be between 0 and 100");
            if (!double.IsFinite(d)) return r.Str(NumberConversion.ToString(d));
            if (Math.Abs(d) >= 1e21) return r.Str(NumberConversion.ToString(d));
            return r.Str(ToFixed(d, (int)f));
        });
        Def.Method(r, p, "toPrecision", 1, (Realm r, in CallArgs a) =>
        {
            double d = ThisNumber(r, a.This, "toPrecision");
            if (a[0].IsUndefined) return r.Str(NumberConversion.ToString(d));
            double pr = r.ToIntegerOrInfinity(a[0]);
            if (!double.IsFinite(d)) return r.Str(NumberConversion.ToString(d));
            if (pr < 1 || pr > 100) throw Def.RangeError(r, "toPrecision() argument must be between 1 and 100");
            return r.Str(ToPrecision(d, (int)pr));
        });
        Def.Method(r, p, "toExponential", 1, (Realm r, in CallArgs a) =>
        {
            double d = ThisNumber(r, a.This, "toExponential");
            double f = r.ToIntegerOrInfinity(a[0]);
            if (!double.IsFinite(d)) return r.Str(NumberConversion.ToString(d));
            if (f < 0 || f > 100) throw Def.RangeError(r, "toExponential() argument must be between 0 and 100");
            return r.Str(ToExponential(d, a[0].IsUndefined ? -1 : (int)f));
        });
    }

    /// <summary>Exact decimal expansion of a double (every double is a finite binary fraction).</summary>
    static (BigInteger Mant, int Scale) Exact(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        int exp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else frac |= 1L << 52;
        exp -= 1075;
        // value = frac * 2^exp
        if (exp >= 0) return (new BigInteger(frac) << exp, 0);
        return (new BigInteger(frac) * BigInteger.Pow(5, -exp), -exp); // value = mant / 10^scale
    }

    /// <summary>Rounds |d| × 10^f to an integer, halves away from zero (as ECMAScript's "larger n").</summary>
    static BigInteger ScaledRound(double d, int f)
    {
        var (m, scale) = Exact(d);
        if (f >= scale) return m * BigInteger.Pow(10, f - scale);
        var div = BigInteger.Pow(10, scale - f);
        var q = BigInteger.DivRem(m, div, out var rem);
        if (rem * 2 >= div) q += 1;
        return q;
    }

    public static string ToFixed(double d, int f)
    {
        var n = ScaledRound(d, f);
        string s = n.ToString(CultureInfo.InvariantCulture);
        if (f > 0)
        {
            if (s.Length <= f) s = new string('0', f + 1 - s.Length) + s;
            s = s[..^f] + "." + s[^f..];
        }
        return (d < 0 ? "-" : "") + s;
    }

    /// <summary>Digits (exactly p of them) and exponent e with |d| ≈ digits × 10^(e-p+1), rounding half up.</summary>
    static (string Digits, int E) PrecisionDigits(double d, int p)
    {
        if (d == 0) return (new string('0', p), 0);
        var (m, scale) = Exact(d);
        int e = (int)Math.Floor(Math.Log10(Math.Abs(d)));
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int f = p - 1 - e;
            BigInteger n;
            if (f >= scale) n = m * BigInteger.Pow(10, f - scale);
            else
            {
                var div = BigInteger.Pow(10, scale - f);
                n = BigInteger.DivRem(m, div, out var rem);
                if (rem * 2 >= div) n += 1;
            }
            string s = n.ToString(CultureInfo.InvariantCulture);
            if (s.Length == p) return (s, e);
            if (s.Length > p) e++; else e--;
        }
        var (sd, n2) = NumberConversion.ShortestDigits(d);
        return (sd.PadRight(p, '0')[..p], n2 - 1);
    }

    public static string ToPrecision(double d, int p)
    {
        string sign = d < 0 ? "-" : "";
        var (s, e) = PrecisionDigits(d, p);
        if (e < -6 || e >= p)
        {
            string m = s.Length > 1 ? s[0] + "." + s[1..] : s;
            return sign + m + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e);
        }
        if (e == p - 1) return sign + s;
        if (e >= 0) return sign + s[..(e + 1)] + "." + s[(e + 1)..];
        return sign + "0." + new string('0', -(e + 1)) + s;
    }

    public static string ToExponential(double d, int f)
    {
        string sign = d < 0 ? "-" : "";
        string s; int e;
        if (f < 0) { var (sd, n) = NumberConversion.ShortestDigits(d); s = d == 0 ? "0" : sd; e = d == 0 ? 0 : n - 1; }
        else (s, e) = PrecisionDigits(d, f + 1);
        string m = s.Length > 1 ? s[0] + "." + s[1..] : s;
        return sign + m + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e);
    }

    static string ToLocale(double d)
    {
        if (!double.IsFinite(d)) return NumberConversion.ToString(d);
        var s = Math.Round(d, 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", CultureInfo.InvariantCulture);
        return s == "-0" ? "-0" : s;
    }
}

internal static class BooleanBuiltins
{
    public static void Setup(Realm r)
    {
        nint p = r.BooleanPrototype;
        Def.Constructor(r, "Boolean", 1, (Realm r, in CallArgs a) =>
        {
            bool b = Realm.ToBoolean(a[0]);
            if (!a.IsConstruct) return JsValue.FromBool(b);
            nint o = r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.BooleanPrototype), ObjClass.Boolean);
            Layout.Internal(o, 0) = JsValue.FromBool(b);
            return JsValue.FromPtr(o);
        }, p);
        static bool This(Realm r, JsValue v)
        {
            if (v.IsBoolean) return v.IsTrue;
            if (Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Boolean) return Layout.Internal(v.Ptr, 0).IsTrue;
            throw Def.TypeError(r, "Boolean.prototype.valueOf requires that 'this' be a Boolean");
        }
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) => r.Str(This(r, a.This) ? "true" : "false"));
        Def.Method(r, p, "valueOf", 0, (Realm r, in CallArgs a) => JsValue.FromBool(This(r, a.This)));
    }
}
