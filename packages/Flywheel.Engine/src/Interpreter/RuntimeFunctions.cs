namespace Flywheel.Engine.Interpreter;

/// <summary>Operations reached through CallRuntime: rare or bulky enough not to deserve an opcode.</summary>
internal enum RuntimeId : ushort
{
    GlobalThis, RunFieldInit, ThrowDestructureNullish, ObjectRest, IteratorCloseQuiet, SetProtoLiteral, SetupMethod,
    DeleteGlobal, YieldStarStep, PrivateGet, PrivateSet, PrivateDefine, NewPrivateName, CreateClass, SetFieldInit,
    SetHomeObject, SetReceiver,
    // Scopes (Interp.Scopes.cs): mapped arguments, direct eval, dynamic bindings.
    CreateMappedArguments, DirectEval, DeclareEvalVar, WithObject, DeleteDynamic, CheckIterResult,
}

internal static unsafe class RuntimeFunctions
{
    public static JsValue Call(Realm realm, ulong* fp, RuntimeId id, JsValue* a, int argc)
    {
        switch (id)
        {
            case RuntimeId.GlobalThis: return JsValue.FromPtr(realm.GlobalObject);
            case RuntimeId.CreateMappedArguments: return realm.Interp.CreateMappedArguments(fp, a, argc);
            case RuntimeId.DirectEval: return realm.Interp.DirectEval(fp, a, argc);
            case RuntimeId.DeclareEvalVar: return realm.Interp.DeclareEvalVar(fp, a);
            case RuntimeId.WithObject: return realm.Interp.WithObject(a[0]);
            case RuntimeId.DeleteDynamic: return realm.Interp.DeleteDynamic(fp, a);
            case RuntimeId.CheckIterResult:
                if (!Realm.IsObject(a[0])) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Iterator result {realm.Interp.Describe(a[0])} is not an object"));
                return a[0];
            case RuntimeId.RunFieldInit:
                {
                    var f = new JsValue(fp[JsStack.CalleeSlot]);
                    // Arrow functions and nested code reach the constructor through the frame's callee only in constructors.
                    var init = Layout.Internal(f.Ptr, 3);
                    if (Realm.IsCallable(init)) realm.Interp.Call(init, a[0], []);
                    return a[0];
                }
            case RuntimeId.ThrowDestructureNullish:
                throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot destructure '{realm.ToClrString(a[0])}' as it is {(a[0].IsNull ? "null" : "undefined")}."));
            case RuntimeId.ObjectRest:
                {
                    nint target = realm.NewObject(JsValue.FromPtr(realm.ObjectPrototype));
                    var excluded = new HashSet<ulong>();
                    for (int i = 1; i < argc; i++) excluded.Add(realm.ToPropertyKey(a[i]).Bits);
                    Builtins.ObjectBuiltins.CopyDataProperties(realm, target, a[0], excluded);
                    return JsValue.FromPtr(target);
                }
            case RuntimeId.IteratorCloseQuiet:
                try { realm.Interp.IteratorClose(a[0]); } catch (JsThrow) { }
                return JsValue.Undefined;
            case RuntimeId.SetProtoLiteral:
                if (Realm.IsObject(a[1]) || a[1].IsNull) Layout.Proto(a[0].Ptr) = a[1];
                return JsValue.Undefined;
            case RuntimeId.SetupMethod:
                {
                    // (fn, home, computedKey, prefix)
                    nint f = a[0].Ptr;
                    if (!a[1].IsUndefined) Layout.Internal(f, 2) = a[1];
                    if (!a[2].IsUndefined)
                    {
                        var k = realm.ToPropertyKey(a[2]);
                        string name = k.IsSymbol ? DescribeSymbolName(realm, k.Ptr) : realm.KeyToClr(k);
                        if (!a[3].IsUndefined) name = Realm.ToClr(a[3]) + " " + name;
                        realm.DefineData(f, realm.KName, realm.Str(name), PropFlags.Configurable);
                    }
                    return a[0];
                }
            case RuntimeId.DeleteGlobal:
                return JsValue.FromBool(realm.DeleteOwn(realm.GlobalObject, realm.KeyFromString(a[0])));
            case RuntimeId.YieldStarStep: return YieldStarStep(realm, a);
            case RuntimeId.PrivateGet:
                {
                    var k = PropKey.FromCell(a[1].Ptr);
                    if (!Realm.IsObject(a[0]) || !realm.GetOwnRaw(a[0].Ptr, k, out _, out _))
                        throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot read private member {Realm.ToClr(Layout.Val(a[1].Ptr, 8))} from an object whose class did not declare it"));
                    return realm.Get(a[0], k);
                }
            case RuntimeId.PrivateSet:
                {
                    var k = PropKey.FromCell(a[1].Ptr);
                    if (!Realm.IsObject(a[0]) || !realm.GetOwnRaw(a[0].Ptr, k, out _, out var fl))
                        throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot write private member {Realm.ToClr(Layout.Val(a[1].Ptr, 8))} to an object whose class did not declare it"));
                    if ((fl & (PropFlags.Writable | PropFlags.Accessor)) == 0)
                        throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Private method '{Realm.ToClr(Layout.Val(a[1].Ptr, 8))}' is not writable"));
                    realm.Set(a[0], k, a[2], true);
                    return a[2];
                }
            case RuntimeId.PrivateDefine:
                {
                    var k = PropKey.FromCell(a[1].Ptr);
                    if (realm.GetOwnRaw(a[0].Ptr, k, out _, out _))
                        throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Cannot initialize private field twice on the same object"));
                    bool isMethod = Realm.IsCallable(a[2]) && (Functions.Kind(a[2].Ptr) == FunctionKind.Bytecode) && (Functions.Template(realm, a[2].Ptr).Flags & FunctionFlags.Method) != 0 && !Layout.Internal(a[2].Ptr, 2).IsUndefined;
                    realm.AddOwn(a[0].Ptr, k, a[2], isMethod ? PropFlags.None : PropFlags.Writable);
                    return a[2];
                }
            case RuntimeId.NewPrivateName:
                {
                    nint s = realm.NewSymbol(a[0]);
                    Layout.Flags(s) |= CellFlags.Atom; // private
                    return JsValue.FromPtr(s);
                }
            case RuntimeId.CreateClass: return CreateClass(realm, a[0], a[1]);
            case RuntimeId.SetFieldInit:
                Layout.Internal(a[0].Ptr, 3) = a[1];
                Layout.Internal(a[1].Ptr, 2) = Layout.Internal(a[0].Ptr, 2).IsUndefined ? realm.Get(a[0], realm.KPrototype) : Layout.Internal(a[0].Ptr, 2);
                return JsValue.Undefined;
            case RuntimeId.SetHomeObject:
                Layout.Internal(a[0].Ptr, 2) = a[1];
                return a[0];
            case RuntimeId.SetReceiver:
                fp[JsStack.ReceiverSlot] = a[0].Bits;
                return a[0];
        }
        throw new InvalidOperationException("unknown runtime function " + id);
    }

