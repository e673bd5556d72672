namespace Flywheel.Engine.Builtins;

/// <summary>Array.prototype. Methods are generic over array-likes (Get/Set with "length").</summary>
internal static unsafe partial class ArrayPrototype
{
    public static double LengthOf(Realm r, JsValue o)
    {
        if (Realm.IsArray(o)) return Realm.ArrayLength(o.Ptr);
        double d = r.ToIntegerOrInfinity(r.Get(o, r.KLength));
        return Math.Min(Math.Max(d, 0), 9007199254740991);
    }

    static JsValue Get(Realm r, JsValue o, double i) => r.Get(o, i < uint.MaxValue ? PropKey.FromIndex((uint)i) : r.Key(NumberConversion.ToString(i)));
    static void Put(Realm r, JsValue o, double i, JsValue v) => r.Set(o, i < uint.MaxValue ? PropKey.FromIndex((uint)i) : r.Key(NumberConversion.ToString(i)), v, true);
    /// <summary>
    /// The element buffer and length of <paramref name="o"/> when it is an array whose elements are
    /// all in a dense buffer (no sparse table) with default attributes, and within the buffer's capacity.
    /// </summary>
    static bool DenseElements(JsValue o, out ulong* elements, out uint length)
    {
        elements = null;
        length = 0;
        if (!Realm.IsArray(o) || (Layout.Flags(o.Ptr) & (CellFlags.SparseElements | CellFlags.FrozenElements | CellFlags.SealedElements)) != 0) return false;
        elements = Layout.Elements(o.Ptr);
        length = Realm.ArrayLength(o.Ptr);
        return elements != null && length <= (ulong)elements[-1];
    }

    /// <summary>
    /// HasProperty then Get of index <paramref name="i"/>, as the callback methods visit elements: one
    /// read for an element a dense array holds (holes and everything else take the full path).
    /// </summary>
    static bool TryGetPresent(Realm r, JsValue o, double i, out JsValue value)
    {
        if (Realm.IsArray(o) && !Realm.IsSparse(o.Ptr) && i < Realm.ArrayLength(o.Ptr))
        {
            value = r.GetOwnElement(o.Ptr, (uint)i, out _);
            if (!value.IsEmpty) return true;
        }
        if (!Has(r, o, i)) { value = JsValue.Undefined; return false; }
        value = Get(r, o, i);
        return true;
    }
    static bool Has(Realm r, JsValue o, double i) => r.HasProperty(o.Ptr, i < uint.MaxValue ? PropKey.FromIndex((uint)i) : r.Key(NumberConversion.ToString(i)));
    static void Delete(Realm r, JsValue o, double i)
    {
        if (!r.DeleteOwn(o.Ptr, i < uint.MaxValue ? PropKey.FromIndex((uint)i) : r.Key(NumberConversion.ToString(i))))
            throw Def.TypeError(r, $"Cannot delete property '{i}' of {r.Interp.Describe(o)}");
    }
    static void SetLength(Realm r, JsValue o, double len) => r.Set(o, r.KLength, JsValue.FromNumber(len), true);

    /// <summary>ArraySpeciesCreate: a new array from the receiver's constructor[Symbol.species] (subclasses keep their class).</summary>
    public static JsValue SpeciesCreate(Realm r, JsValue original, double length)
    {
        if (Realm.IsArray(original) && !r.HasDefaultArraySpecies(original.Ptr))
        {
            var c = r.Get(original, r.KConstructor);
            if (Realm.IsObject(c))
            {
                c = r.Get(c, PropKey.FromCell(r.SymSpecies));
                if (c.IsNull) c = JsValue.Undefined;
            }
            if (!c.IsUndefined && c.Bits != (ulong)r.ArrayConstructor)
            {
                if (!Realm.IsConstructor(c)) throw Def.TypeError(r, "object.constructor[Symbol.species] is not a constructor");
                return r.Interp.Construct(c, [JsValue.FromNumber(length)], c);
            }
        }
        if (length > uint.MaxValue) throw Def.RangeError(r, "Invalid array length");
        nint a = r.NewArray();
        Realm.SetArrayLengthRaw(a, (uint)length);
        return JsValue.FromPtr(a);
    }

