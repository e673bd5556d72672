using System.Runtime.CompilerServices;
using System.Text;

namespace Flywheel.Engine.Interpreter;

/// <summary>Slow paths of the dispatch loop: keyed access, spreads, iteration, for-in, unwinding, stack traces.</summary>
internal sealed unsafe partial class Interp
{
    /// <summary>
    /// Turns f.call(t, …), f.apply(t, list) and bound-function calls into a direct call of the target,
    /// so recursion through them stays in the dispatch loop instead of nesting C# frames.
    /// </summary>
    void UnwrapCall(ref JsValue callee, ref JsValue recv, ref JsValue* argv, ref int argc, ref ulong* spreadBase)
    {
        for (int guard = 0; guard < 8 && Realm.IsCallable(callee); guard++)
        {
            nint fo = callee.Ptr;
            var kind = Functions.Kind(fo);
            if (kind == FunctionKind.Native)
            {
                var fv = Layout.Internal(fo, 0);
                if (fv.Bits == realm.NativeCallIndex.Bits && Realm.IsCallable(recv))
                {
                    callee = recv;
                    recv = argc > 0 ? argv[0] : JsValue.Undefined;
                    if (argc > 0) { argv++; argc--; }
                    continue;
                }
                if (fv.Bits == realm.NativeApplyIndex.Bits && Realm.IsCallable(recv))
                {
                    var list = argc > 1 ? argv[1] : JsValue.Undefined;
                    if (!list.IsNullish && !Realm.IsObject(list)) return;
                    var newRecv = argc > 0 ? argv[0] : JsValue.Undefined;
                    callee = recv;
                    recv = newRecv;
                    ulong* b = spreadBase != null ? spreadBase : Stack.Top;
                    int n = list.IsNullish ? 0 : (int)Math.Min(ArrayPrototypeLength(list), 1 << 20);
                    if (b + n + 64 > Stack.Limit) throw StackOverflow();
                    for (int i = 0; i < n; i++) b[i] = realm.Get(list, PropKey.FromIndex((uint)i)).Bits;
                    Stack.Top = b + n;
                    spreadBase = b;
                    argv = (JsValue*)b;
                    argc = n;
                    continue;
                }
                return;
            }
            if (kind == FunctionKind.Bound)
            {
                nint bargs = Layout.Internal(fo, 3).Ptr;
                int nb = (int)Layout.Aux(bargs);
                ulong* b = spreadBase != null ? spreadBase : Stack.Top;
                if (b + nb + argc + 64 > Stack.Limit) throw StackOverflow();
                // Shift existing args up (they may already live at b when spread), then prepend the bound ones.
                Buffer.MemoryCopy(argv, b + nb, argc * 8, argc * 8);
                for (int i = 0; i < nb; i++) b[i] = Layout.FixedAt(bargs, i).Bits;
                Stack.Top = b + nb + argc;
                spreadBase = b;
                argv = (JsValue*)b;
                argc += nb;
                recv = Layout.Internal(fo, 2);
                callee = Layout.Internal(fo, 1);
                continue;
            }
            return;
        }
    }

    double ArrayPrototypeLength(JsValue o) => Realm.IsArray(o) ? Realm.ArrayLength(o.Ptr) : Math.Max(0, realm.ToIntegerOrInfinity(realm.Get(o, realm.KLength)));

    // An object header's kind (byte 0), flags (byte 3) and class (byte 4) tested with one compare:
    // a cell of kind Object and class Array whose flags have none of the masked bits.
    const ulong ArrayHeaderBits = (ulong)ObjClass.Array << 32 | (ulong)CellKind.Object;
    const ulong ReadableArrayMask = 0xFF_0000_00FFUL | (ulong)CellFlags.SparseElements << 24;
    const ulong WritableArrayMask = 0xFF_0000_00FFUL | (ulong)(CellFlags.SparseElements | CellFlags.FrozenElements | CellFlags.SealedElements) << 24;

