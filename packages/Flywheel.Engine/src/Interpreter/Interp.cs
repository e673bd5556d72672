using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The bytecode interpreter. JavaScript-to-JavaScript calls never recurse in C#: a call pushes a
/// frame on the <see cref="JsStack"/> and the dispatch loop continues in the callee; a return pops
/// it. C# re-enters the loop only when native code calls back into JavaScript (getters, callbacks
/// of built-ins, generator resumption); that nesting is bounded by <see cref="MaxNativeDepth"/>.
/// </summary>
internal sealed unsafe partial class Interp(Realm realm)
{
    readonly Realm realm = realm;
    JsStack Stack => realm.Stack;
    public const int MaxNativeDepth = 400;
    int nativeDepth;
    public int Depth;
    /// <summary>The innermost running dispatch loop's state; null when no JavaScript is running.</summary>
    LoopState* active;
    /// <summary>
    /// The frame of the innermost running dispatch loop: the caller that native code calling back
    /// into JavaScript links to, and where stack traces captured in native code start. It is read
    /// from the loop's own state, which every frame change updates, so it is never stale.
    /// </summary>
    public ulong* CurFp => active != null ? active->Fp : null;
    /// <summary>The bytecode offset in <see cref="CurFp"/> of the instruction that called out of the loop.</summary>
    public int CurPc => active != null ? (int)(active->Pc - FrameTemplate(active->Fp).Code) : 0;
    /// <summary>
    /// The return pc an entry frame records: nothing returns through it (an entry frame returns to
    /// C#), but stack traces read it to place the caller at the instruction that called out.
    /// </summary>
    int EntryReturnPc => active != null ? CurPc + 1 : 0;
    JsValue accRoot;
    long budget = BudgetChunk;
    const long BudgetChunk = 10_000;
    public long Statements;
    public DateTime Deadline = DateTime.MaxValue;
    public long FunctionsCompiled;
    const long StressBytes = Heap.StressBytes;

    public void MarkRoots(Collector gc)
    {
        gc.Mark(accRoot);
        MarkInlineCaches(gc);
    }

    public JsValue Call(JsValue f, JsValue thisv, ReadOnlySpan<JsValue> args) => Invoke(f, thisv, args, JsValue.Undefined);