    /// <summary>CreateDataPropertyOrThrow at an index.</summary>
    public static void CreateData(Realm r, JsValue target, double i, JsValue v)
    {
        if (Realm.IsArray(target) && i < uint.MaxValue) r.PutElement(target.Ptr, (uint)i, v);
        else r.DefineData(target.Ptr, i < uint.MaxValue ? PropKey.FromIndex((uint)i) : r.Key(NumberConversion.ToString(i)), v);
    }

    static JsValue Callback(Realm r, JsValue f)
    {
        if (!Realm.IsCallable(f)) throw Def.TypeError(r, r.Interp.Describe(f) + " is not a function");
        return f;
    }

    public static void Setup(Realm r)
    {
        ArrayConstructor.Setup(r);
        nint p = r.ArrayPrototype;
        r.DefineData(p, r.KLength, JsValue.Zero, PropFlags.Writable);
        // Array.prototype[@@unscopables]: names a `with (array)` body does not see.
        nint unscopables = r.NewObject(JsValue.Null);
        foreach (var name in new[] { "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values" })
            r.DefineData(unscopables, r.Key(name), JsValue.True, PropFlags.Default);
        r.DefineData(p, PropKey.FromCell(r.SymUnscopables), JsValue.FromPtr(unscopables), PropFlags.Configurable);
        r.InlinableNatives[(int)InlinableNative.ArrayPush] = Layout.Internal(Def.Method(r, p, "push", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            if (Realm.IsArray(o) && (Layout.Flags(o.Ptr) & (CellFlags.FrozenElements | CellFlags.SealedElements | CellFlags.NotExtensible)) == 0)
            {
                uint n = Realm.ArrayLength(o.Ptr);
                for (int i = 0; i < a.Count; i++) r.PutElement(o.Ptr, n + (uint)i, a[i]);
                return JsValue.FromNumber(n + (uint)a.Count);
            }
            double len = LengthOf(r, o);
            for (int i = 0; i < a.Count; i++) Put(r, o, len + i, a[i]);
            SetLength(r, o, len + a.Count);
            return JsValue.FromNumber(len + a.Count);
        }), 0);
        Def.Method(r, p, "pop", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            if (DenseElements(o, out var el, out uint n) && n > 0 && el[n - 1] != JsValue.EmptyBits)
            {
                // The last element is own, so Get, DeletePropertyOrThrow and the length write cannot be observed.
                var last = new JsValue(el[n - 1]);
                el[n - 1] = JsValue.EmptyBits;
                Realm.SetArrayLengthRaw(o.Ptr, n - 1);
                return last;
            }
            double len = LengthOf(r, o);
            if (len == 0) { SetLength(r, o, 0); return JsValue.Undefined; }
            var v = Get(r, o, len - 1);
            Delete(r, o, len - 1);
            SetLength(r, o, len - 1);
            return v;
        });
        Def.Method(r, p, "shift", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            if (DenseElements(o, out var el, out uint n) && n > 0 && new Span<ulong>(el, (int)n).IndexOf(JsValue.EmptyBits) < 0)
            {
                // Every element is own (no holes to look up through the prototypes): moving them down is all the
                // Get/Set/Delete sequence does.
                var head = new JsValue(el[0]);
                new Span<ulong>(el + 1, (int)n - 1).CopyTo(new Span<ulong>(el, (int)n - 1));
                el[n - 1] = JsValue.EmptyBits;
                Realm.SetArrayLengthRaw(o.Ptr, n - 1);
                return head;
            }
            double len = LengthOf(r, o);
            if (len == 0) { SetLength(r, o, 0); return JsValue.Undefined; }
            var first = Get(r, o, 0);
            using var hs = new HandleScope(r);
            int hf = hs.Add(first);
            for (double k = 1; k < len; k++)
            {
                if (Has(r, o, k)) Put(r, o, k - 1, Get(r, o, k)); else Delete(r, o, k - 1);
            }
            Delete(r, o, len - 1);
            SetLength(r, o, len - 1);
            return hs[hf];
        });
        Def.Method(r, p, "unshift", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            int n = a.Count;
            if (n > 0)
            {
                for (double k = len; k > 0; k--)
                {
                    if (Has(r, o, k - 1)) Put(r, o, k + n - 1, Get(r, o, k - 1)); else Delete(r, o, k + n - 1);
                }
                for (int j = 0; j < n; j++) Put(r, o, j, a[j]);
            }
            SetLength(r, o, len + n);
            return JsValue.FromNumber(len + n);
        });
        Def.Method(r, p, "slice", 2, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double k = Rel(r, a[0], len, 0), end = Rel(r, a[1], len, len);
            using var hs = new HandleScope(r);
            int ho = hs.Add(o);
            int ha = hs.Add(SpeciesCreate(r, o, Math.Max(0, end - k)));
            uint n = 0;
            for (; k < end; k++, n++) if (Has(r, hs[ho], k)) CreateData(r, hs[ha], n, Get(r, hs[ho], k));
            SetLength(r, hs[ha], n);
            return hs[ha];
        });
        Def.Method(r, p, "splice", 2, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double start = Rel(r, a[0], len, 0);
            double del = a.Count == 0 ? 0 : a.Count == 1 ? len - start : Math.Min(Math.Max(r.ToIntegerOrInfinity(a[1]), 0), len - start);
            int items = Math.Max(0, a.Count - 2);
            using var hs = new HandleScope(r);
            int ha = hs.Add(SpeciesCreate(r, o, del));
            for (uint i = 0; i < del; i++) if (Has(r, o, start + i)) CreateData(r, hs[ha], i, Get(r, o, start + i));
            SetLength(r, hs[ha], del);
            if (items < del)
            {
                for (double k = start; k < len - del; k++)
                {
                    if (Has(r, o, k + del)) Put(r, o, k + items, Get(r, o, k + del)); else Delete(r, o, k + items);
                }
                for (double k = len; k > len - del + items; k--) Delete(r, o, k - 1);
            }
            else if (items > del)
            {
                for (double k = len - del; k > start; k--)
                {
                    if (Has(r, o, k + del - 1)) Put(r, o, k + items - 1, Get(r, o, k + del - 1)); else Delete(r, o, k + items - 1);
                }
            }
            for (int i = 0; i < items; i++) Put(r, o, start + i, a[i + 2]);
            SetLength(r, o, len - del + items);
            return hs[ha];
        });
        Def.Method(r, p, "concat", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            using var hs = new HandleScope(r);
            hs.Add(o);
            int ha = hs.Add(SpeciesCreate(r, o, 0));
            double n = 0;
            for (int i = -1; i < a.Count; i++)
            {
                var e = i < 0 ? o : a[i];
                bool spreadable = Realm.IsObject(e) && (r.Get(e, PropKey.FromCell(r.SymIsConcatSpreadable)) is var s && !s.IsUndefined ? Realm.ToBoolean(s) : Realm.IsArray(e));
                if (spreadable)
                {
                    double len = LengthOf(r, e);
                    for (double k = 0; k < len; k++, n++) if (Has(r, e, k)) CreateData(r, hs[ha], n, Get(r, e, k));
                }
                else CreateData(r, hs[ha], n++, e);
            }
            SetLength(r, hs[ha], n);
            return hs[ha];
        });
        Def.Method(r, p, "join", 1, (Realm r, in CallArgs a) => Join(r, a.This, a[0]));
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            var j = r.Get(o, r.KJoin);
            if (Realm.IsCallable(j)) return r.Interp.Call(j, o, []);
            return r.Str(ObjectBuiltins.ObjectToString(r, o));
        });
        Def.Method(r, p, "toLocaleString", 0, (Realm r, in CallArgs a) => Join(r, a.This, JsValue.Undefined));
        Def.Method(r, p, "reverse", 0, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            for (double lo = 0, hi = len - 1; lo < hi; lo++, hi--)
            {
                bool hl = Has(r, o, lo), hh = Has(r, o, hi);
                var vl = hl ? Get(r, o, lo) : JsValue.Undefined;
                using var hs = new HandleScope(r);
                int h1 = hs.Add(vl);
                var vh = hh ? Get(r, o, hi) : JsValue.Undefined;
                if (hh) Put(r, o, lo, vh); else if (hl) Delete(r, o, lo);
                if (hl) Put(r, o, hi, hs[h1]); else if (hh) Delete(r, o, hi);
            }
            return o;
        });
        Def.Method(r, p, "indexOf", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double k = Rel(r, a[1], len, 0);
            for (; k < len; k++) if (Has(r, o, k) && Realm.StrictEquals(Get(r, o, k), a[0])) return JsValue.FromNumber(k);
            return JsValue.FromInt(-1);
        });
        Def.Method(r, p, "lastIndexOf", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double k = a.Count > 1 ? r.ToIntegerOrInfinity(a[1]) : len - 1;
            if (k < 0) k += len; else k = Math.Min(k, len - 1);
            for (; k >= 0; k--) if (Has(r, o, k) && Realm.StrictEquals(Get(r, o, k), a[0])) return JsValue.FromNumber(k);
            return JsValue.FromInt(-1);
        });
        Def.Method(r, p, "includes", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            for (double k = Rel(r, a[1], len, 0); k < len; k++) if (Realm.SameValueZero(Get(r, o, k), a[0])) return JsValue.True;
            return JsValue.False;
        });
        Def.Method(r, p, "at", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o), k = r.ToIntegerOrInfinity(a[0]);
            if (k < 0) k += len;
            return k < 0 || k >= len ? JsValue.Undefined : Get(r, o, k);
        });
        Def.Method(r, p, "fill", 1, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            for (double k = Rel(r, a[1], len, 0), end = Rel(r, a[2], len, len); k < end; k++) Put(r, o, k, a[0]);
            return o;
        });
        Def.Method(r, p, "copyWithin", 2, (Realm r, in CallArgs a) =>
        {
            var o = JsValue.FromPtr(r.ToObject(a.This));
            double len = LengthOf(r, o);
            double to = Rel(r, a[0], len, 0), from = Rel(r, a[1], len, 0), fin = Rel(r, a[2], len, len);
            double count = Math.Min(fin - from, len - to);
            int dir = 1;
            if (from < to && to < from + count) { dir = -1; from += count - 1; to += count - 1; }
            for (; count > 0; count--, from += dir, to += dir)
            {
                if (Has(r, o, from)) Put(r, o, to, Get(r, o, from)); else Delete(r, o, to);
            }
            return o;
        });
        Def.Method(r, p, "keys", 0, (Realm r, in CallArgs a) => ArrayIterators.Create(r, JsValue.FromPtr(r.ToObject(a.This)), 0));
        Def.Method(r, p, "entries", 0, (Realm r, in CallArgs a) => ArrayIterators.Create(r, JsValue.FromPtr(r.ToObject(a.This)), 2));
        nint values = Def.Method(r, p, "values", 0, (Realm r, in CallArgs a) => ArrayIterators.Create(r, JsValue.FromPtr(r.ToObject(a.This)), 1));
        r.DefineData(p, PropKey.FromCell(r.SymIterator), JsValue.FromPtr(values), PropFlags.Hidden);
        r.ArrayProtoValues = JsValue.FromPtr(values);
        SetupIteration(r, p);
        SetupSorting(r, p);
    }

    /// <summary>A relative index argument clamped to [0, len].</summary>
    public static double Rel(Realm r, JsValue v, double len, double dflt)
    {
        if (v.IsUndefined) return dflt;
        double d = r.ToIntegerOrInfinity(v);
        return d < 0 ? Math.Max(0, len + d) : Math.Min(d, len);
    }

    [ThreadStatic] static HashSet<nint>? joining;

    static JsValue Join(Realm r, JsValue thisv, JsValue sepv)
    {
        var o = JsValue.FromPtr(r.ToObject(thisv));
        double len = LengthOf(r, o);
        string sep = sepv.IsUndefined ? "," : r.ToClrString(sepv);
        joining ??= [];
        if (!joining.Add(o.Ptr)) return r.EmptyString; // cycle
        try
        {
            var sb = new System.Text.StringBuilder();
            for (double k = 0; k < len; k++)
            {
                if (k > 0) sb.Append(sep);
                var e = Get(r, o, k);
                if (!e.IsNullish) sb.Append(r.ToClrString(e));
                if (sb.Length > Realm.MaxStringLength) throw Def.RangeError(r, "Invalid string length");
            }
            return r.Str(sb.ToString());
        }
        finally { joining.Remove(o.Ptr); }
    }
}