    /// <summary>obj[key] for an existing element of a dense array and a non-negative int32 key; false sends the caller to <see cref="GetKeyed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TryGetDenseElement(JsValue obj, JsValue key, out JsValue value)
    {
        if (obj.IsCell && key.IsInt32 && (*(ulong*)obj.Ptr & ReadableArrayMask) == ArrayHeaderBits)
        {
            var el = Layout.Elements(obj.Ptr);
            // A negative key becomes a huge unsigned index and fails the capacity check.
            if (el != null && (uint)key.Int32 < (uint)el[-1] && el[(uint)key.Int32] != 0) { value = new JsValue(el[(uint)key.Int32]); return true; }
        }
        value = default;
        return false;
    }

    /// <summary>obj[key] = value over an existing element of a dense, writable array; false sends the caller to <see cref="SetKeyed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TrySetDenseElement(JsValue obj, JsValue key, JsValue value)
    {
        if (obj.IsCell && key.IsInt32 && (*(ulong*)obj.Ptr & WritableArrayMask) == ArrayHeaderBits)
        {
            var el = Layout.Elements(obj.Ptr);
            if (el != null && (uint)key.Int32 < (uint)el[-1] && el[(uint)key.Int32] != 0) { el[(uint)key.Int32] = value.Bits; return true; }
        }
        return false;
    }

    JsValue GetKeyed(JsValue obj, JsValue key)
    {
        if (Realm.IsObject(obj) && key.IsInt32 && key.Int32 >= 0)
        {
            nint o = obj.Ptr;
            if (Layout.Class(o) == ObjClass.Array && !Realm.IsSparse(o))
            {
                var el = Layout.Elements(o);
                if (el != null && (uint)key.Int32 < (uint)el[-1] && el[key.Int32] != 0) return new JsValue(el[key.Int32]);
            }
        }
        if (obj.IsNullish)
            throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot read properties of {(obj.IsNull ? "null" : "undefined")} (reading '{realm.ToClrString(Realm.IsSymbol(key) ? realm.Str(realm.KeyToClr(PropKey.FromCell(key.Ptr))) : key)}')"));
        return realm.Get(obj, realm.ToPropertyKey(key));
    }

    void SetKeyed(JsValue obj, JsValue key, JsValue value, bool strict)
    {
        if (Realm.IsObject(obj) && key.IsInt32 && key.Int32 >= 0)
        {
            nint o = obj.Ptr;
            if (Layout.Class(o) == ObjClass.Array && (Layout.Flags(o) & (CellFlags.SparseElements | CellFlags.FrozenElements | CellFlags.SealedElements)) == 0)
            {
                var el = Layout.Elements(o);
                if (el != null && (uint)key.Int32 < (uint)el[-1] && el[key.Int32] != 0) { el[key.Int32] = value.Bits; return; }
            }
        }
        realm.Set(obj, realm.ToPropertyKey(key), value, strict);
    }

    JsValue DeleteKeyed(JsValue obj, JsValue key, bool strict)
    {
        if (obj.IsNullish) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Cannot convert undefined or null to object"));
        var k = realm.ToPropertyKey(key);
        if (!Realm.IsObject(obj))
        {
            bool own = Realm.IsString(obj) && (k.Bits == realm.KLength.Bits || (k.IsIndex && k.Index < (uint)Layout.StrLength(obj.Ptr)));
            if (own && strict) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot delete property '{realm.KeyToClr(k)}' of {Describe(obj)}"));
            return JsValue.FromBool(!own);
        }
        bool ok = realm.DeleteOwn(obj.Ptr, k);
        if (!ok && strict) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot delete property '{realm.KeyToClr(k)}' of {Describe(obj)}"));
        return JsValue.FromBool(ok);
    }

    JsValue HomeProto(ulong* fp)
    {
        var home = Layout.Internal((nint)fp[JsStack.CalleeSlot], 2);
        if (!Realm.IsObject(home)) throw new JsThrow(realm.MakeError(ErrorKind.SyntaxError, "'super' keyword unexpected here"));
        return Layout.Proto(home.Ptr);
    }

