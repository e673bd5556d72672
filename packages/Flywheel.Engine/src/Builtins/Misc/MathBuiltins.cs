namespace Flywheel.Engine.Builtins;

/// <summary>The Math object.</summary>
internal static class MathBuiltins
{
    public static void Setup(Realm r)
    {
        nint m = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        r.DefineData(r.GlobalObject, "Math", JsValue.FromPtr(m));
        Def.ToStringTag(r, m, "Math");
        foreach (var (n, v) in new[] { ("PI", Math.PI), ("E", Math.E), ("LN2", 0.6931471805599453), ("LN10", 2.302585092994046), ("LOG2E", 1.4426950408889634),
            ("LOG10E", 0.4342944819032518), ("SQRT2", 1.4142135623730951), ("SQRT1_2", 0.7071067811865476) })
            r.DefineData(m, n, JsValue.FromNumber(v), PropFlags.None);
        nint F1(string name, Func<double, double> f) => Def.Method(r, m, name, 1, (Realm r, in CallArgs a) => JsValue.FromNumber(f(r.ToNumber(a[0]))));
        void Inlinable(InlinableNative which, nint f) => r.InlinableNatives[(int)which] = Layout.Internal(f, 0);
        Inlinable(InlinableNative.MathAbs, F1("abs", Math.Abs)); F1("acos", Math.Acos); F1("acosh", Math.Acosh); F1("asin", Math.Asin); F1("asinh", Math.Asinh);
        F1("atan", Math.Atan); F1("atanh", Math.Atanh); F1("cbrt", Math.Cbrt); Inlinable(InlinableNative.MathCeil, F1("ceil", Math.Ceiling)); F1("cos", Math.Cos);
        F1("cosh", Math.Cosh); F1("exp", Math.Exp); F1("expm1", x => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1);
        Inlinable(InlinableNative.MathFloor, F1("floor", Math.Floor)); F1("fround", x => (float)x); F1("log", Math.Log); F1("log1p", x => Math.Abs(x) < 1e-5 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x));
        F1("log10", Math.Log10); F1("log2", Math.Log2); F1("sign", x => double.IsNaN(x) ? double.NaN : x == 0 ? x : Math.Sign(x));
        F1("sin", Math.Sin); F1("sinh", Math.Sinh); Inlinable(InlinableNative.MathSqrt, F1("sqrt", Math.Sqrt)); F1("tan", Math.Tan); F1("tanh", Math.Tanh);
        F1("trunc", Math.Truncate);
        F1("round", x =>
        {
            if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
            if (x < 0 && x >= -0.5) return -0.0;
            double f = Math.Floor(x);
            return x - f >= 0.5 ? f + 1 : f;
        });
        F1("clz32", x => System.Numerics.BitOperations.LeadingZeroCount((uint)Realm.ToInt32(x)));
        Def.Method(r, m, "atan2", 2, (Realm r, in CallArgs a) => { double y = r.ToNumber(a[0]); return JsValue.FromNumber(Math.Atan2(y, r.ToNumber(a[1]))); });
        Def.Method(r, m, "pow", 2, (Realm r, in CallArgs a) => { double x = r.ToNumber(a[0]); return JsValue.FromNumber(Operators.Pow(x, r.ToNumber(a[1]))); });
        Inlinable(InlinableNative.MathImul, Def.Method(r, m, "imul", 2, (Realm r, in CallArgs a) => { int x = r.ToInt32(a[0]); return JsValue.FromInt(unchecked(x * r.ToInt32(a[1]))); }));
        Inlinable(InlinableNative.MathMax, Def.Method(r, m, "max", 2, (Realm r, in CallArgs a) =>
        {
            double res = double.NegativeInfinity;
            for (int i = 0; i < a.Count; i++)
            {
                double d = r.ToNumber(a[i]);
                if (double.IsNaN(d) || double.IsNaN(res)) res = double.NaN;
                else if (d > res || (d == 0 && res == 0 && !double.IsNegative(d))) res = d;
            }
            return JsValue.FromNumber(res);
        }));
        Inlinable(InlinableNative.MathMin, Def.Method(r, m, "min", 2, (Realm r, in CallArgs a) =>
        {
            double res = double.PositiveInfinity;
            for (int i = 0; i < a.Count; i++)
            {
                double d = r.ToNumber(a[i]);
                if (double.IsNaN(d) || double.IsNaN(res)) res = double.NaN;
                else if (d < res || (d == 0 && res == 0 && double.IsNegative(d))) res = d;
            }
            return JsValue.FromNumber(res);
        }));
        Def.Method(r, m, "hypot", 2, (Realm r, in CallArgs a) =>
        {
            double s = 0; bool inf = false, nan = false;
            for (int i = 0; i < a.Count; i++) { double d = r.ToNumber(a[i]); if (double.IsInfinity(d)) inf = true; else if (double.IsNaN(d)) nan = true; else s += d * d; }
            return JsValue.FromNumber(inf ? double.PositiveInfinity : nan ? double.NaN : Math.Sqrt(s));
        });
        var rng = new Random(r.Limits.RandomSeed);
        Def.Method(r, m, "random", 0, (Realm r, in CallArgs a) => JsValue.FromNumber(rng.NextDouble()));
    }
}

