namespace Flywheel.Engine.Interpreter;

/// <summary>Scope operations the compiler cannot resolve statically: mapped arguments, direct eval, with and eval-declared vars.</summary>
internal sealed unsafe partial class Interp
{
    /// <summary>
    /// The arguments object of a sloppy function with simple parameters: <paramref name="slots"/>[i]
    /// holds the Smi context slot of parameter i in the current (function) context, or -1.
    /// </summary>
    public JsValue CreateMappedArguments(ulong* fp, JsValue* slots, int count)
    {
        var args = CreateArguments(fp);
        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
        Span<int> map = stackalloc int[count];
        for (int i = 0; i < count; i++) map[i] = slots[i].Int32;
        return JsValue.FromPtr(realm.NewMappedArguments(args.Ptr, (nint)fp[JsStack.ContextSlot], map, argc));
    }
}

internal sealed unsafe partial class Interp
{
    /// <summary>The object in context slot (<paramref name="depth"/>, <paramref name="slot"/>) of the frame's context chain, or 0.</summary>
    static nint DynamicObject(ulong* fp, int depth, int slot)
    {
        nint c = (nint)fp[JsStack.ContextSlot];
        for (int d = depth; d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
        var o = Layout.CtxSlot(c, slot);
        return Realm.IsObject(o) ? o.Ptr : 0;
    }

    /// <summary>HasBinding of an object environment: with objects search the prototype chain and honour @@unscopables; eval var objects hold own properties only.</summary>
    bool HasDynamicBinding(nint o, PropKey key, bool isWith)
    {
        if (!isWith) return realm.GetOwnRaw(o, key, out _, out _);
        if (!realm.HasProperty(o, key)) return false;
        var unscopables = realm.Get(JsValue.FromPtr(o), PropKey.FromCell(realm.SymUnscopables));
        return !(Realm.IsObject(unscopables) && Realm.ToBoolean(realm.Get(unscopables, key)));
    }

    /// <summary>LdaDynamic: the binding's value when the object holds it, else Empty (never a binding's value).</summary>
    JsValue LoadDynamic(ulong* fp, FunctionTemplate t, byte* pc, JsValue* regs)
    {
        nint o = DynamicObject(fp, *(ushort*)(pc + 5), *(ushort*)(pc + 7));
        if (o == 0) return JsValue.Empty;
        int kind = *(ushort*)(pc + 9);
        var key = new PropKey(t.Constants[*(int*)(pc + 1)].Bits);
        if (!HasDynamicBinding(o, key, (kind & 1) != 0)) return JsValue.Empty;
        var value = realm.Get(JsValue.FromPtr(o), key);
        if ((kind & 2) != 0) regs[*(ushort*)(pc + 11)] = JsValue.FromPtr(o);
        return value.IsEmpty ? JsValue.Undefined : value;
    }

    /// <summary>StaDynamic: true when the object holds the binding (which then received the accumulator).</summary>
    bool StoreDynamic(ulong* fp, FunctionTemplate t, byte* pc, JsValue acc)
    {
        nint o = DynamicObject(fp, *(ushort*)(pc + 5), *(ushort*)(pc + 7));
        if (o == 0) return false;
        var key = new PropKey(t.Constants[*(int*)(pc + 1)].Bits);
        if (!HasDynamicBinding(o, key, (*(ushort*)(pc + 9) & 1) != 0)) return false;
        realm.Set(JsValue.FromPtr(o), key, acc, t.IsStrict);
        return true;
    }

    /// <summary>
    /// A call whose callee is the name <c>eval</c>: a[0] callee, a[1] receiver, a[2] the Smi index of the
    /// call site's scope in the caller's template, a[3..] the arguments. When the callee is the realm's
    /// eval this is a direct eval: the source is compiled against the caller's scope chain and runs
    /// with the caller's context and receiver; otherwise it is an ordinary call.
    /// </summary>
    public JsValue DirectEval(ulong* fp, JsValue* a, int argc)
    {
        var callee = a[0];
        if (callee.Bits != realm.EvalFunction.Bits || realm.EvalFunction.IsUndefined)
            return Call(callee, a[1], new ReadOnlySpan<JsValue>(a + 3, argc - 3));
        if (argc < 4 || !Realm.IsString(a[3])) return argc < 4 ? JsValue.Undefined : a[3];
        var caller = FrameTemplate(fp);
        var t = realm.CompileEval(Realm.ToClr(a[3]), caller, a[2].Int32);
        nint f = realm.NewClosure(t, new JsValue(fp[JsStack.ContextSlot]), Layout.Internal((nint)fp[JsStack.CalleeSlot], 2));
        var receiver = new JsValue(fp[JsStack.ReceiverSlot]);
        return Call(JsValue.FromPtr(f), receiver.IsEmpty ? JsValue.Undefined : receiver, []);
    }

    /// <summary>Declares a var of sloppy direct eval code in the var object at context slot (a[1], a[2]), creating the object on first use.</summary>
    public JsValue DeclareEvalVar(ulong* fp, JsValue* a)
    {
        nint c = (nint)fp[JsStack.ContextSlot];
        for (int d = a[1].Int32; d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
        ref var slot = ref Layout.CtxSlot(c, a[2].Int32);
        if (!Realm.IsObject(slot)) slot = JsValue.FromPtr(realm.NewObject(JsValue.Null));
        var key = PropKey.FromCell(a[0].Ptr);
        if (!realm.GetOwnRaw(slot.Ptr, key, out _, out _)) realm.DefineData(slot.Ptr, key, JsValue.Undefined, PropFlags.Default);
        return JsValue.Undefined;
    }

    /// <summary>delete of a name: a[0] name, a[1] depth, a[2] slot, a[3] with?; the delete's result when the object holds the name, else undefined.</summary>
    public JsValue DeleteDynamic(ulong* fp, JsValue* a)
    {
        nint o = DynamicObject(fp, a[1].Int32, a[2].Int32);
        if (o == 0) return JsValue.Undefined;
        var key = PropKey.FromCell(a[0].Ptr);
        if (!HasDynamicBinding(o, key, a[3].IsTrue)) return JsValue.Undefined;
        return JsValue.FromBool(realm.DeleteOwn(o, key));
    }

    /// <summary>The object of a with statement: ToObject, with V8's message for null and undefined.</summary>
    public JsValue WithObject(JsValue v)
    {
        if (v.IsNullish) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Cannot convert undefined or null to object"));
        return JsValue.FromPtr(realm.ToObject(v));
    }
}
