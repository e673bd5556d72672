namespace Flywheel.Engine.Builtins;

/// <summary>Array.prototype's callback methods (forEach, map, filter, reduce, find…) and flat/flatMap.</summary>
internal static unsafe partial class ArrayPrototype
{
    delegate bool Visit(JsValue value, double index, JsValue result);

    static void SetupIteration(Realm r, nint p)
    {
        Def.Method(r, p, "forEach", 1, (Realm r, in CallArgs a) =>
        {
            Each(r, a, (v, k, res) => { return true; }, out _, collect: false);
            return JsValue.Undefined;
        });
        Def.Method(r, p, "map", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            var f = Callback(r, a[0]);
            using var hs = new HandleScope(r);
            int ho = hs.Add(o), hf = hs.Add(f), ht = hs.Add(a[1]);
            double len = LengthOf(r, o);
            int hr = hs.Add(SpeciesCreate(r, o, len));
            for (double k = 0; k < len; k++)
            {
                if (!TryGetPresent(r, hs[ho], k, out var v)) continue;
                var m = r.Interp.Call(hs[hf], hs[ht], [v, JsValue.FromNumber(k), hs[ho]]);
                CreateData(r, hs[hr], k, m);
            }
            return hs[hr];
        });
        Def.Method(r, p, "filter", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            var f = Callback(r, a[0]);
            using var hs = new HandleScope(r);
            int ho = hs.Add(o), hf = hs.Add(f), ht = hs.Add(a[1]);
            int hr = hs.Add(SpeciesCreate(r, o, 0));
            double len = LengthOf(r, o);
            uint n = 0;
            for (double k = 0; k < len; k++)
            {
                if (!TryGetPresent(r, hs[ho], k, out var v)) continue;
                int hv = hs.Add(v);
                if (Realm.ToBoolean(r.Interp.Call(hs[hf], hs[ht], [v, JsValue.FromNumber(k), hs[ho]]))) CreateData(r, hs[hr], n++, hs[hv]);
            }
            return hs[hr];
        });
        Def.Method(r, p, "some", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Find(r, a, false, true, out _) >= 0));
        Def.Method(r, p, "every", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Find(r, a, false, false, out _) < 0));
        Def.Method(r, p, "find", 1, (Realm r, in CallArgs a) => { Find(r, a, false, true, out var found, all: true); return found; });
        Def.Method(r, p, "findIndex", 1, (Realm r, in CallArgs a) => JsValue.FromNumber(Find(r, a, false, true, out _, all: true)));
        Def.Method(r, p, "findLast", 1, (Realm r, in CallArgs a) => { Find(r, a, true, true, out var found, all: true); return found; });
        Def.Method(r, p, "findLastIndex", 1, (Realm r, in CallArgs a) => JsValue.FromNumber(Find(r, a, true, true, out _, all: true)));
        Def.Method(r, p, "reduce", 1, (Realm r, in CallArgs a) => Reduce(r, a, false));
        Def.Method(r, p, "reduceRight", 1, (Realm r, in CallArgs a) => Reduce(r, a, true));
        Def.Method(r, p, "flat", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double depth = a[0].IsUndefined ? 1 : r.ToIntegerOrInfinity(a[0]);
            using var hs = new HandleScope(r);
            hs.Add(o);
            int hr = hs.Add(SpeciesCreate(r, o, 0));
            double n = 0;
            Flatten(r, hs[hr], o, depth, ref n, JsValue.Undefined, JsValue.Undefined);
            return hs[hr];
        });
        Def.Method(r, p, "flatMap", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            var f = Callback(r, a[0]);
            using var hs = new HandleScope(r);
            hs.Add(o); hs.Add(f);
            int hr = hs.Add(SpeciesCreate(r, o, 0));
            double n = 0;
            Flatten(r, hs[hr], o, 1, ref n, f, a[1]);
            return hs[hr];
        });
    }

    static void Flatten(Realm r, JsValue target, JsValue src, double depth, ref double n, JsValue mapper, JsValue thisArg)
    {
        using var hs = new HandleScope(r);
        int hs0 = hs.Add(src), hm = hs.Add(mapper), ht = hs.Add(thisArg);
        double len = LengthOf(r, src);
        for (double k = 0; k < len; k++)
        {
            if (!TryGetPresent(r, hs[hs0], k, out var v)) continue;
            if (!hs[hm].IsUndefined) v = r.Interp.Call(hs[hm], hs[ht], [v, JsValue.FromNumber(k), hs[hs0]]);
            if (depth > 0 && Realm.IsArray(v)) Flatten(r, target, v, depth - 1, ref n, JsValue.Undefined, JsValue.Undefined);
            else CreateData(r, target, n++, v);
        }
    }

    static void Each(Realm r, in CallArgs a, Visit visit, out JsValue result, bool collect)
    {
        var o = JsValue.FromPtr(r.ToObject(a.This));
        var f = Callback(r, a[0]);
        using var hs = new HandleScope(r);
        int ho = hs.Add(o), hf = hs.Add(f), ht = hs.Add(a[1]);
        double len = LengthOf(r, o);
        result = JsValue.Undefined;
        for (double k = 0; k < len; k++)
        {
            if (!TryGetPresent(r, hs[ho], k, out var v)) continue;
            r.Interp.Call(hs[hf], hs[ht], [v, JsValue.FromNumber(k), hs[ho]]);
        }
    }

    /// <summary>
    /// Index of the first (or last) element whose predicate result equals <paramref name="want"/>, or -1;
    /// <paramref name="found"/> is the element as read for the predicate (read once: it may be a getter), else undefined.
    /// </summary>
    static double Find(Realm r, in CallArgs a, bool fromEnd, bool want, out JsValue found, bool all = false)
    {
        found = JsValue.Undefined;
        var o = JsValue.FromPtr(r.ToObject(a.This));
        var f = Callback(r, a[0]);
        using var hs = new HandleScope(r);
        int ho = hs.Add(o), hf = hs.Add(f), ht = hs.Add(a[1]), hv = hs.Add(JsValue.Undefined);
        double len = LengthOf(r, o);
        for (double i = 0; i < len; i++)
        {
            double k = fromEnd ? len - 1 - i : i;
            JsValue v;
            if (all) v = Get(r, hs[ho], k);
            else if (!TryGetPresent(r, hs[ho], k, out v)) continue;
            hs[hv] = v;
            if (Realm.ToBoolean(r.Interp.Call(hs[hf], hs[ht], [v, JsValue.FromNumber(k), hs[ho]])) == want) { found = hs[hv]; return k; }
        }
        return -1;
    }

    static JsValue Reduce(Realm r, in CallArgs a, bool right)
    {
        var o = JsValue.FromPtr(r.ToObject(a.This));
        var f = Callback(r, a[0]);
        using var hs = new HandleScope(r);
        int ho = hs.Add(o), hf = hs.Add(f);
        double len = LengthOf(r, o);
        double k = right ? len - 1 : 0, step = right ? -1 : 1;
        int hacc;
        if (a.Count >= 2) hacc = hs.Add(a[1]);
        else
        {
            while ((right ? k >= 0 : k < len) && !Has(r, o, k)) k += step;
            if (right ? k < 0 : k >= len) throw Def.TypeError(r, "Reduce of empty array with no initial value");
            hacc = hs.Add(Get(r, o, k));
            k += step;
        }
        for (; right ? k >= 0 : k < len; k += step)
        {
            if (!TryGetPresent(r, hs[ho], k, out var v)) continue;
            hs[hacc] = r.Interp.Call(hs[hf], JsValue.Undefined, [hs[hacc], v, JsValue.FromNumber(k), hs[ho]]);
        }
        return hs[hacc];
    }
}