    static string DescribeSymbolName(Realm realm, nint sym)
    {
        var d = Layout.Val(sym, 8);
        return d.IsUndefined ? "" : "[" + Realm.ToClr(d) + "]";
    }

    static JsValue CreateClass(Realm realm, JsValue ctor, JsValue super)
    {
        nint c = ctor.Ptr;
        var protoParent = JsValue.FromPtr(realm.ObjectPrototype);
        var ctorParent = JsValue.FromPtr(realm.FunctionPrototype);
        if (!super.IsEmpty)
        {
            if (super.IsNull) { protoParent = JsValue.Null; }
            else
            {
                if (!Realm.IsConstructor(super)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Class extends value {realm.Interp.Describe(super)} is not a constructor or null"));
                protoParent = realm.Get(super, realm.KPrototype);
                if (!Realm.IsObject(protoParent) && !protoParent.IsNull) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Class extends value does not have valid prototype property"));
                ctorParent = super;
            }
        }
        realm.NoteStructureChange(c);
        Layout.Proto(c) = ctorParent;
        var proto = realm.Get(ctor, realm.KPrototype);
        realm.NoteStructureChange(proto.Ptr);
        Layout.Proto(proto.Ptr) = protoParent;
        Layout.Internal(c, 2) = proto;
        return proto;
    }

    static JsValue YieldStarStep(Realm realm, JsValue* a)
    {
        // a: iterator, next, mode, received
        var iter = a[0];
        int mode = a[2].Int32;
        JsValue r;
        if (mode == 0) r = realm.Interp.Call(a[1], iter, [a[3]]);
        else if (mode == 1)
        {
            var th = realm.Get(iter, realm.KThrow);
            if (th.IsNullish)
            {
                realm.Interp.IteratorClose(iter);
                throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "The iterator does not provide a 'throw' method"));
            }
            r = realm.Interp.Call(th, iter, [a[3]]);
        }
        else
        {
            var ret = realm.Get(iter, realm.KReturn);
            if (ret.IsNullish) return realm.IterResult(a[3], true);
            r = realm.Interp.Call(ret, iter, [a[3]]);
        }
        if (!Realm.IsObject(r)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Iterator result {realm.Interp.Describe(r)} is not an object"));
        return r;
    }
}