/// <summary>Reflect.</summary>
internal static class ReflectBuiltins
{
    public static void Setup(Realm r)
    {
        nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        r.DefineData(r.GlobalObject, "Reflect", JsValue.FromPtr(o));
        Def.ToStringTag(r, o, "Reflect");
        static nint Obj(Realm r, JsValue v, string fn) => Realm.IsObject(v) ? v.Ptr : throw Def.TypeError(r, $"Reflect.{fn} called on non-object");
        Def.Method(r, o, "ownKeys", 1, (Realm r, in CallArgs a) =>
        {
            var keys = r.OwnKeys(Obj(r, a[0], "ownKeys"));
            nint arr = r.NewArray(keys.Count);
            for (int i = 0; i < keys.Count; i++) r.PutElement(arr, (uint)i, r.KeyToValue(keys[i]));
            return JsValue.FromPtr(arr);
        });
        Def.Method(r, o, "has", 2, (Realm r, in CallArgs a) => JsValue.FromBool(r.HasProperty(Obj(r, a[0], "has"), r.ToPropertyKey(a[1]))));
        Def.Method(r, o, "get", 2, (Realm r, in CallArgs a) => r.Get(JsValue.FromPtr(Obj(r, a[0], "get")), r.ToPropertyKey(a[1]), a.Count > 2 ? a[2] : a[0]));
        Def.Method(r, o, "set", 3, (Realm r, in CallArgs a) => JsValue.FromBool(r.TrySet(JsValue.FromPtr(Obj(r, a[0], "set")), r.ToPropertyKey(a[1]), a[2], a.Count > 3 ? a[3] : a[0])));
        Def.Method(r, o, "getPrototypeOf", 1, (Realm r, in CallArgs a) => Layout.Proto(Obj(r, a[0], "getPrototypeOf")));
        Def.Method(r, o, "setPrototypeOf", 2, (Realm r, in CallArgs a) => JsValue.FromBool(ObjectBuiltins.SetPrototype(r, Obj(r, a[0], "setPrototypeOf"), a[1])));
        Def.Method(r, o, "defineProperty", 3, (Realm r, in CallArgs a) => JsValue.FromBool(ObjectBuiltins.DefineOwnProperty(r, Obj(r, a[0], "defineProperty"), r.ToPropertyKey(a[1]), ObjectBuiltins.ToPropertyDescriptor(r, a[2]))));
        Def.Method(r, o, "deleteProperty", 2, (Realm r, in CallArgs a) => JsValue.FromBool(r.DeleteOwn(Obj(r, a[0], "deleteProperty"), r.ToPropertyKey(a[1]))));
        Def.Method(r, o, "getOwnPropertyDescriptor", 2, (Realm r, in CallArgs a) =>
            r.GetOwnProperty(Obj(r, a[0], "getOwnPropertyDescriptor"), r.ToPropertyKey(a[1]), out var d) ? ObjectBuiltins.FromPropertyDescriptor(r, d) : JsValue.Undefined);
        Def.Method(r, o, "isExtensible", 1, (Realm r, in CallArgs a) => JsValue.FromBool(r.IsExtensible(Obj(r, a[0], "isExtensible"))));
        Def.Method(r, o, "preventExtensions", 1, (Realm r, in CallArgs a) => { Layout.Flags(Obj(r, a[0], "preventExtensions")) |= CellFlags.NotExtensible; return JsValue.True; });
        Def.Method(r, o, "apply", 3, (Realm r, in CallArgs a) => r.Interp.Call(a[0], a[1], FunctionBuiltins.ListFromArrayLike(r, a[2])));
        Def.Method(r, o, "construct", 2, (Realm r, in CallArgs a) => r.Interp.Construct(a[0], FunctionBuiltins.ListFromArrayLike(r, a[1]), a.Count > 2 ? a[2] : a[0]));
    }
}
