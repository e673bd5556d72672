namespace Flywheel.Engine.Builtins;

/// <summary>The Function constructor (compiling source like any script) and Function.prototype.</summary>
internal static unsafe class FunctionBuiltins
{
    public static void Setup(Realm r)
    {
        nint proto = r.FunctionPrototype;
        r.DefineData(proto, r.KLength, JsValue.Zero, PropFlags.Configurable);
        r.DefineData(proto, r.KName, r.EmptyString, PropFlags.Configurable);
        // 'arguments' and 'caller' (Annex-era legacy): null on sloppy plain functions, a TypeError on
        // strict, arrow, class, method and built-in functions, as in V8.
        foreach (var legacy in new[] { "arguments", "caller" })
        {
            nint get = r.NewNative("get " + legacy, 0, (Realm r, in CallArgs a) => LegacyFunctionProperty(r, a.This));
            nint set = r.NewNative("set " + legacy, 1, (Realm r, in CallArgs a) => { LegacyFunctionProperty(r, a.This); return JsValue.Undefined; });
            r.DefineAccessor(proto, r.Key(legacy), JsValue.FromPtr(get), JsValue.FromPtr(set), PropFlags.Configurable);
        }
        Def.Constructor(r, "Function", 1, (Realm r, in CallArgs a) => CreateDynamicFunction(r, a, "function"), proto);
        nint callFn = Def.Method(r, proto, "call", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a.This)) throw Def.TypeError(r, "Function.prototype.call called on non-function");
            return r.Interp.InvokeAt(a.This, a[0], a.Argv + Math.Min(1, a.Count), Math.Max(0, a.Count - 1), JsValue.Undefined);
        });
        nint applyFn = Def.Method(r, proto, "apply", 2, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a.This)) throw Def.TypeError(r, "Function.prototype.apply was called on " + r.Interp.Describe(a.This) + ", which is not a function");
            var args = a[1].IsNullish ? [] : ListFromArrayLike(r, a[1]);
            return r.Interp.Call(a.This, a[0], args);
        });
        r.NativeCallIndex = Layout.Internal(callFn, 0);
        r.NativeApplyIndex = Layout.Internal(applyFn, 0);
        Def.Method(r, proto, "bind", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a.This)) throw Def.TypeError(r, "Bind must be called on a function");
            var target = a.This;
            int nb = Math.Max(0, a.Count - 1);
            nint bargs = r.NewFixedArray(nb);
            for (int i = 0; i < nb; i++) Layout.FixedAt(bargs, i) = a.Argv[i + 1];
            using var hs = new HandleScope(r);
            int hb = hs.Add(JsValue.FromPtr(bargs));
            nint f = r.NewObject(Layout.Proto(target.Ptr), ObjClass.Function);
            Functions.SetKind(f, FunctionKind.Bound);
            Layout.Internal(f, 1) = target;
            Layout.Internal(f, 2) = a[0];
            Layout.Internal(f, 3) = hs[hb];
            Layout.Flags(f) |= CellFlags.Callable | (Layout.Flags(target.Ptr) & CellFlags.Constructor);
            int hf = hs.Add(JsValue.FromPtr(f));
            double len = 0;
            if (r.GetOwnRaw(target.Ptr, r.KLength, out _, out _))
            {
                var l = r.Get(target, r.KLength);
                if (l.IsNumber) len = Math.Max(0, Realm.ToIntegerOrInfinity(l.Number) - nb);
            }
            r.DefineData(f, r.KLength, JsValue.FromNumber(len), PropFlags.Configurable);
            var name = r.Get(target, r.KName);
            r.DefineData(hs[hf].Ptr, r.KName, r.Str("bound " + (Realm.IsString(name) ? Realm.ToClr(name) : "")), PropFlags.Configurable);
            return hs[hf];
        });
        Def.Method(r, proto, "toString", 0, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a.This)) throw Def.TypeError(r, "Function.prototype.toString requires that 'this' be a Function");
            nint f = a.This.Ptr;
            if (Functions.Kind(f) == FunctionKind.Bytecode) return r.Str(Functions.Template(r, f).SourceText);
            return r.Str(Functions.Kind(f) == FunctionKind.Bound ? "function () { [native code] }" : $"function {r.FunctionName(a.This)}() {{ [native code] }}");
        });
        nint hi = Def.SymbolMethod(r, proto, r.SymHasInstance, "[Symbol.hasInstance]", 1,
            (Realm r, in CallArgs a) => JsValue.FromBool(r.OrdinaryHasInstance(a.This, a[0])), PropFlags.None);
        r.FunctionProtoHasInstance = JsValue.FromPtr(hi);
        // GeneratorFunction.prototype
        nint gfp = r.GeneratorFunctionPrototype;
        r.DefineData(gfp, r.KPrototype, JsValue.FromPtr(r.GeneratorPrototype), PropFlags.Configurable);
        r.DefineData(r.GeneratorPrototype, r.KConstructor, JsValue.FromPtr(gfp), PropFlags.Configurable);
        Def.ToStringTag(r, gfp, "GeneratorFunction");
        nint gfc = r.NewNative("GeneratorFunction", 1, (Realm r, in CallArgs a) => CreateDynamicFunction(r, a, "function*"), constructor: true);
        r.DefineData(gfc, r.KPrototype, JsValue.FromPtr(gfp), PropFlags.None);
        r.DefineData(gfp, r.KConstructor, JsValue.FromPtr(gfc), PropFlags.Configurable);
        nint afp = r.AsyncFunctionPrototype;
        Def.ToStringTag(r, afp, "AsyncFunction");
        nint afc = r.NewNative("AsyncFunction", 1, (Realm r, in CallArgs a) => CreateDynamicFunction(r, a, "async function"), constructor: true);
        r.DefineData(afc, r.KPrototype, JsValue.FromPtr(afp), PropFlags.None);
        r.DefineData(afp, r.KConstructor, JsValue.FromPtr(afc), PropFlags.Configurable);
    }

    static JsValue LegacyFunctionProperty(Realm r, JsValue f)
    {
        if (Realm.IsCallable(f) && Functions.Kind(f.Ptr) == FunctionKind.Bytecode)
        {
            var t = Functions.Template(r, f.Ptr);
            const FunctionFlags NotPlain = FunctionFlags.Strict | FunctionFlags.Arrow | FunctionFlags.ClassConstructor | FunctionFlags.Method
                | FunctionFlags.Generator | FunctionFlags.Async | FunctionFlags.Script | FunctionFlags.NotConstructor;
            if ((t.Flags & NotPlain) == 0) return JsValue.Null;
        }
        throw new JsThrow(r.MakeError(ErrorKind.TypeError, "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them"));
    }

    public static JsValue[] ListFromArrayLike(Realm r, JsValue v)
    {
        if (!Realm.IsObject(v)) throw Def.TypeError(r, "CreateListFromArrayLike called on non-object");
        uint n = (uint)Math.Min(r.ToIntegerOrInfinity(r.Get(v, r.KLength)), 1 << 20);
        var list = new JsValue[n];
        for (uint i = 0; i < n; i++) list[i] = r.Get(v, PropKey.FromIndex(i));
        return list;
    }

    /// <summary>new Function(p1, …, body): compiled as a script producing one function expression, in the global scope.</summary>
    public static JsValue CreateDynamicFunction(Realm r, in CallArgs a, string kind)
    {
        var ps = new List<string>();
        for (int i = 0; i < a.Count - 1; i++) ps.Add(r.ToClrString(a[i]));
        string body = a.Count > 0 ? r.ToClrString(a[a.Count - 1]) : "";
        string src = $"({kind} anonymous({string.Join(",", ps)}\n) {{\n{body}\n}})";
        return r.Evaluate(src, "<anonymous>");
    }
}