    JsValue GetSuper(ulong* fp, JsValue key)
    {
        var proto = HomeProto(fp);
        if (proto.IsNullish) return JsValue.Undefined;
        return realm.Get(proto, realm.ToPropertyKey(key), new JsValue(fp[JsStack.ReceiverSlot]));
    }

    void SetSuper(ulong* fp, JsValue key, JsValue value)
    {
        var proto = HomeProto(fp);
        realm.Set(proto, realm.ToPropertyKey(key), value, new JsValue(fp[JsStack.ReceiverSlot]), true);
    }

    JsValue SuperConstructor(ulong* fp)
    {
        var f = new JsValue(fp[JsStack.CalleeSlot]);
        var parent = Layout.Proto(f.Ptr);
        if (!Realm.IsConstructor(parent)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Super constructor " + Describe(parent) + " of anonymous class is not a constructor"));
        return parent;
    }

    /// <summary>Copies a spread argument array to the stack top; the caller pops it.</summary>
    ulong* SpreadArgs(JsValue arr, out int argc)
    {
        nint a = arr.Ptr;
        argc = (int)Realm.ArrayLength(a);
        ulong* b = Stack.Top;
        if (b + argc + 64 > Stack.Limit) throw StackOverflow();
        for (int i = 0; i < argc; i++)
        {
            var v = realm.GetOwnElement(a, (uint)i, out _);
            b[i] = v.IsEmpty ? JsValue.UndefinedBits : v.Bits;
        }
        Stack.Top = b + argc;
        return b;
    }

    JsValue CreateArguments(ulong* fp)
    {
        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
        nint a = realm.NewObject(JsValue.FromPtr(realm.ObjectPrototype), ObjClass.Arguments);
        for (int i = 0; i < argc; i++) realm.PutElement(a, (uint)i, new JsValue(fp[i - argc]));
        realm.DefineData(a, realm.KLength, JsValue.FromInt(argc), PropFlags.Hidden);
        realm.DefineData(a, PropKey.FromCell(realm.SymIterator), realm.Get(JsValue.FromPtr(realm.ArrayPrototype), PropKey.FromCell(realm.SymIterator)), PropFlags.Hidden);
        var t = FrameTemplate(fp);
        if (t.IsStrict) realm.DefineAccessor(a, realm.KCallee, JsValue.FromPtr(realm.ThrowTypeErrorFn), JsValue.FromPtr(realm.ThrowTypeErrorFn), PropFlags.None);
        else realm.DefineData(a, realm.KCallee, new JsValue(fp[JsStack.CalleeSlot]), PropFlags.Hidden);
        return JsValue.FromPtr(a);
    }

    /// <summary>
    /// Appends the values of <paramref name="iterable"/> to <paramref name="arr"/> and returns the hole,
    /// except for a generator object, which is returned untouched for the bytecode loop that follows
    /// (<c>BytecodeCompiler.EmitSpread</c>).
    /// </summary>
    JsValue ArrayPushSpread(nint arr, JsValue iterable)
    {
        if (Realm.IsObject(iterable) && Layout.Class(iterable.Ptr) == ObjClass.Generator) return iterable;
        if (Realm.IsArray(iterable) && realm.HasDefaultArrayIteration(iterable.Ptr))
        {
            nint src = iterable.Ptr;
            uint n = Realm.ArrayLength(src);
            uint at = Realm.ArrayLength(arr);
            for (uint i = 0; i < n; i++)
            {
                var v = realm.GetOwnElement(src, i, out _);
                realm.PutElement(arr, at + i, v.IsEmpty ? realm.Get(iterable, PropKey.FromIndex(i)) : v);
            }
            Realm.SetArrayLengthRaw(arr, at + n);
            return JsValue.Empty;
        }
        using var hs = new HandleScope(realm);
        int hArr = hs.Add(JsValue.FromPtr(arr));
        JsValue* it = stackalloc JsValue[2];
        GetIterator(iterable, it);
        int hIt = hs.Add(it[0]); int hNext = hs.Add(it[1]);
        while (true)
        {
            it[0] = hs[hIt]; it[1] = hs[hNext];
            if (!IteratorStep(it, out var v)) return JsValue.Empty;
            nint a = hs[hArr].Ptr;
            realm.PutElement(a, Realm.ArrayLength(a), v);
        }
    }

    public void GetIterator(JsValue obj, JsValue* dst)
    {
        if (Realm.IsArray(obj) && realm.HasDefaultArrayIteration(obj.Ptr))
        {
            // What calling the built-in values() would make, without the lookups and the call.
            dst[0] = Builtins.ArrayIterators.Create(realm, obj, 1);
            dst[1] = realm.ArrayIteratorNext;
            return;
        }
        var method = obj.IsNullish ? JsValue.Undefined : realm.Get(obj, PropKey.FromCell(realm.SymIterator));
        if (!Realm.IsCallable(method))
            throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"{(Realm.IsString(obj) ? Describe(obj) : obj.IsNullish ? realm.ToClrString(obj) : Realm.IsCallable(obj) ? Describe(obj) : realm.TypeOfString(obj) == "object" ? "object" : realm.ToClrString(obj))} is not iterable"));
        var iter = Call(method, obj, []);
        if (!Realm.IsObject(iter)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Result of the Symbol.iterator method is not an object"));
        dst[0] = iter;
        dst[1] = realm.Get(iter, realm.KNext);
    }