    public JsValue Construct(JsValue f, ReadOnlySpan<JsValue> args, JsValue newTarget)
    {
        if (!Realm.IsConstructor(f)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"{Describe(f)} is not a constructor"));
        return Invoke(f, JsValue.Empty, args, newTarget);
    }

    /// <summary>Calls from C#: arguments are copied onto the JS stack (rooting them) and the callee runs to completion.</summary>
    JsValue Invoke(JsValue f, JsValue thisv, ReadOnlySpan<JsValue> args, JsValue newTarget)
    {
        if (!Realm.IsCallable(f)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"{Describe(f)} is not a function"));
        // Slot 0 roots the receiver and callee while native code runs; the arguments follow.
        ulong* baseTop = Stack.Top;
        if (baseTop + args.Length + 66 > Stack.Limit) throw StackOverflow();
        baseTop[0] = thisv.Bits;
        baseTop[1] = f.Bits;
        ulong* argv = baseTop + 2;
        for (int i = 0; i < args.Length; i++) argv[i] = args[i].Bits;
        Stack.Top = argv + args.Length;
        try
        {
            return InvokeAt(f, thisv, (JsValue*)argv, args.Length, newTarget);
        }
        finally
        {
            Stack.Top = baseTop;
        }
    }

    JsThrow StackOverflow() => new(realm.MakeError(ErrorKind.RangeError, "Maximum call stack size exceeded"));

    /// <summary>Invokes any callable with arguments already in rooted memory; runs bytecode in a nested dispatch loop.</summary>
    public JsValue InvokeAt(JsValue f, JsValue thisv, JsValue* argv, int argc, JsValue newTarget)
    {
        PollInterrupts();
        if (++nativeDepth > MaxNativeDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            nativeDepth--;
            throw StackOverflow();
        }
        try
        {
            nint fo = f.Ptr;
            switch (Functions.Kind(fo))
            {
                case FunctionKind.Native: return CallNative(fo, thisv, argv, argc, newTarget);
                case FunctionKind.Bound: return CallBound(fo, argv, argc, newTarget);
            }
            var t = Functions.Template(realm, fo);
            bool construct = !newTarget.IsUndefined;
            if (!construct && (t.Flags & FunctionFlags.ClassConstructor) != 0)
                throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Class constructor {t.Name} cannot be invoked without 'new'"));
            if (t.IsGenerator)
            {
                if (t.IsAsync) throw new JsThrow(realm.MakeError(ErrorKind.SyntaxError, "async generators are not supported yet"));
                return Generators.Create(realm, f, t, CoerceThis(t, thisv), argv, argc);
            }
            if (t.IsAsync) return Builtins.PromiseBuiltins.StartAsync(realm, f, t, CoerceThis(t, thisv), argv, argc);
            if (construct) thisv = ConstructReceiver(t, newTarget);
            // Arguments must sit right below the frame: copy them to the top of the stack.
            ulong* nargs = Stack.Top;
            if (nargs + argc + 8 + t.RegisterCount > Stack.Limit) throw StackOverflow();
            Buffer.MemoryCopy(argv, nargs, argc * 8, argc * 8);
            Stack.Top = nargs + argc;
            ulong* fp = PushFrame(f, t, CoerceThis(t, thisv), newTarget, nargs, argc, FrameFlags.Entry | (construct ? FrameFlags.Construct : 0), EntryReturnPc, CurFp);
            if (Jit != null && BaselineCodeOf(t) is { } machineCode) return RunEntryFrameInMachineCode(fp, t, machineCode);
            return Run(fp, 0, JsValue.Undefined);
        }
        finally
        {
            nativeDepth--;
        }
    }

    JsValue CallNative(nint fo, JsValue thisv, JsValue* argv, int argc, JsValue newTarget)
    {
        var fn = realm.Natives[Layout.Internal(fo, 0).Int32];
        var args = new CallArgs(thisv.IsEmpty ? JsValue.Undefined : thisv, argv, argc, newTarget, JsValue.FromPtr(fo));
        return fn(realm, in args);
    }

    JsValue CallBound(nint fo, JsValue* argv, int argc, JsValue newTarget)
    {
        var target = Layout.Internal(fo, 1);
        var boundThis = Layout.Internal(fo, 2);
        nint bargs = Layout.Internal(fo, 3).Ptr;
        int nb = (int)Layout.Aux(bargs);
        ulong* all = Stack.Top;
        if (all + nb + argc + 64 > Stack.Limit) throw StackOverflow();
        for (int i = 0; i < nb; i++) all[i] = Layout.FixedAt(bargs, i).Bits;
        Buffer.MemoryCopy(argv, all + nb, argc * 8, argc * 8);
        Stack.Top = all + nb + argc;
        try
        {
            if (!newTarget.IsUndefined && (nint)newTarget.Bits == fo) newTarget = target;
            return InvokeAt(target, newTarget.IsUndefined ? boundThis : JsValue.Empty, (JsValue*)all, nb + argc, newTarget);
        }
        finally { Stack.Top = all; }
    }

    /// <summary>The `this` a non-strict function sees: undefined/null become the global object, primitives are boxed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    JsValue CoerceThis(FunctionTemplate t, JsValue thisv)
    {
        if (t.IsStrict || (t.Flags & FunctionFlags.Arrow) != 0) return thisv.IsEmpty ? JsValue.Undefined : thisv;
        if (thisv.IsNullish || thisv.IsEmpty) return JsValue.FromPtr(realm.GlobalObject);
        if (!Realm.IsObject(thisv)) return JsValue.FromPtr(realm.ToObject(thisv));
        return thisv;
    }

    const int ConstructReceiverSlots = 4;

    /// <summary>OrdinaryCreateFromConstructor for a bytecode constructor (a hole for derived classes: super() provides `this`).</summary>
    JsValue ConstructReceiver(FunctionTemplate t, JsValue newTarget)
    {
        if ((t.Flags & FunctionFlags.Derived) != 0) return JsValue.Empty;
        var proto = LoadConstructPrototype(t, newTarget);
        nint o = realm.NewObject(Realm.IsObject(proto) ? proto : JsValue.FromPtr(realm.ObjectPrototype));
        // Constructors almost always add properties: giving the receiver the capacity its first add
        // would allocate anyway lets the add-property caches (and baseline code) store without allocating.
        realm.EnsureSlots(o, ConstructReceiverSlots);
        return JsValue.FromPtr(o);
    }

    /// <summary>Pushes a frame for bytecode function <paramref name="t"/> whose <paramref name="argc"/> arguments are at <paramref name="args"/> (the stack top).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ulong* PushFrame(JsValue callee, FunctionTemplate t, JsValue thisv, JsValue newTarget, ulong* args, int argc, FrameFlags flags, int returnPc, ulong* callerFp)
    {
        ulong* fp = args + argc;
        int nregs = t.RegisterCount;
        if (fp + JsStack.HeaderSlots + nregs > Stack.Limit || Depth >= realm.Limits.MaxCallDepth) { Stack.Top = args; throw StackOverflow(); }
        Depth++;
        fp[JsStack.ArgcSlot] = JsValue.FromInt(argc).Bits;
        fp[JsStack.CalleeSlot] = callee.Bits;
        fp[JsStack.ReceiverSlot] = thisv.Bits;
        fp[JsStack.NewTargetSlot] = newTarget.Bits;
        fp[JsStack.ContextSlot] = Layout.Internal(callee.Ptr, 1).Bits;
        fp[JsStack.CallerFpSlot] = JsValue.FromInt(callerFp == null ? -1 : (int)(callerFp - Stack.Base)).Bits;
        fp[JsStack.ReturnPcSlot] = JsValue.FromInt(returnPc).Bits;
        fp[JsStack.FlagsSlot] = JsValue.FromInt((int)flags).Bits;
        ulong* regs = fp + JsStack.HeaderSlots;
        int np = Math.Min(argc, t.ParamRegs);
        for (int i = 0; i < np; i++) regs[i] = args[i];
        new Span<ulong>(regs + np, nregs - np).Fill(JsValue.UndefinedBits);
        Stack.Top = regs + nregs;
        CountInvocation(t);
        return fp;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    FunctionTemplate FrameTemplate(ulong* fp) => realm.Templates[Layout.Internal((nint)fp[JsStack.CalleeSlot], 0).Int32];

    /// <summary>Runs at safepoints: GC when requested (or always under stress), and the time/cancellation/budget checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Safepoint(JsValue acc, ulong* fp)
    {
        if (realm.Profiling.SampleDue) Sample(fp);
        // Under GC stress a safepoint collects whenever a few cells were allocated since the last
        // collection: without new allocation a collection cannot expose a missing root, and the small
        // threshold keeps stress runs of allocation-heavy loops within minutes.
        if (realm.Heap.GcRequested || (realm.Gc.Stress && realm.Heap.AllocatedSinceGc >= StressBytes)) Collect(acc);
        if (--budget <= 0) CheckInterrupts();
    }

    void Collect(JsValue acc)
    {
        accRoot = acc;
        realm.Gc.Collect();
        accRoot = JsValue.Undefined;
        if (realm.Heap.MaxBytes > 0 && realm.Heap.TotalBytes > realm.Heap.MaxBytes)
            throw new JsMemoryLimitException($"The script exceeded the memory limit of {realm.Heap.MaxBytes} bytes.");
    }

    /// <summary>
    /// The time, cancellation and budget checks of a safepoint, without its collection (native
    /// callers may hold unrooted values): for long loops in built-ins and every call from native
    /// code into JavaScript, so that no built-in runs past the limits (found by fuzz/Flywheel.Fuzz.Engine).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PollInterrupts()
    {
        if (--budget <= 0) CheckInterrupts();
    }

    void CheckInterrupts()
    {
        Statements += BudgetChunk - budget;
        budget = BudgetChunk;
        var lim = realm.Limits;
        if (lim.MaxStatements > 0 && Statements > lim.MaxStatements)
            throw new JsStatementLimitException($"The script exceeded the budget of {lim.MaxStatements} interrupt checks.");
        if (lim.Cancellation.IsCancellationRequested) throw new JsCancelledException("The script was cancelled.");
        if (DateTime.UtcNow > Deadline) throw new JsTimeoutException($"The script exceeded the time limit of {lim.TimeLimit.TotalSeconds:0.###} s.");
    }

    /// <summary>Resets per-run state after a host exception aborted execution, so the engine stays usable.</summary>
    public void ResetAfterAbort(ulong* top)
    {
        Stack.Top = top;
        nativeDepth = 0;
        Depth = 0;
        active = null;
        budget = BudgetChunk;
    }

    public string Describe(JsValue v)
    {
        if (Realm.IsCallable(v)) { var n = realm.FunctionName(v); return n.Length > 0 ? n : "function"; }
        if (Realm.IsString(v)) return "\"" + Realm.ToClr(v) + "\"";
        if (Realm.IsObject(v)) return Realm.IsArray(v) ? "object" : "#<" + realm.ClassNameOf(v.Ptr) + ">";
        if (Realm.IsSymbol(v)) return realm.KeyToClr(PropKey.FromCell(v.Ptr));
        return realm.ToClrString(v);
    }
}
