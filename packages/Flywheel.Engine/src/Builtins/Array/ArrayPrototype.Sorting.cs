namespace Flywheel.Engine.Builtins;

/// <summary>sort (stable merge sort), toSorted, toReversed, toSpliced, with.</summary>
internal static unsafe partial class ArrayPrototype
{
    static void SetupSorting(Realm r, nint p)
    {
        Def.Method(r, p, "sort", 1, (Realm r, in CallArgs a) =>
        {
            if (!a[0].IsUndefined && !Realm.IsCallable(a[0])) throw Def.TypeError(r, "The comparison function must be either a function or undefined");
            var o = JsValue.FromPtr(r.ToObject(a.This));
            SortInPlace(r, o, a[0]);
            return o;
        });
        Def.Method(r, p, "toSorted", 1, (Realm r, in CallArgs a) =>
        {
            if (!a[0].IsUndefined && !Realm.IsCallable(a[0])) throw Def.TypeError(r, "The comparison function must be either a function or undefined");
            var copy = CopyOf(r, a.This);
            SortInPlace(r, copy, a[0]);
            return copy;
        });
        Def.Method(r, p, "toReversed", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            using var hs = new HandleScope(r);
            int hr = hs.Add(JsValue.FromPtr(r.NewArray()));
            for (double k = 0; k < len; k++) r.PutElement(hs[hr].Ptr, (uint)k, Get(r, o, len - 1 - k));
            return hs[hr];
        });
        Def.Method(r, p, "with", 2, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o), idx = r.ToIntegerOrInfinity(a[0]);
            if (idx < 0) idx += len;
            if (idx < 0 || idx >= len) throw Def.RangeError(r, "Invalid index : " + NumberConversion.ToString(r.ToIntegerOrInfinity(a[0])));
            var copy = CopyOf(r, o);
            r.PutElement(copy.Ptr, (uint)idx, a[1]);
            return copy;
        });
        Def.Method(r, p, "toSpliced", 2, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double start = Rel(r, a[0], len, 0);
            double skip = a.Count == 0 ? 0 : a.Count == 1 ? len - start : Math.Min(Math.Max(r.ToIntegerOrInfinity(a[1]), 0), len - start);
            using var hs = new HandleScope(r);
            int hr = hs.Add(JsValue.FromPtr(r.NewArray()));
            uint n = 0;
            for (double k = 0; k < start; k++) r.PutElement(hs[hr].Ptr, n++, Get(r, o, k));
            for (int i = 2; i < a.Count; i++) r.PutElement(hs[hr].Ptr, n++, a[i]);
            for (double k = start + skip; k < len; k++) r.PutElement(hs[hr].Ptr, n++, Get(r, o, k));
            return hs[hr];
        });
    }

    static JsValue CopyOf(Realm r, JsValue thisv)
    {
        var o = JsValue.FromPtr(r.ToObject(thisv));
        double len = LengthOf(r, o);
        using var hs = new HandleScope(r);
        int hr = hs.Add(JsValue.FromPtr(r.NewArray()));
        for (double k = 0; k < len; k++) r.PutElement(hs[hr].Ptr, (uint)k, Get(r, o, k));
        Realm.SetArrayLengthRaw(hs[hr].Ptr, (uint)len);
        return hs[hr];
    }

    static void SortInPlace(Realm r, JsValue o, JsValue cmp)
    {
        double len = LengthOf(r, o);
        using var hs = new HandleScope(r);
        int ho = hs.Add(o), hc = hs.Add(cmp);
        int baseIdx = r.Handles.Count;
        int undefCount = 0;
        for (double k = 0; k < len; k++)
        {
            if (!Has(r, hs[ho], k)) continue;
            var v = Get(r, hs[ho], k);
            if (v.IsUndefined) undefCount++;
            else hs.Add(v);
        }
        int n = r.Handles.Count - baseIdx;
        // Values stay rooted in the handle list; sort indices into it.
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = baseIdx + i;
        var tmp = new int[n];
        Comparison<int> compare = cmp.IsUndefined
            ? (x, y) => string.CompareOrdinal(r.ToClrString(r.Handles[x]), r.ToClrString(r.Handles[y]))
            : (x, y) =>
            {
                double d = r.ToNumber(r.Interp.Call(r.Handles[hc], JsValue.Undefined, [r.Handles[x], r.Handles[y]]));
                return d < 0 ? -1 : d > 0 ? 1 : 0;
            };
        if (cmp.IsUndefined)
        {
            // Precompute string keys once.
            var keys = new Dictionary<int, string>();
            foreach (var i in idx) keys[i] = r.ToClrString(r.Handles[i]);
            compare = (x, y) => string.CompareOrdinal(keys[x], keys[y]);
        }
        MergeSort(idx, tmp, 0, n, compare);
        var sorted = new JsValue[n];
        for (int i = 0; i < n; i++) sorted[i] = r.Handles[idx[i]];
        for (int i = 0; i < n; i++) r.Handles[baseIdx + i] = sorted[i];
        for (int i = 0; i < n; i++) Put(r, hs[ho], i, r.Handles[baseIdx + i]);
        for (int i = 0; i < undefCount; i++) Put(r, hs[ho], n + i, JsValue.Undefined);
        for (double k = n + undefCount; k < len; k++) if (Has(r, hs[ho], k)) Delete(r, hs[ho], k);
    }

    static void MergeSort(int[] a, int[] tmp, int lo, int hi, Comparison<int> cmp)
    {
        if (hi - lo < 2) return;
        if (hi - lo <= 8)
        {
            for (int i = lo + 1; i < hi; i++)
            {
                int v = a[i], j = i - 1;
                while (j >= lo && cmp(a[j], v) > 0) { a[j + 1] = a[j]; j--; }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) / 2;
        MergeSort(a, tmp, lo, mid, cmp);
        MergeSort(a, tmp, mid, hi, cmp);
        if (cmp(a[mid - 1], a[mid]) <= 0) return;
        Array.Copy(a, lo, tmp, lo, hi - lo);
        int p = lo, q = mid, k = lo;
        while (p < mid && q < hi) a[k++] = cmp(tmp[q], tmp[p]) < 0 ? tmp[q++] : tmp[p++];
        while (p < mid) a[k++] = tmp[p++];
        while (q < hi) a[k++] = tmp[q++];
    }
}
