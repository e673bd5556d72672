namespace Flywheel.Engine.Builtins;

/// <summary>Map, Set, WeakMap, WeakSet and the Map/Set iterators. Weak collections are ephemeron tables (see <see cref="CollectionData"/>).</summary>
internal static unsafe class CollectionBuiltins
{
    static CollectionData Data(Realm r, JsValue v, ObjClass cls, string method)
    {
        if (!Realm.IsObject(v) || Layout.Class(v.Ptr) != cls)
            throw Def.TypeError(r, $"Method {cls}.prototype.{method} called on incompatible receiver {r.Interp.Describe(v)}");
        return r.External<CollectionData>(v.Ptr);
    }

    public static void Setup(Realm r)
    {
        SetupKind(r, "Map", ObjClass.Map, r.MapPrototype, true, false);
        SetupKind(r, "Set", ObjClass.Set, r.SetPrototype, false, false);
        SetupKind(r, "WeakMap", ObjClass.WeakMap, r.WeakMapPrototype, true, true);
        SetupKind(r, "WeakSet", ObjClass.WeakSet, r.WeakSetPrototype, false, true);
        SetupIterator(r, r.MapIteratorPrototype, "Map Iterator", true);
        SetupIterator(r, r.SetIteratorPrototype, "Set Iterator", false);
    }

