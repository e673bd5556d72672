namespace Flywheel.Engine.Builtins;

/// <summary>ArrayBuffer and the typed array constructors over it. Most prototype methods are the generic Array.prototype ones.</summary>
internal static unsafe class TypedArrayBuiltins
{
    static TypedArrayData Data(Realm r, JsValue v)
    {
        if (!Realm.IsObject(v) || Layout.Class(v.Ptr) != ObjClass.TypedArray) throw Def.TypeError(r, "this is not a typed array.");
        return r.TypedArrayOf(v.Ptr);
    }

    public static JsValue NewBuffer(Realm r, int length, JsValue proto)
    {
        if (length < 0 || length > 1 << 30) throw Def.RangeError(r, "Array buffer allocation failed");
        nint o = r.NewObjectWithExternal(proto, ObjClass.ArrayBuffer, new ArrayBufferData(r.Heap, length));
        return JsValue.FromPtr(o);
    }

    static JsValue NewTyped(Realm r, TypedKind kind, JsValue proto, JsValue buffer, int offset, int length)
    {
        var view = new TypedArrayData(r, buffer, offset, length, kind);
        nint o = r.NewObjectWithExternal(proto, ObjClass.TypedArray, view);
        TypedArrayLayout.Init(o, r.External<ArrayBufferData>(buffer.Ptr), view);
        return JsValue.FromPtr(o);
    }

    public static JsValue Create(Realm r, TypedKind kind, int length, nint proto)
    {
        using var hs = new HandleScope(r);
        int hb = hs.Add(NewBuffer(r, length * TypedArrayData.ElementSize(kind), JsValue.FromPtr(r.ArrayBufferPrototype)));
        return NewTyped(r, kind, JsValue.FromPtr(proto), hs[hb], 0, length);
    }

    public static void Setup(Realm r)
    {
        nint abp = r.ArrayBufferPrototype;
        nint abc = Def.Constructor(r, "ArrayBuffer", 1, (Realm r, in CallArgs a) =>
        {
            if (!a.IsConstruct) throw Def.TypeError(r, "Constructor ArrayBuffer requires 'new'");
            double len = r.ToIntegerOrInfinity(a[0]);
            if (len < 0 || len > 1 << 30) throw Def.RangeError(r, "Array buffer allocation failed");
            return NewBuffer(r, (int)len, Def.ProtoFrom(r, a.NewTarget, r.ArrayBufferPrototype));
        }, abp);
        Def.Getter(r, abp, "byteLength", (Realm r, in CallArgs a) => JsValue.FromInt(r.External<ArrayBufferData>(a.This.Ptr).Length));
        Def.Method(r, abc, "isView", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Realm.IsObject(a[0]) && Layout.Class(a[0].Ptr) == ObjClass.TypedArray));
        Def.Method(r, abp, "slice", 2, (Realm r, in CallArgs a) =>
        {
            var d = r.External<ArrayBufferData>(a.This.Ptr);
            int from = Def.RelativeIndex(r, a[0], d.Length, 0), to = Def.RelativeIndex(r, a[1], d.Length, d.Length);
            int n = Math.Max(0, to - from);
            var nb = NewBuffer(r, n, JsValue.FromPtr(r.ArrayBufferPrototype));
            System.Buffer.MemoryCopy(d.Data + from, r.External<ArrayBufferData>(nb.Ptr).Data, n, n);
            return nb;
        });
        Def.ToStringTag(r, abp, "ArrayBuffer");

