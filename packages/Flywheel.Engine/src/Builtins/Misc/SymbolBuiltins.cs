namespace Flywheel.Engine.Builtins;

/// <summary>Symbol, its registry and the well-known symbols.</summary>
internal static class SymbolBuiltins
{
    public static void Setup(Realm r)
    {
        nint p = r.SymbolPrototype;
        var registry = new Dictionary<string, JsValue>();
        nint c = Def.Constructor(r, "Symbol", 0, (Realm r, in CallArgs a) =>
        {
            if (a.IsConstruct) throw Def.TypeError(r, "Symbol is not a constructor");
            return JsValue.FromPtr(r.NewSymbol(a[0].IsUndefined ? JsValue.Undefined : r.ToStringValue(a[0])));
        }, p);
        Layout.Flags(c) &= ~CellFlags.Constructor;
        foreach (var (name, sym) in new[] { ("iterator", r.SymIterator), ("asyncIterator", r.SymAsyncIterator), ("toPrimitive", r.SymToPrimitive),
            ("hasInstance", r.SymHasInstance), ("toStringTag", r.SymToStringTag), ("species", r.SymSpecies),
            ("isConcatSpreadable", r.SymIsConcatSpreadable), ("unscopables", r.SymUnscopables), ("match", r.SymMatch), ("matchAll", r.SymMatchAll), ("replace", r.SymReplace), ("search", r.SymSearch), ("split", r.SymSplit) })
            r.DefineData(c, name, JsValue.FromPtr(sym), PropFlags.None);
        Def.Method(r, c, "for", 1, (Realm r, in CallArgs a) =>
        {
            var key = r.ToClrString(a[0]);
            if (!registry.TryGetValue(key, out var s))
            {
                s = JsValue.FromPtr(r.NewSymbol(r.Str(key)));
                Layout.Flags(s.Ptr) |= CellFlags.NotExtensible; // marks a registered symbol (cannot be a weak key)
                registry[key] = s;
                r.PermanentRoots.Add(s);
            }
            return s;
        });
        Def.Method(r, c, "keyFor", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsSymbol(a[0])) throw Def.TypeError(r, r.ToClrString(a[0]) + " is not a symbol");
            foreach (var (k, v) in registry) if (v.Bits == a[0].Bits) return r.Str(k);
            return JsValue.Undefined;
        });
        static JsValue This(Realm r, JsValue v)
        {
            if (Realm.IsSymbol(v)) return v;
            if (Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Symbol) return Layout.Internal(v.Ptr, 0);
            throw Def.TypeError(r, "Symbol.prototype.valueOf requires that 'this' be a Symbol");
        }
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) => r.Str(r.KeyToClr(PropKey.FromCell(This(r, a.This).Ptr))));
        Def.Method(r, p, "valueOf", 0, (Realm r, in CallArgs a) => This(r, a.This));
        Def.Getter(r, p, "description", (Realm r, in CallArgs a) => Layout.Val(This(r, a.This).Ptr, 8));
        Def.SymbolMethod(r, p, r.SymToPrimitive, "[Symbol.toPrimitive]", 1, (Realm r, in CallArgs a) => This(r, a.This), PropFlags.Configurable);
        Def.ToStringTag(r, p, "Symbol");
    }
}

/// <summary>Error, the native error types, and their prototypes.</summary>
internal static unsafe class ErrorBuiltins
{
    public static void Setup(Realm r)
    {
        nint errorCtor = 0;
        foreach (ErrorKind kind in Enum.GetValues<ErrorKind>())
        {
            var k = kind;
            nint p = r.ErrorPrototypes[(int)k];
            string name = k.ToString();
            nint c = Def.Constructor(r, name, k == ErrorKind.AggregateError ? 2 : 1, (Realm r, in CallArgs a) =>
            {
                nint e = r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.ErrorPrototypes[(int)k]), ObjClass.Error);
                using var hs = new HandleScope(r);
                int he = hs.Add(JsValue.FromPtr(e));
                int msgArg = k == ErrorKind.AggregateError ? 1 : 0;
                if (!a[msgArg].IsUndefined) r.DefineData(e, r.KMessage, r.ToStringValue(a[msgArg]), PropFlags.Hidden);
                var opts = a[msgArg + 1];
                if (Realm.IsObject(opts) && r.HasProperty(opts.Ptr, r.KCause)) r.DefineData(hs[he].Ptr, r.KCause, r.Get(opts, r.KCause), PropFlags.Hidden);
                if (k == ErrorKind.AggregateError)
                {
                    nint arr = r.NewArray();
                    int ha = hs.Add(JsValue.FromPtr(arr));
                    uint i = 0;
                    ObjectBuiltins.IterateValues(r, a[0], v => { r.PutElement(hs[ha].Ptr, i++, v); return true; });
                    r.DefineData(hs[he].Ptr, r.KErrors, hs[ha], PropFlags.Hidden);
                }
                r.DefineData(hs[he].Ptr, r.KStack, r.Str(r.StackFor(hs[he], r.Interp.CurFp, r.Interp.CurPc)), PropFlags.Hidden);
                return hs[he];
            }, p);
            if (k == ErrorKind.Error) errorCtor = c;
            else Layout.Proto(c) = JsValue.FromPtr(errorCtor);
            r.DefineData(p, r.KName, r.Str(name));
            r.DefineData(p, r.KMessage, r.EmptyString);
            if (k == ErrorKind.Error)
            {
                Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) =>
                {
                    if (!Realm.IsObject(a.This)) throw Def.TypeError(r, "Error.prototype.toString requires that 'this' be an Object");
                    return r.Str(r.ErrorHeader(a.This));
                });
                Def.Method(r, c, "captureStackTrace", 1, (Realm r, in CallArgs a) =>
                {
                    if (Realm.IsObject(a[0])) r.DefineData(a[0].Ptr, r.KStack, r.Str(r.StackFor(a[0], r.Interp.CurFp, r.Interp.CurPc)), PropFlags.Hidden);
                    return JsValue.Undefined;
                });
            }
        }
    }
}

/// <summary>%IteratorPrototype% and the generator prototype (next/return/throw).</summary>
internal static class IteratorBuiltins
{
    public static void Setup(Realm r)
    {
        Def.SymbolMethod(r, r.IteratorPrototype, r.SymIterator, "[Symbol.iterator]", 0, (Realm r, in CallArgs a) => a.This);
        nint g = r.GeneratorPrototype;
        r.GeneratorNext = JsValue.FromPtr(Def.Method(r, g, "next", 1, (Realm r, in CallArgs a) => Generators.Resume(r, a.This, a[0], 0)));
        r.PermanentRoots.Add(r.GeneratorNext);
        Def.Method(r, g, "return", 1, (Realm r, in CallArgs a) => Generators.Resume(r, a.This, a[0], 2));
        Def.Method(r, g, "throw", 1, (Realm r, in CallArgs a) => Generators.Resume(r, a.This, a[0], 1));
        Def.ToStringTag(r, g, "Generator");
    }
}