    static void SetupKind(Realm r, string name, ObjClass cls, nint proto, bool isMap, bool weak)
    {
        nint ctor = Def.Constructor(r, name, 0, (Realm r, in CallArgs a) =>
        {
            if (!a.IsConstruct) throw Def.TypeError(r, $"Constructor {name} requires 'new'");
            nint o = r.NewObjectWithExternal(Def.ProtoFrom(r, a.NewTarget, proto), cls, new CollectionData(weak));
            using var hs = new HandleScope(r);
            int ho = hs.Add(JsValue.FromPtr(o));
            if (!a[0].IsNullish)
            {
                var adder = r.Get(JsValue.FromPtr(o), r.Key(isMap ? "set" : "add"));
                int hadd = hs.Add(adder);
                if (!Realm.IsCallable(adder)) throw Def.TypeError(r, $"'{r.Interp.Describe(adder)}' returned for property '{(isMap ? "set" : "add")}' of object '#<{name}>' is not a function");
                ObjectBuiltins.IterateValues(r, a[0], v =>
                {
                    if (isMap)
                    {
                        if (!Realm.IsObject(v)) throw Def.TypeError(r, $"Iterator value {r.ToClrString(v)} is not an entry object");
                        var k = r.Get(v, PropKey.FromIndex(0));
                        int hk = hs.Add(k);
                        var val = r.Get(v, PropKey.FromIndex(1));
                        r.Interp.Call(hs[hadd], hs[ho], [hs[hk], val]);
                    }
                    else r.Interp.Call(hs[hadd], hs[ho], [v]);
                    return true;
                });
            }
            return hs[ho];
        }, proto);
        Def.Getter(r, ctor, "[Symbol.species]", (Realm r, in CallArgs a) => a.This, PropKey.FromCell(r.SymSpecies));
        Def.ToStringTag(r, proto, name);
        void CheckWeakKey(Realm r, JsValue k)
        {
            if (weak && !WeakRefBuiltins.CanBeHeldWeakly(k)) throw Def.TypeError(r, $"Invalid value used {(isMap ? "as weak map key" : "in weak set")}");
        }
        if (isMap)
        {
            Def.Method(r, proto, "get", 1, (Realm r, in CallArgs a) => Data(r, a.This, cls, "get").TryGet(r, a[0], out var v) ? v : JsValue.Undefined);
            Def.Method(r, proto, "set", 2, (Realm r, in CallArgs a) => { var d = Data(r, a.This, cls, "set"); CheckWeakKey(r, a[0]); d.Set(r, a[0], a[1]); return a.This; });
        }
        else Def.Method(r, proto, "add", 1, (Realm r, in CallArgs a) => { var d = Data(r, a.This, cls, "add"); CheckWeakKey(r, a[0]); d.Set(r, a[0], a[0]); return a.This; });
        Def.Method(r, proto, "has", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Data(r, a.This, cls, "has").Has(r, a[0])));
        Def.Method(r, proto, "delete", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Data(r, a.This, cls, "delete").Delete(r, a[0])));
        if (weak) return;
        Def.Method(r, proto, "clear", 0, (Realm r, in CallArgs a) => { Data(r, a.This, cls, "clear").Clear(); return JsValue.Undefined; });
        Def.Getter(r, proto, "size", (Realm r, in CallArgs a) => JsValue.FromInt(Data(r, a.This, cls, "size").Count));
        Def.Method(r, proto, "forEach", 1, (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This, cls, "forEach");
            if (!Realm.IsCallable(a[0])) throw Def.TypeError(r, r.Interp.Describe(a[0]) + " is not a function");
            var cursor = d.Start();
            var f = a[0]; var t = a[1]; var self = a.This;
            while (d.Next(cursor, out var k, out var v)) r.Interp.Call(f, t, [isMap ? v : k, k, self]);
            return JsValue.Undefined;
        });
        nint iterProto = isMap ? r.MapIteratorPrototype : r.SetIteratorPrototype;
        NativeFn Maker(int kind) => (Realm r, in CallArgs a) =>
        {
            var d = Data(r, a.This, cls, "entries");
            nint it = r.NewObjectWithExternal(JsValue.FromPtr(iterProto), ObjClass.Iterator, d.Start());
            Layout.Internal(it, 0) = a.This;
            Layout.Internal(it, 1) = JsValue.FromBool(isMap);
            Layout.Internal(it, 2) = JsValue.FromInt(kind);
            return JsValue.FromPtr(it);
        };
        nint entries = Def.Method(r, proto, "entries", 0, Maker(2));
        nint values = Def.Method(r, proto, "values", 0, Maker(1));
        if (isMap) Def.Method(r, proto, "keys", 0, Maker(0));
        else r.DefineData(proto, "keys", JsValue.FromPtr(values));
        r.DefineData(proto, PropKey.FromCell(r.SymIterator), JsValue.FromPtr(isMap ? entries : values), PropFlags.Hidden);
        if (isMap)
        {
            Def.Method(r, ctor, "groupBy", 2, (Realm r, in CallArgs a) =>
            {
                nint m = r.NewObjectWithExternal(JsValue.FromPtr(r.MapPrototype), ObjClass.Map, new CollectionData());
                var d = r.External<CollectionData>(m);
                using var hs = new HandleScope(r);
                hs.Add(JsValue.FromPtr(m));
                int hf = hs.Add(a[1]);
                int i = 0;
                ObjectBuiltins.IterateValues(r, a[0], v =>
                {
                    var k = r.Interp.Call(hs[hf], JsValue.Undefined, [v, JsValue.FromInt(i++)]);
                    if (!d.TryGet(r, k, out var arr)) { arr = JsValue.FromPtr(r.NewArray()); d.Set(r, k, arr); }
                    r.PutElement(arr.Ptr, Realm.ArrayLength(arr.Ptr), v);
                    return true;
                });
                return JsValue.FromPtr(m);
            });
        }
    }

    static void SetupIterator(Realm r, nint proto, string tag, bool forMap)
    {
        Def.Method(r, proto, "next", 0, (Realm r, in CallArgs a) =>
        {
            // Only Map/Set iterators carry a cursor: array or string iterators share the class but not the layout.
            if (!Realm.IsObject(a.This) || Layout.Class(a.This.Ptr) != ObjClass.Iterator || (Layout.Flags(a.This.Ptr) & CellFlags.External) == 0
                || r.External(Layout.Internal(a.This.Ptr, 3).Int32) is not CollectionData.Cursor || Layout.Internal(a.This.Ptr, 1).IsTrue != forMap)
                throw Def.TypeError(r, "next method called on incompatible receiver " + r.Interp.Describe(a.This));
            nint it = a.This.Ptr;
            var coll = Layout.Internal(it, 0);
            if (coll.IsUndefined) return r.IterResult(JsValue.Undefined, true);
            var d = r.External<CollectionData>(coll.Ptr);
            if (!d.Next(r.External<CollectionData.Cursor>(it), out var k, out var v)) { Layout.Internal(it, 0) = JsValue.Undefined; return r.IterResult(JsValue.Undefined, true); }
            int kind = Layout.Internal(it, 2).Int32;
            bool isMap = Layout.Class(coll.Ptr) == ObjClass.Map;
            var val = kind == 0 ? k : kind == 1 ? (isMap ? v : k) : JsValue.FromPtr(r.NewArrayFrom([k, isMap ? v : k]));
            return r.IterResult(val, false);
        });
        Def.ToStringTag(r, proto, tag);
    }
}
