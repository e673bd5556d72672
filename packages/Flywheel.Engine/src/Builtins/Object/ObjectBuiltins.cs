namespace Flywheel.Engine.Builtins;

/// <summary>The Object constructor, Object.prototype, and the descriptor helpers other built-ins share.</summary>
internal static unsafe class ObjectBuiltins
{
    public static void Setup(Realm r)
    {
        nint proto = r.ObjectPrototype;
        nint c = Def.Constructor(r, "Object", 1, (Realm r, in CallArgs a) =>
        {
            if (a.IsConstruct && a.NewTarget.Bits != a.Callee.Bits) return JsValue.FromPtr(r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.ObjectPrototype)));
            var v = a[0];
            if (v.IsNullish) return JsValue.FromPtr(r.NewObject(JsValue.FromPtr(r.ObjectPrototype)));
            return JsValue.FromPtr(r.ToObject(v));
        }, proto);
        r.ObjectConstructor = c;
        Def.Method(r, c, "keys", 1, (Realm r, in CallArgs a) => EnumerableOwn(r, a[0], 0));
        Def.Method(r, c, "values", 1, (Realm r, in CallArgs a) => EnumerableOwn(r, a[0], 1));
        Def.Method(r, c, "entries", 1, (Realm r, in CallArgs a) => EnumerableOwn(r, a[0], 2));
        Def.Method(r, c, "assign", 2, (Realm r, in CallArgs a) =>
        {
            nint t = r.ToObject(a[0]);
            for (int i = 1; i < a.Count; i++)
            {
                var src = a[i];
                if (src.IsNullish) continue;
                nint s = r.ToObject(src);
                foreach (var k in r.OwnKeys(s))
                    if (r.GetOwnRaw(s, k, out _, out var f) && (f & PropFlags.Enumerable) != 0)
                        r.Set(JsValue.FromPtr(t), k, r.Get(JsValue.FromPtr(s), k), true);
            }
            return JsValue.FromPtr(t);
        });
        Def.Method(r, c, "create", 2, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a[0]) && !a[0].IsNull) throw Def.TypeError(r, "Object prototype may only be an Object or null: " + r.ToClrString(a[0]));
            nint o = r.NewObject(a[0]);
            if (!a[1].IsUndefined) DefineProperties(r, o, a[1]);
            return JsValue.FromPtr(o);
        });
        Def.Method(r, c, "defineProperty", 3, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a[0])) throw Def.TypeError(r, "Object.defineProperty called on non-object");
            DefinePropertyOrThrow(r, a[0].Ptr, r.ToPropertyKey(a[1]), ToPropertyDescriptor(r, a[2]));
            return a[0];
        });
        Def.Method(r, c, "defineProperties", 2, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a[0])) throw Def.TypeError(r, "Object.defineProperties called on non-object");
            DefineProperties(r, a[0].Ptr, a[1]);
            return a[0];
        });
        Def.Method(r, c, "getOwnPropertyDescriptor", 2, (Realm r, in CallArgs a) =>
        {
            nint o = r.ToObject(a[0]);
            return r.GetOwnProperty(o, r.ToPropertyKey(a[1]), out var d) ? FromPropertyDescriptor(r, d) : JsValue.Undefined;
        });
        Def.Method(r, c, "getOwnPropertyDescriptors", 1, (Realm r, in CallArgs a) =>
        {
            nint o = r.ToObject(a[0]);
            nint res = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
            foreach (var k in r.OwnKeys(o))
                if (r.GetOwnProperty(o, k, out var d)) r.DefineData(res, k, FromPropertyDescriptor(r, d));
            return JsValue.FromPtr(res);
        });
        Def.Method(r, c, "getOwnPropertyNames", 1, (Realm r, in CallArgs a) => KeysArray(r, r.OwnKeys(r.ToObject(a[0]), true, false)));
        Def.Method(r, c, "getOwnPropertySymbols", 1, (Realm r, in CallArgs a) => KeysArray(r, r.OwnKeys(r.ToObject(a[0]), false, true)));
        Def.Method(r, c, "getPrototypeOf", 1, (Realm r, in CallArgs a) => Layout.Proto(r.ToObject(a[0])));
        Def.Method(r, c, "setPrototypeOf", 2, (Realm r, in CallArgs a) =>
        {
            if (a[0].IsNullish) throw Def.TypeError(r, "Object.setPrototypeOf called on null or undefined");
            if (!Realm.IsObject(a[1]) && !a[1].IsNull) throw Def.TypeError(r, "Object prototype may only be an Object or null: " + r.ToClrString(a[1]));
            if (Realm.IsObject(a[0]) && !SetPrototype(r, a[0].Ptr, a[1]))
                throw Def.TypeError(r, r.IsExtensible(a[0].Ptr) ? "Cyclic __proto__ value" : "#<Object> is not extensible");
            return a[0];
        });
        Def.Method(r, c, "freeze", 1, (Realm r, in CallArgs a) => { if (Realm.IsObject(a[0])) SetIntegrity(r, a[0].Ptr, true); return a[0]; });
        Def.Method(r, c, "seal", 1, (Realm r, in CallArgs a) => { if (Realm.IsObject(a[0])) SetIntegrity(r, a[0].Ptr, false); return a[0]; });
        Def.Method(r, c, "preventExtensions", 1, (Realm r, in CallArgs a) => { if (Realm.IsObject(a[0])) Layout.Flags(a[0].Ptr) |= CellFlags.NotExtensible; return a[0]; });
        Def.Method(r, c, "isFrozen", 1, (Realm r, in CallArgs a) => JsValue.FromBool(!Realm.IsObject(a[0]) || TestIntegrity(r, a[0].Ptr, true)));
        Def.Method(r, c, "isSealed", 1, (Realm r, in CallArgs a) => JsValue.FromBool(!Realm.IsObject(a[0]) || TestIntegrity(r, a[0].Ptr, false)));
        Def.Method(r, c, "isExtensible", 1, (Realm r, in CallArgs a) => JsValue.FromBool(Realm.IsObject(a[0]) && r.IsExtensible(a[0].Ptr)));
        Def.Method(r, c, "is", 2, (Realm r, in CallArgs a) => JsValue.FromBool(Realm.SameValue(a[0], a[1])));
        Def.Method(r, c, "fromEntries", 1, (Realm r, in CallArgs a) =>
        {
            nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
            using var hs = new HandleScope(r);
            int h = hs.Add(JsValue.FromPtr(o));
            IterateValues(r, a[0], entry =>
            {
                if (!Realm.IsObject(entry)) throw Def.TypeError(r, $"Iterator value {r.ToClrString(entry)} is not an entry object");
                var k = r.Get(entry, PropKey.FromIndex(0));
                var v = r.Get(entry, PropKey.FromIndex(1));
                r.DefineData(hs[h].Ptr, r.ToPropertyKey(k), v);
                return true;
            });
            return hs[h];
        });
        Def.Method(r, c, "groupBy", 2, (Realm r, in CallArgs a) =>
        {
            nint o = r.NewObject(JsValue.Null);
            using var hs = new HandleScope(r);
            int h = hs.Add(JsValue.FromPtr(o));
            int hf = hs.Add(a[1]);
            int i = 0;
            IterateValues(r, a[0], v =>
            {
                var k = r.ToPropertyKey(r.Interp.Call(hs[hf], JsValue.Undefined, [v, JsValue.FromInt(i++)]));
                var arr = r.Get(hs[h], k);
                if (arr.IsUndefined) { arr = JsValue.FromPtr(r.NewArray()); r.DefineData(hs[h].Ptr, k, arr); }
                r.PutElement(arr.Ptr, Realm.ArrayLength(arr.Ptr), v);
                return true;
            });
            return hs[h];
        });

        Def.Method(r, proto, "hasOwnProperty", 1, (Realm r, in CallArgs a) =>
        {
            var k = r.ToPropertyKey(a[0]);
            return JsValue.FromBool(r.GetOwnRaw(r.ToObject(a.This), k, out _, out _));
        });
        Def.Method(r, c, "hasOwn", 2, (Realm r, in CallArgs a) =>
        {
            nint o = r.ToObject(a[0]);
            return JsValue.FromBool(r.GetOwnRaw(o, r.ToPropertyKey(a[1]), out _, out _));
        });
        Def.Method(r, proto, "isPrototypeOf", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a[0])) return JsValue.False;
            nint o = r.ToObject(a.This);
            for (var p = Layout.Proto(a[0].Ptr); p.IsCell; p = Layout.Proto(p.Ptr)) if (p.Ptr == o) return JsValue.True;
            return JsValue.False;
        });
        Def.Method(r, proto, "propertyIsEnumerable", 1, (Realm r, in CallArgs a) =>
        {
            var k = r.ToPropertyKey(a[0]);
            return JsValue.FromBool(r.GetOwnRaw(r.ToObject(a.This), k, out _, out var f) && (f & PropFlags.Enumerable) != 0);
        });
        Def.Method(r, proto, "__defineGetter__", 2, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a[1])) throw Def.TypeError(r, "Object.prototype.__defineGetter__: Expecting function");
            r.DefineAccessor(r.ToObject(a.This), r.ToPropertyKey(a[0]), a[1], JsValue.Empty, PropFlags.Enumerable | PropFlags.Configurable);
            return JsValue.Undefined;
        });
        Def.Method(r, proto, "__defineSetter__", 2, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a[1])) throw Def.TypeError(r, "Object.prototype.__defineSetter__: Expecting function");
            r.DefineAccessor(r.ToObject(a.This), r.ToPropertyKey(a[0]), JsValue.Empty, a[1], PropFlags.Enumerable | PropFlags.Configurable);
            return JsValue.Undefined;
        });
        Def.Method(r, proto, "__lookupGetter__", 1, (Realm r, in CallArgs a) => LookupAccessor(r, a.This, a[0], true));
        Def.Method(r, proto, "__lookupSetter__", 1, (Realm r, in CallArgs a) => LookupAccessor(r, a.This, a[0], false));
        Def.Method(r, proto, "toString", 0, (Realm r, in CallArgs a) => r.Str(ObjectToString(r, a.This)));
        Def.Method(r, proto, "toLocaleString", 0, (Realm r, in CallArgs a) => r.Interp.Call(r.Get(a.This, r.KToString), a.This, []));
        Def.Method(r, proto, "valueOf", 0, (Realm r, in CallArgs a) => JsValue.FromPtr(r.ToObject(a.This)));
        r.DefineAccessor(proto, r.Key("__proto__"),
            JsValue.FromPtr(r.NewNative("get __proto__", 0, (Realm r, in CallArgs a) => Layout.Proto(r.ToObject(a.This)))),
            JsValue.FromPtr(r.NewNative("set __proto__", 1, (Realm r, in CallArgs a) =>
            {
                if (Realm.IsObject(a.This) && (Realm.IsObject(a[0]) || a[0].IsNull) && !SetPrototype(r, a.This.Ptr, a[0])) throw Def.TypeError(r, "Cyclic __proto__ value");
                return JsValue.Undefined;
            })), PropFlags.Configurable);
    }

    static JsValue LookupAccessor(Realm r, JsValue thisv, JsValue key, bool getter)
    {
        var k = r.ToPropertyKey(key);
        for (var p = JsValue.FromPtr(r.ToObject(thisv)); p.IsCell; p = Layout.Proto(p.Ptr))
            if (r.GetOwnProperty(p.Ptr, k, out var d))
                return d.IsAccessor ? (getter ? d.Getter : d.Setter) : JsValue.Undefined;
        return JsValue.Undefined;
    }

    public static bool SetPrototype(Realm r, nint o, JsValue proto)
    {
        if (Layout.Proto(o).Bits == proto.Bits) return true;
        for (var p = proto; p.IsCell; p = Layout.Proto(p.Ptr)) if (p.Ptr == o) return false;
        if (!r.IsExtensible(o)) return false;
        r.NoteStructureChange(o);
        Layout.Proto(o) = proto;
        return true;
    }

    public static string ObjectToString(Realm r, JsValue v)
    {
        if (v.IsUndefined) return "[object Undefined]";
        if (v.IsNull) return "[object Null]";
        nint o = r.ToObject(v);
        string builtinTag = Layout.Class(o) switch
        {
            ObjClass.Array => "Array",
            ObjClass.Function => "Function",
            ObjClass.Error => "Error",
            ObjClass.Boolean => "Boolean",
            ObjClass.Number => "Number",
            ObjClass.String => "String",
            ObjClass.Date => "Date",
            ObjClass.RegExp => "RegExp",
            ObjClass.Arguments => "Arguments",
            _ => "Object",
        };
        var tag = r.Get(JsValue.FromPtr(o), PropKey.FromCell(r.SymToStringTag));
        return "[object " + (Realm.IsString(tag) ? Realm.ToClr(tag) : builtinTag) + "]";
    }

    static JsValue KeysArray(Realm r, List<PropKey> keys)
    {
        nint arr = r.NewArray(keys.Count);
        for (int i = 0; i < keys.Count; i++) r.PutElement(arr, (uint)i, r.KeyToValue(keys[i]));
        return JsValue.FromPtr(arr);
    }

    /// <summary>Object.keys/values/entries (kind 0/1/2).</summary>
    static JsValue EnumerableOwn(Realm r, JsValue v, int kind)
    {
        nint o = r.ToObject(v);
        using var hs = new HandleScope(r);
        int ho = hs.Add(JsValue.FromPtr(o));
        nint arr = r.NewArray();
        int ha = hs.Add(JsValue.FromPtr(arr));
        uint n = 0;
        foreach (var k in r.OwnKeys(o, true, false))
        {
            if (!r.GetOwnRaw(hs[ho].Ptr, k, out _, out var f) || (f & PropFlags.Enumerable) == 0) continue;
            JsValue item;
            if (kind == 0) item = r.KeyToValue(k);
            else
            {
                var val = r.Get(hs[ho], k);
                if (kind == 1) item = val;
                else
                {
                    int hv = hs.Add(val);
                    var kv = r.KeyToValue(k);
                    item = JsValue.FromPtr(r.NewArrayFrom([kv, hs[hv]]));
                }
            }
            r.PutElement(hs[ha].Ptr, n++, item);
        }
        return hs[ha];
    }

    public static void CopyDataProperties(Realm r, nint target, JsValue source, HashSet<ulong>? excluded)
    {
        if (source.IsNullish) return;
        nint s = r.ToObject(source);
        foreach (var k in r.OwnKeys(s))
        {
            if (excluded != null && excluded.Contains(k.Bits)) continue;
            if (!r.GetOwnRaw(s, k, out _, out var f) || (f & PropFlags.Enumerable) == 0) continue;
            r.DefineData(target, k, r.Get(JsValue.FromPtr(s), k));
        }
    }

    public static void SetIntegrity(Realm r, nint o, bool frozen)
    {
        // Mapped arguments: per-element redefinition is what breaks the aliasing.
        if (Layout.Class(o) == ObjClass.Arguments) r.MakeSparse(o);
        if (frozen && Layout.Class(o) == ObjClass.TypedArray && r.TypedArrayOf(o).Length > 0)
        {
            Layout.Flags(o) |= CellFlags.NotExtensible;
            throw Def.TypeError(r, "Cannot freeze array buffer views with elements");
        }
        foreach (var k in r.OwnKeys(o))
        {
            if (k.IsIndex && !Realm.IsSparse(o) && Layout.Class(o) != ObjClass.TypedArray) continue;
            if (k.Bits == r.KLength.Bits && Layout.Class(o) == ObjClass.Array) continue;
            if (!r.GetOwnProperty(o, k, out var d)) continue;
            d.Configurable = false;
            if (frozen && !d.IsAccessor) d.Writable = false;
            if (Layout.Class(o) == ObjClass.TypedArray && k.IsIndex) continue;
            if (d.IsAccessor) r.DefineAccessor(o, k, d.Getter, d.Setter, d.Flags & ~PropFlags.Accessor);
            else r.DefineData(o, k, d.Value, d.Flags);
        }
        if (!Realm.IsSparse(o)) Layout.Flags(o) |= frozen ? CellFlags.FrozenElements : CellFlags.SealedElements;
        Layout.Flags(o) |= CellFlags.NotExtensible;
    }

    static bool TestIntegrity(Realm r, nint o, bool frozen)
    {
        if (r.IsExtensible(o)) return false;
        foreach (var k in r.OwnKeys(o))
        {
            if (!r.GetOwnProperty(o, k, out var d)) continue;
            // V8 counts typed array elements as sealed once the view is not extensible (they are writable, so never frozen).
            if (d.Configurable && !(k.IsIndex && Layout.Class(o) == ObjClass.TypedArray)) return false;
            if (frozen && !d.IsAccessor && d.Writable) return false;
        }
        return true;
    }

    public static PropDesc ToPropertyDescriptor(Realm r, JsValue v)
    {
        if (!Realm.IsObject(v)) throw Def.TypeError(r, "Property description must be an object: " + r.ToClrString(v));
        var d = new PropDesc();
        nint o = v.Ptr;
        if (r.HasProperty(o, r.KEnumerable)) { d.Has |= PropDesc.Fields.Enumerable; d.Enumerable = Realm.ToBoolean(r.Get(v, r.KEnumerable)); }
        if (r.HasProperty(o, r.KConfigurable)) { d.Has |= PropDesc.Fields.Configurable; d.Configurable = Realm.ToBoolean(r.Get(v, r.KConfigurable)); }
        if (r.HasProperty(o, r.KValue)) { d.Has |= PropDesc.Fields.Value; d.Value = r.Get(v, r.KValue); }
        if (r.HasProperty(o, r.KWritable)) { d.Has |= PropDesc.Fields.Writable; d.Writable = Realm.ToBoolean(r.Get(v, r.KWritable)); }
        if (r.HasProperty(o, r.KGet))
        {
            d.Has |= PropDesc.Fields.Get; d.Getter = r.Get(v, r.KGet);
            if (!d.Getter.IsUndefined && !Realm.IsCallable(d.Getter)) throw Def.TypeError(r, "Getter must be a function: " + r.ToClrString(d.Getter));
        }
        if (r.HasProperty(o, r.KSet))
        {
            d.Has |= PropDesc.Fields.Set; d.Setter = r.Get(v, r.KSet);
            if (!d.Setter.IsUndefined && !Realm.IsCallable(d.Setter)) throw Def.TypeError(r, "Setter must be a function: " + r.ToClrString(d.Setter));
        }
        if (d.IsAccessor && (d.Has & (PropDesc.Fields.Value | PropDesc.Fields.Writable)) != 0)
            throw Def.TypeError(r, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
        return d;
    }

    public static JsValue FromPropertyDescriptor(Realm r, PropDesc d)
    {
        nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        if (d.IsAccessor)
        {
            r.AddOwn(o, r.KGet, d.Getter.IsEmpty ? JsValue.Undefined : d.Getter, PropFlags.Default);
            r.AddOwn(o, r.KSet, d.Setter.IsEmpty ? JsValue.Undefined : d.Setter, PropFlags.Default);
        }
        else
        {
            r.AddOwn(o, r.KValue, d.Value, PropFlags.Default);
            r.AddOwn(o, r.KWritable, JsValue.FromBool(d.Writable), PropFlags.Default);
        }
        r.AddOwn(o, r.KEnumerable, JsValue.FromBool(d.Enumerable), PropFlags.Default);
        r.AddOwn(o, r.KConfigurable, JsValue.FromBool(d.Configurable), PropFlags.Default);
        return JsValue.FromPtr(o);
    }

    static void DefineProperties(Realm r, nint o, JsValue props)
    {
        nint p = r.ToObject(props);
        var list = new List<(PropKey, PropDesc)>();
        foreach (var k in r.OwnKeys(p))
            if (r.GetOwnRaw(p, k, out _, out var f) && (f & PropFlags.Enumerable) != 0)
                list.Add((k, ToPropertyDescriptor(r, r.Get(JsValue.FromPtr(p), k))));
        foreach (var (k, d) in list) DefinePropertyOrThrow(r, o, k, d);
    }

    /// <summary>[[DefineOwnProperty]] with ValidateAndApplyPropertyDescriptor's checks.</summary>
    public static void DefinePropertyOrThrow(Realm r, nint o, PropKey key, PropDesc d)
    {
        if (DefineOwnProperty(r, o, key, d)) return;
        if (Layout.Class(o) == ObjClass.TypedArray && r.TypedArrayNumericKey(o, key, out int element) && element < 0) throw Def.TypeError(r, "Invalid typed array index");
        throw Def.TypeError(r, $"Cannot redefine property: {r.KeyToClr(key)}");
    }

    public static bool DefineOwnProperty(Realm r, nint o, PropKey key, PropDesc d)
    {
        if (Layout.Class(o) == ObjClass.TypedArray && r.TypedArrayNumericKey(o, key, out int element))
        {
            // IntegerIndexedExotic [[DefineOwnProperty]]: only a valid index, and only as a writable,
            // enumerable, configurable data property.
            if (element < 0) return false;
            if ((d.Has & PropDesc.Fields.Configurable) != 0 && !d.Configurable) return false;
            if ((d.Has & PropDesc.Fields.Enumerable) != 0 && !d.Enumerable) return false;
            if (d.IsAccessor) return false;
            if ((d.Has & PropDesc.Fields.Writable) != 0 && !d.Writable) return false;
            if ((d.Has & PropDesc.Fields.Value) != 0) r.TypedArrayOf(o).Set(element, r.ToNumber(d.Value));
            return true;
        }
        bool exists = r.GetOwnProperty(o, key, out var cur);
        if (!exists)
        {
            if (!r.IsExtensible(o)) return false;
            if (Layout.Class(o) == ObjClass.Array && key.IsIndex && key.Index >= Realm.ArrayLength(o) && (Layout.Flags(o) & CellFlags.FrozenElements) != 0) return false;
            var fl = (d.Enumerable ? PropFlags.Enumerable : 0) | (d.Configurable ? PropFlags.Configurable : 0);
            if (d.IsAccessor) r.DefineAccessor(o, key, d.Getter.IsEmpty ? JsValue.Undefined : d.Getter, d.Setter.IsEmpty ? JsValue.Undefined : d.Setter, fl);
            else r.DefineData(o, key, (d.Has & PropDesc.Fields.Value) != 0 ? d.Value : JsValue.Undefined, fl | (d.Writable ? PropFlags.Writable : 0));
            return true;
        }
        if (Layout.Class(o) == ObjClass.Array && key.Bits == r.KLength.Bits)
        {
            if ((d.Has & PropDesc.Fields.Value) != 0)
            {
                if (!cur.Writable && !Realm.SameValue(JsValue.FromNumber(r.ToArrayLength(d.Value)), cur.Value)) return false;
                if (!r.SetArrayLength(o, r.ToArrayLength(d.Value))) return false;
            }
            if ((d.Has & PropDesc.Fields.Writable) != 0 && !d.Writable) Layout.Flags(o) |= CellFlags.FrozenElements;
            return true;
        }
        if (!cur.Configurable)
        {
            if ((d.Has & PropDesc.Fields.Configurable) != 0 && d.Configurable) return false;
            if ((d.Has & PropDesc.Fields.Enumerable) != 0 && d.Enumerable != cur.Enumerable) return false;
            if (d.IsAccessor != cur.IsAccessor && (d.IsAccessor || (d.Has & (PropDesc.Fields.Value | PropDesc.Fields.Writable)) != 0)) return false;
            if (cur.IsAccessor)
            {
                if ((d.Has & PropDesc.Fields.Get) != 0 && d.Getter.Bits != cur.Getter.Bits) return false;
                if ((d.Has & PropDesc.Fields.Set) != 0 && d.Setter.Bits != cur.Setter.Bits) return false;
            }
            else if (!cur.Writable)
            {
                if ((d.Has & PropDesc.Fields.Writable) != 0 && d.Writable) return false;
                if ((d.Has & PropDesc.Fields.Value) != 0 && !Realm.SameValue(d.Value, cur.Value)) return false;
            }
        }
        bool en = (d.Has & PropDesc.Fields.Enumerable) != 0 ? d.Enumerable : cur.Enumerable;
        bool cf = (d.Has & PropDesc.Fields.Configurable) != 0 ? d.Configurable : cur.Configurable;
        var flags = (en ? PropFlags.Enumerable : 0) | (cf ? PropFlags.Configurable : 0);
        if (d.IsAccessor)
        {
            var g = (d.Has & PropDesc.Fields.Get) != 0 ? d.Getter : cur.IsAccessor ? cur.Getter : JsValue.Undefined;
            var s = (d.Has & PropDesc.Fields.Set) != 0 ? d.Setter : cur.IsAccessor ? cur.Setter : JsValue.Undefined;
            if (!cur.IsAccessor) r.DeleteOwn(o, key);
            r.DefineAccessor(o, key, g, s, flags);
        }
        else
        {
            bool wr = (d.Has & PropDesc.Fields.Writable) != 0 ? d.Writable : !cur.IsAccessor && cur.Writable;
            var v = (d.Has & PropDesc.Fields.Value) != 0 ? d.Value : cur.IsAccessor ? JsValue.Undefined : cur.Value;
            r.DefineData(o, key, v, flags | (wr ? PropFlags.Writable : 0));
        }
        return true;
    }

    /// <summary>Iterates any iterable, calling <paramref name="each"/> until it returns false (closing the iterator then).</summary>
    public static void IterateValues(Realm r, JsValue iterable, Func<JsValue, bool> each)
    {
        using var hs = new HandleScope(r);
        JsValue* it = stackalloc JsValue[2];
        r.Interp.GetIterator(iterable, it);
        int hi = hs.Add(it[0]), hn = hs.Add(it[1]);
        while (true)
        {
            it[0] = hs[hi]; it[1] = hs[hn];
            if (!r.Interp.IteratorStep(it, out var v)) return;
            bool cont;
            try { cont = each(v); }
            catch (JsThrow) { try { r.Interp.IteratorClose(hs[hi]); } catch (JsThrow) { } throw; }
            if (!cont) { r.Interp.IteratorClose(hs[hi]); return; }
        }
    }
}