        nint tap = r.TypedArrayPrototype;
        nint ap = r.ArrayPrototype;
        foreach (var m in new[] { "forEach", "join", "indexOf", "lastIndexOf", "includes", "find", "findIndex", "findLast", "findLastIndex", "every", "some", "reduce", "reduceRight", "reverse", "fill", "at", "keys", "values", "entries", "copyWithin", "toLocaleString" })
            r.DefineData(tap, m, r.Get(JsValue.FromPtr(ap), m));
        r.DefineData(tap, PropKey.FromCell(r.SymIterator), r.Get(JsValue.FromPtr(ap), "values"), PropFlags.Hidden);
        r.DefineData(tap, "toString", r.Get(JsValue.FromPtr(ap), "toString"));
        Def.Getter(r, tap, "length", (Realm r, in CallArgs a) => JsValue.FromInt(Data(r, a.This).Length));
        r.GetOwnRaw(tap, r.KLength, out var lengthAccessor, out _);
        r.TypedArrayLengthNative = Layout.Internal(Layout.Val(lengthAccessor.Ptr, 8).Ptr, 0).Int32;
        Def.Getter(r, tap, "byteLength", (Realm r, in CallArgs a) => { var d = Data(r, a.This); return JsValue.FromInt(d.Length * d.ElementSizeBytes); });
        Def.Getter(r, tap, "byteOffset", (Realm r, in CallArgs a) => JsValue.FromInt(Data(r, a.This).ByteOffset));
        Def.Getter(r, tap, "buffer", (Realm r, in CallArgs a) => Data(r, a.This).Buffer);
        Def.Getter(r, tap, "[Symbol.toStringTag]", (Realm r, in CallArgs a) =>
            Realm.IsObject(a.This) && Layout.Class(a.This.Ptr) == ObjClass.TypedArray ? r.Str(r.TypedArrayOf(a.This.Ptr).Kind + "Array") : JsValue.Undefined, PropKey.FromCell(r.SymToStringTag));
        Def.Method(r, tap, "set", 1, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            int off = (int)r.ToIntegerOrInfinity(a[1]);
            var src = a[0];
            double len = ArrayPrototype.LengthOf(r, src);
            if (off < 0 || off + len > d.Length) throw Def.RangeError(r, "offset is out of bounds");
            var vals = new double[(int)len];
            for (uint i = 0; i < len; i++) vals[i] = r.ToNumber(r.Get(src, PropKey.FromIndex(i)));
            for (int i = 0; i < vals.Length; i++) d.Set(off + i, vals[i]);
            return JsValue.Undefined;
        });
        Def.Method(r, tap, "subarray", 2, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            int from = Def.RelativeIndex(r, a[0], d.Length, 0), to = Def.RelativeIndex(r, a[1], d.Length, d.Length);
            return NewTyped(r, d.Kind, Layout.Proto(a.This.Ptr), d.Buffer, d.ByteOffset + from * d.ElementSizeBytes, Math.Max(0, to - from));
        });
        Def.Method(r, tap, "slice", 2, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            int from = Def.RelativeIndex(r, a[0], d.Length, 0), to = Def.RelativeIndex(r, a[1], d.Length, d.Length);
            var res = Create(r, d.Kind, Math.Max(0, to - from), Layout.Proto(a.This.Ptr).Ptr);
            var rd = r.TypedArrayOf(res.Ptr);
            for (int i = from; i < to; i++) rd.Set(i - from, d.Get(i).Number);
            return res;
        });
        Def.Method(r, tap, "map", 1, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            using var hs = new HandleScope(r);
            int ht = hs.Add(a.This), hf = hs.Add(a[0]), hth = hs.Add(a[1]);
            int hres = hs.Add(Create(r, d.Kind, d.Length, Layout.Proto(a.This.Ptr).Ptr));
            for (int i = 0; i < d.Length; i++)
            {
                var v = r.Interp.Call(hs[hf], hs[hth], [d.Get(i), JsValue.FromInt(i), hs[ht]]);
                r.TypedArrayOf(hs[hres].Ptr).Set(i, r.ToNumber(v));
            }
            return hs[hres];
        });
        Def.Method(r, tap, "filter", 1, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            using var hs = new HandleScope(r);
            int ht = hs.Add(a.This), hf = hs.Add(a[0]), hth = hs.Add(a[1]);
            var kept = new List<double>();
            for (int i = 0; i < d.Length; i++)
                if (Realm.ToBoolean(r.Interp.Call(hs[hf], hs[hth], [d.Get(i), JsValue.FromInt(i), hs[ht]]))) kept.Add(d.Get(i).Number);
            var res = Create(r, d.Kind, kept.Count, Layout.Proto(a.This.Ptr).Ptr);
            for (int i = 0; i < kept.Count; i++) r.TypedArrayOf(res.Ptr).Set(i, kept[i]);
            return res;
        });
        Def.Method(r, tap, "sort", 1, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This);
            var vals = new double[d.Length];
            for (int i = 0; i < vals.Length; i++) vals[i] = d.Get(i).Number;
            if (a[0].IsUndefined) Array.Sort(vals, (x, y) => double.IsNaN(x) ? (double.IsNaN(y) ? 0 : 1) : double.IsNaN(y) ? -1 : x < y ? -1 : x > y ? 1 : (double.IsNegative(x) && !double.IsNegative(y) ? -1 : !double.IsNegative(x) && double.IsNegative(y) ? 1 : 0));
            else
            {
                var f = a[0];
                var idx = Enumerable.Range(0, vals.Length).ToArray();
                var sorted = idx.OrderBy(i => i, Comparer<int>.Create((x, y) =>
                {
                    double c = r.ToNumber(r.Interp.Call(f, JsValue.Undefined, [JsValue.FromNumber(vals[x]), JsValue.FromNumber(vals[y])]));
                    return c < 0 ? -1 : c > 0 ? 1 : 0;
                })).Select(i => vals[i]).ToArray();
                vals = sorted;
            }
            for (int i = 0; i < vals.Length; i++) d.Set(i, vals[i]);
            return a.This;
        });

        // %TypedArray%: the abstract constructor the concrete ones inherit from (and from/of with them).
        nint abstractCtor = r.NewNative("TypedArray", 0, (Realm r, in CallArgs a) => throw Def.TypeError(r, "Abstract class TypedArray not directly constructable"), constructor: true);
        r.DefineData(abstractCtor, r.KPrototype, JsValue.FromPtr(tap), PropFlags.None);
        r.DefineData(tap, r.KConstructor, JsValue.FromPtr(abstractCtor), PropFlags.Hidden);
        Def.Method(r, abstractCtor, "of", 0, (Realm r, in CallArgs a) => r.Interp.Construct(a.This, [JsValue.FromPtr(r.NewArrayFrom(new ReadOnlySpan<JsValue>(a.Argv, a.Count)))], a.This));
        Def.Method(r, abstractCtor, "from", 1, (Realm r, in CallArgs a) => r.Interp.Construct(a.This, [JsValue.FromPtr(r.NewArrayFrom(ListOf(r, a[0], a[1])))], a.This));

        foreach (TypedKind k in Enum.GetValues<TypedKind>())
        {
            var kind = k;
            string name = k + "Array";
            nint proto = r.NewObject(JsValue.FromPtr(tap));
            r.PermanentRoots.Add(JsValue.FromPtr(proto));
            int size = TypedArrayData.ElementSize(kind);
            nint c = Def.Constructor(r, name, 3, (Realm r, in CallArgs a) =>
            {
                if (!a.IsConstruct) throw Def.TypeError(r, $"Constructor {name} requires 'new'");
                var pr = Def.ProtoFrom(r, a.NewTarget, proto);
                var arg = a[0];
                if (Realm.IsObject(arg) && Layout.Class(arg.Ptr) == ObjClass.ArrayBuffer)
                {
                    var bd = r.External<ArrayBufferData>(arg.Ptr);
                    int off = (int)r.ToIntegerOrInfinity(a[1]);
                    if (off % size != 0) throw Def.RangeError(r, $"start offset of {name} should be a multiple of {size}");
                    int len = a[2].IsUndefined ? (bd.Length - off) / size : (int)r.ToIntegerOrInfinity(a[2]);
                    if (a[2].IsUndefined && (bd.Length - off) % size != 0) throw Def.RangeError(r, $"byte length of {name} should be a multiple of {size}");
                    if (off < 0 || off + len * size > bd.Length) throw Def.RangeError(r, $"Invalid typed array length: {len}");
                    return NewTyped(r, kind, pr, arg, off, len);
                }
                if (Realm.IsObject(arg))
                {
                    using var hs = new HandleScope(r);
                    var list = new List<JsValue>();
                    int hl = hs.Add(arg);
                    if (Layout.Class(arg.Ptr) == ObjClass.TypedArray)
                    {
                        var sd = r.TypedArrayOf(arg.Ptr);
                        for (int i = 0; i < sd.Length; i++) list.Add(sd.Get(i));
                    }
                    else if (!r.Get(arg, PropKey.FromCell(r.SymIterator)).IsNullish) ObjectBuiltins.IterateValues(r, arg, v => { list.Add(JsValue.FromNumber(r.ToNumber(v))); return true; });
                    else { double n = ArrayPrototype.LengthOf(r, arg); for (uint i = 0; i < n; i++) list.Add(JsValue.FromNumber(r.ToNumber(r.Get(hs[hl], PropKey.FromIndex(i))))); }
                    var res = Create(r, kind, list.Count, pr.Ptr);
                    var rd = r.TypedArrayOf(res.Ptr);
                    for (int i = 0; i < list.Count; i++) rd.Set(i, r.ToNumber(list[i]));
                    return res;
                }
                double l = arg.IsUndefined ? 0 : r.ToIntegerOrInfinity(arg);
                if (l < 0 || l > (1 << 30) / size) throw Def.RangeError(r, "Invalid typed array length: " + NumberConversion.ToString(l));
                return Create(r, kind, (int)l, pr.Ptr);
            }, proto);
            r.DefineData(c, "BYTES_PER_ELEMENT", JsValue.FromInt(size), PropFlags.None);
            r.DefineData(proto, "BYTES_PER_ELEMENT", JsValue.FromInt(size), PropFlags.None);
            Layout.Proto(c) = JsValue.FromPtr(abstractCtor);
        }
    }

    static JsValue[] ListOf(Realm r, JsValue src, JsValue map)
    {
        var list = new List<JsValue>();
        int i = 0;
        if (!r.Get(src, PropKey.FromCell(r.SymIterator)).IsNullish) ObjectBuiltins.IterateValues(r, src, v => { list.Add(map.IsUndefined ? v : r.Interp.Call(map, JsValue.Undefined, [v, JsValue.FromInt(i++)])); return true; });
        else { double n = ArrayPrototype.LengthOf(r, src); for (uint k = 0; k < n; k++) { var v = r.Get(src, PropKey.FromIndex(k)); list.Add(map.IsUndefined ? v : r.Interp.Call(map, JsValue.Undefined, [v, JsValue.FromInt(i++)])); } }
        return [.. list];
    }
}
