namespace Flywheel.Engine.Builtins;

/// <summary>The Array constructor: Array(), Array.isArray, Array.from, Array.of.</summary>
internal static unsafe class ArrayConstructor
{
    public static void Setup(Realm r)
    {
        nint c = Def.Constructor(r, "Array", 1, (Realm r, in CallArgs a) =>
        {
            var proto = Def.ProtoFrom(r, a.NewTarget, r.ArrayPrototype);
            nint arr = r.NewArray();
            Layout.Proto(arr) = proto;
            if (a.Count == 1 && a[0].IsNumber)
            {
                double d = a[0].Number;
                uint len = (uint)Realm.ToUint32(d);
                if (len != d) throw Def.RangeError(r, "Invalid array length");
                Realm.SetArrayLengthRaw(arr, len);
            }
            else for (int i = 0; i < a.Count; i++) r.PutElement(arr, (uint)i, a[i]);
            return JsValue.FromPtr(arr);
        }, r.ArrayPrototype);
        r.ArrayConstructor = c;
        Def.Method(r, c, "isArray", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Realm.IsArray(a[0])));
        Def.Method(r, c, "of", 0, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsConstructor(a.This) || a.This.Bits == (ulong)r.ArrayConstructor) return JsValue.FromPtr(r.NewArrayFrom(new ReadOnlySpan<JsValue>(a.Argv, a.Count)));
            var res = r.Interp.Construct(a.This, [JsValue.FromInt(a.Count)], a.This);
            for (int i = 0; i < a.Count; i++) ArrayPrototype.CreateData(r, res, i, a[i]);
            r.Set(res, r.KLength, JsValue.FromInt(a.Count), true);
            return res;
        });
        Def.Method(r, c, "from", 1, (Realm r, in CallArgs a) =>
        {
            var src = a[0];
            var mapFn = a[1];
            var thisArg = a[2];
            if (!mapFn.IsUndefined && !Realm.IsCallable(mapFn)) throw Def.TypeError(r, r.Interp.Describe(mapFn) + " is not a function");
            using var hs = new HandleScope(r);
            bool custom = Realm.IsConstructor(a.This) && a.This.Bits != (ulong)r.ArrayConstructor;
            int ha = hs.Add(custom ? r.Interp.Construct(a.This, [], a.This) : JsValue.FromPtr(r.NewArray()));
            int hm = hs.Add(mapFn), ht = hs.Add(thisArg);
            if (src.IsNullish) throw Def.TypeError(r, r.ToClrString(src) + " is not iterable (cannot read property Symbol(Symbol.iterator))");
            var iterMethod = r.Get(src, PropKey.FromCell(r.SymIterator));
            uint k = 0;
            if (!iterMethod.IsNullish)
            {
                ObjectBuiltins.IterateValues(r, src, v =>
                {
                    if (!hs[hm].IsUndefined) v = r.Interp.Call(hs[hm], hs[ht], [v, JsValue.FromNumber(k)]);
                    ArrayPrototype.CreateData(r, hs[ha], k++, v);
                    return true;
                });
                if (custom) r.Set(hs[ha], r.KLength, JsValue.FromNumber(k), true);
            }
            else
            {
                int hsrc = hs.Add(JsValue.FromPtr(r.ToObject(src)));
                double len = ArrayPrototype.LengthOf(r, hs[hsrc]);
                for (; k < len; k++)
                {
                    r.Interp.PollInterrupts();
                    var v = r.Get(hs[hsrc], PropKey.FromIndex(k));
                    if (!hs[hm].IsUndefined) v = r.Interp.Call(hs[hm], hs[ht], [v, JsValue.FromNumber(k)]);
                    ArrayPrototype.CreateData(r, hs[ha], k, v);
                }
                r.Set(hs[ha], r.KLength, JsValue.FromNumber(k), true);
            }
            return hs[ha];
        });
        r.ArraySpeciesGetter = Def.Getter(r, c, "[Symbol.species]", (Realm r, in CallArgs a) => a.This, PropKey.FromCell(r.SymSpecies));
    }
}