    /// <summary>One step of an iterator record (iterator, next); false when done. Array iterators are stepped without allocating result objects.</summary>
    public bool IteratorStep(JsValue* it, out JsValue value)
    {
        if (it[1].Bits == realm.ArrayIteratorNext.Bits && Realm.IsObject(it[0]) && Layout.Class(it[0].Ptr) == ObjClass.Iterator)
            return Builtins.ArrayIterators.Step(realm, it[0].Ptr, out value);
        if (!Realm.IsCallable(it[1])) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"{Describe(it[1])} is not a function"));
        var r = Call(it[1], it[0], []);
        if (!Realm.IsObject(r)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Iterator result {Describe(r)} is not an object"));
        if (Realm.ToBoolean(realm.Get(r, realm.KDone))) { value = JsValue.Undefined; return false; }
        value = realm.Get(r, realm.KValue);
        return true;
    }

    public void IteratorClose(JsValue iter)
    {
        if (realm.IsArrayIteratorWithoutReturn(iter)) return;
        var ret = realm.Get(iter, realm.KReturn);
        if (ret.IsNullish) return;
        var r = Call(ret, iter, []);
        if (!Realm.IsObject(r)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Iterator result {Describe(r)} is not an object"));
    }

    JsValue ForInPrepare(JsValue obj)
    {
        var keys = new List<JsValue>();
        if (!obj.IsNullish)
        {
            nint o = realm.ToObject(obj);
            obj = JsValue.FromPtr(o);
            var seen = new HashSet<ulong>();
            for (nint cur = o; ;)
            {
                foreach (var k in realm.OwnKeys(cur, true, false))
                {
                    if (!seen.Add(k.Bits)) continue;
                    if (realm.GetOwnRaw(cur, k, out _, out var f) && (f & PropFlags.Enumerable) != 0) keys.Add(realm.KeyToValue(k));
                }
                var p = Layout.Proto(cur);
                if (!p.IsCell) break;
                cur = p.Ptr;
            }
        }
        nint fa = realm.NewFixedArray(keys.Count + 2);
        Layout.FixedAt(fa, 0) = obj;
        Layout.FixedAt(fa, 1) = JsValue.FromInt(0);
        for (int i = 0; i < keys.Count; i++) Layout.FixedAt(fa, i + 2) = keys[i];
        return JsValue.FromPtr(fa);
    }

    bool ForInNext(JsValue state, out JsValue key)
    {
        nint fa = state.Ptr;
        int n = (int)Layout.Aux(fa);
        var obj = Layout.FixedAt(fa, 0);
        while (true)
        {
            int i = Layout.FixedAt(fa, 1).Int32 + 2;
            if (i >= n) { key = JsValue.Undefined; return false; }
            Layout.FixedAt(fa, 1) = JsValue.FromInt(i - 1);
            key = Layout.FixedAt(fa, i);
            if (realm.HasProperty(obj.Ptr, realm.KeyFromString(key))) return true;
        }
    }

    /// <summary>Finds a handler for a throw, popping frames up to (and including) the entry frame. False: propagate to the C# caller.</summary>
    bool HandleThrow(JsThrow e, ulong* entryFp, ref ulong* fp, ref byte* pc, ref JsValue acc)
    {
        var value = e.Value;
        if (!e.Rethrown) realm.FixErrorStack(value, fp, (int)(pc - FrameTemplate(fp).Code));
        while (true)
        {
            var t = FrameTemplate(fp);
            int off = (int)(pc - t.Code);
            HandlerEntry? best = null;
            foreach (var h in t.Handlers)
                if (off >= h.Start && off < h.End && (best == null || h.End - h.Start < best.Value.End - best.Value.Start)) best = h;
            if (best is { } hb)
            {
                var regs = (JsValue*)(fp + JsStack.HeaderSlots);
                Stack.Top = (ulong*)(regs + t.RegisterCount);
                fp[JsStack.ContextSlot] = regs[hb.ContextReg].Bits;
                pc = t.Code + hb.Handler;
                acc = value;
                return true;
            }
            int flags = new JsValue(fp[JsStack.FlagsSlot]).Int32;
            if ((flags & (int)FrameFlags.Generator) != 0) Generators.Complete(realm, new JsValue(fp[JsStack.NewTargetSlot]));
            // A getter or setter baseline code called unwinds as the interpreter's nested call would.
            if ((flags & (int)FrameFlags.Accessor) != 0) nativeDepth--;
            int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
            Stack.Top = fp - argc;
            Depth--;
            int callerIdx = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
            if ((flags & (int)FrameFlags.Entry) != 0) return false;
            int retPc = new JsValue(fp[JsStack.ReturnPcSlot]).Int32;
            fp = Stack.Base + callerIdx;
            pc = FrameTemplate(fp).Code + retPc - 1;
        }
    }

    /// <summary>The stack trace lines ("    at f (file:line:col)") from frame <paramref name="fp"/> at <paramref name="pc"/> outward.</summary>
    public string CaptureStack(ulong* fp, int pc, int maxFrames = 10)
    {
        var sb = new StringBuilder();
        int n = 0;
        while (fp != null && n < maxFrames && fp >= Stack.Base && fp < Stack.Top)
        {
            var t = FrameTemplate(fp);
            var pos = t.PositionAt(pc);
            string loc = $"{t.SourceFile}:{pos.Line}:{pos.Column}";
            sb.Append("\n    at ");
            if ((t.Flags & FunctionFlags.Script) != 0) sb.Append(loc);
            else sb.Append(t.Name.Length > 0 ? t.Name : "<anonymous>").Append(" (").Append(loc).Append(')');
            n++;
            int callerIdx = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
            if (callerIdx < 0) break;
            pc = new JsValue(fp[JsStack.ReturnPcSlot]).Int32 - 1;
            fp = Stack.Base + callerIdx;
        }
        return sb.ToString();
    }

    string CallErrorMessage(FunctionTemplate t, int pc, JsValue callee, bool construct)
    {
        string text = t.CallSiteText.TryGetValue(pc, out var s) ? s : Describe(callee);
        return construct ? $"{text} is not a constructor" : $"{text} is not a function";
    }
}
