namespace Flywheel.Engine.Builtins;

/// <summary>A promise's state and pending reactions (managed side, traced by the GC).</summary>
internal sealed class PromiseData : ITraceable
{
    public int State; // 0 pending, 1 fulfilled, 2 rejected
    public JsValue Result = JsValue.Undefined;
    public bool Handled;
    public readonly List<(JsValue Derived, JsValue OnFulfilled, JsValue OnRejected)> Reactions = [];

    public void Trace(Collector gc)
    {
        gc.Mark(Result);
        foreach (var (d, f, r) in Reactions) { gc.Mark(d); gc.Mark(f); gc.Mark(r); }
    }
}

/// <summary>
/// Promise, its microtask (job) queue, and the driver of async functions (which run as generator
/// frames: await suspends like yield and resumes from a promise reaction).
/// </summary>
internal static unsafe class PromiseBuiltins
{
    static int resolveNative, rejectNative, asyncStepNative, thenFinallyNative;

    public static PromiseData Data(Realm r, JsValue p) => r.External<PromiseData>(p.Ptr);
    public static bool IsPromise(JsValue v) => Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Promise;

    public static JsValue NewPromise(Realm r, JsValue proto = default) =>
        JsValue.FromPtr(r.NewObjectWithExternal(proto.IsEmpty ? JsValue.FromPtr(r.PromisePrototype) : proto, ObjClass.Promise, new PromiseData()));

    /// <summary>
    /// The natives promise jobs and async functions use, registered at engine creation (their indices
    /// are shared by every engine, so they must come at the same point of every start-up); Promise
    /// and its prototype's methods are created on first use (<see cref="Setup"/>).
    /// </summary>
    public static void SetupNatives(Realm r)
    {
        resolveNative = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) => { ResolveFunction(r, a.Callee, a[0], false); return JsValue.Undefined; });
        rejectNative = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) => { ResolveFunction(r, a.Callee, a[0], true); return JsValue.Undefined; });
        asyncStepNative = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) =>
        {
            var data = Layout.Internal(a.Callee.Ptr, 1).Ptr;
            AsyncStep(r, Layout.FixedAt(data, 0), Layout.FixedAt(data, 1), a[0], Layout.FixedAt(data, 2).Int32);
            return JsValue.Undefined;
        });
        SetupCombinatorNatives(r);
        thenFinallyNative = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) =>
        {
            var data = Layout.Internal(a.Callee.Ptr, 1).Ptr;
            var onFinally = Layout.FixedAt(data, 0);
            bool rejected = Layout.FixedAt(data, 1).IsTrue;
            var v = a[0];
            using var hs = new HandleScope(r);
            int hv = hs.Add(v);
            var res = r.Interp.Call(onFinally, JsValue.Undefined, []);
            var pr = PromiseResolve(r, res);
            // Chain: wait for the finally result, then pass the original outcome through.
            var derived = NewPromise(r);
            int hd = hs.Add(derived);
            nint passData = r.NewFixedArray(2);
            Layout.FixedAt(passData, 0) = hs[hv];
            Layout.FixedAt(passData, 1) = JsValue.FromBool(rejected);
            var pass = JsValue.FromPtr(r.NewNative("", 0, (Realm r, in CallArgs b) =>
            {
                var d = Layout.Internal(b.Callee.Ptr, 1).Ptr;
                if (Layout.FixedAt(d, 1).IsTrue) throw new JsThrow(Layout.FixedAt(d, 0));
                return Layout.FixedAt(d, 0);
            }, data: JsValue.FromPtr(passData)));
            PerformThen(r, pr, pass, JsValue.Undefined, hs[hd]);
            return hs[hd];
        });
    }

    public static void Setup(Realm r)
    {
        nint p = r.PromisePrototype;
        nint c = Def.Constructor(r, "Promise", 1, (Realm r, in CallArgs a) =>
        {
            if (!a.IsConstruct) throw Def.TypeError(r, "Promise constructor cannot be invoked without 'new'");
            if (!Realm.IsCallable(a[0])) throw Def.TypeError(r, $"Promise resolver {r.Interp.Describe(a[0])} is not a function");
            using var hs = new HandleScope(r);
            int hp = hs.Add(NewPromise(r, Def.ProtoFrom(r, a.NewTarget, r.PromisePrototype)));
            var (res, rej) = ResolvingFunctions(r, hs[hp]);
            int hrj = hs.Add(rej);
            try { r.Interp.Call(a[0], JsValue.Undefined, [res, rej]); }
            catch (JsThrow e) { r.Interp.Call(hs[hrj], JsValue.Undefined, [e.Value]); }
            return hs[hp];
        }, p);
        Def.Method(r, c, "resolve", 1, (Realm r, in CallArgs a) => PromiseResolve(r, a[0]));
        Def.Method(r, c, "reject", 1, (Realm r, in CallArgs a) => { var pr = NewPromise(r); Settle(r, pr, a[0], 2); return pr; });
        Def.Method(r, c, "withResolvers", 0, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int hp = hs.Add(NewPromise(r));
            var (res, rej) = ResolvingFunctions(r, hs[hp]);
            int h1 = hs.Add(res), h2 = hs.Add(rej);
            nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
            r.DefineData(o, "promise", hs[hp], PropFlags.Default);
            r.DefineData(o, "resolve", hs[h1], PropFlags.Default);
            r.DefineData(o, "reject", hs[h2], PropFlags.Default);
            return JsValue.FromPtr(o);
        });
        Def.Method(r, c, "all", 1, (Realm r, in CallArgs a) => Combinator(r, a[0], 0));
        Def.Method(r, c, "allSettled", 1, (Realm r, in CallArgs a) => Combinator(r, a[0], 1));
        Def.Method(r, c, "any", 1, (Realm r, in CallArgs a) => Combinator(r, a[0], 2));
        Def.Method(r, c, "race", 1, (Realm r, in CallArgs a) =>
        {
            using var hs = new HandleScope(r);
            int hp = hs.Add(NewPromise(r));
            var (res, rej) = ResolvingFunctions(r, hs[hp]);
            int h1 = hs.Add(res), h2 = hs.Add(rej);
            ObjectBuiltins.IterateValues(r, a[0], v => { PerformThen(r, PromiseResolve(r, v), hs[h1], hs[h2], JsValue.Undefined); return true; });
            return hs[hp];
        });
        Def.Method(r, p, "then", 2, (Realm r, in CallArgs a) =>
        {
            if (!IsPromise(a.This)) throw Def.TypeError(r, "Method Promise.prototype.then called on incompatible receiver " + r.Interp.Describe(a.This));
            using var hs = new HandleScope(r);
            int hd = hs.Add(NewPromise(r));
            PerformThen(r, a.This, a[0], a[1], hs[hd]);
            return hs[hd];
        });
        Def.Method(r, p, "catch", 1, (Realm r, in CallArgs a) =>
        {
            var then = r.Get(a.This, "then");
            return r.Interp.Call(then, a.This, [JsValue.Undefined, a[0]]);
        });
        Def.Method(r, p, "finally", 1, (Realm r, in CallArgs a) =>
        {
            var onFinally = a[0];
            if (!Realm.IsCallable(onFinally)) return r.Interp.Call(r.Get(a.This, "then"), a.This, [onFinally, onFinally]);
            using var hs = new HandleScope(r);
            int hf = hs.Add(onFinally);
            nint d1 = r.NewFixedArray(2); Layout.FixedAt(d1, 0) = hs[hf]; Layout.FixedAt(d1, 1) = JsValue.False;
            int h1 = hs.Add(JsValue.FromPtr(d1));
            nint d2 = r.NewFixedArray(2); Layout.FixedAt(d2, 0) = hs[hf]; Layout.FixedAt(d2, 1) = JsValue.True;
            int h2 = hs.Add(JsValue.FromPtr(d2));
            var f1 = JsValue.FromPtr(r.NewNativeShared(thenFinallyNative, "", 1, hs[h1]));
            int hf1 = hs.Add(f1);
            var f2 = JsValue.FromPtr(r.NewNativeShared(thenFinallyNative, "", 1, hs[h2]));
            return r.Interp.Call(r.Get(a.This, "then"), a.This, [hs[hf1], f2]);
        });
        Def.ToStringTag(r, p, "Promise");
        nint g = r.GlobalObject;
        Def.Method(r, g, "queueMicrotask", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a[0])) throw Def.TypeError(r, "The \"callback\" argument must be of type function.");
            r.EnqueueJob(a[0], JsValue.Undefined, JsValue.Undefined, JsValue.FromInt(1));
            return JsValue.Undefined;
        });
        NativeFn timer(bool repeat) => (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsCallable(a[0])) throw Def.TypeError(r, "The \"callback\" argument must be of type function.");
            double delay = a.Count > 1 ? r.ToNumber(a[1]) : 0;
            if (double.IsNaN(delay)) delay = 0;
            var rest = r.NewArrayFrom(new ReadOnlySpan<JsValue>(a.Argv + Math.Min(2, a.Count), Math.Max(0, a.Count - 2)));
            return JsValue.FromInt(r.AddTimer(a[0], JsValue.FromPtr(rest), delay, repeat ? delay : -1));
        };
        Def.Method(r, g, "setTimeout", 2, timer(false));
        Def.Method(r, g, "setInterval", 2, timer(true));
        NativeFn clear = (Realm r, in CallArgs a) =>
        {
            if (a[0].IsNumber) { int id = (int)a[0].Number; r.Timers.RemoveAll(t => t.Id == id); }
            return JsValue.Undefined;
        };
        Def.Method(r, g, "clearTimeout", 1, clear);
        Def.Method(r, g, "clearInterval", 1, clear);
        Def.Method(r, g, "setImmediate", 1, (Realm r, in CallArgs a) =>
        {
            var rest = r.NewArrayFrom(new ReadOnlySpan<JsValue>(a.Argv + Math.Min(1, a.Count), Math.Max(0, a.Count - 1)));
            return JsValue.FromInt(r.AddTimer(a[0], JsValue.FromPtr(rest), 0, -1));
        });
    }

    static (JsValue Resolve, JsValue Reject) ResolvingFunctions(Realm r, JsValue promise)
    {
        nint shared = r.NewFixedArray(2); // [promise, alreadyResolved]
        Layout.FixedAt(shared, 0) = promise;
        Layout.FixedAt(shared, 1) = JsValue.False;
        using var hs = new HandleScope(r);
        int hsh = hs.Add(JsValue.FromPtr(shared));
        var res = JsValue.FromPtr(r.NewNativeShared(resolveNative, "", 1, hs[hsh]));
        int hr = hs.Add(res);
        var rej = JsValue.FromPtr(r.NewNativeShared(rejectNative, "", 1, hs[hsh]));
        return (hs[hr], rej);
    }

    static void ResolveFunction(Realm r, JsValue fn, JsValue value, bool reject)
    {
        nint shared = Layout.Internal(fn.Ptr, 1).Ptr;
        if (Layout.FixedAt(shared, 1).IsTrue) return;
        Layout.FixedAt(shared, 1) = JsValue.True;
        var promise = Layout.FixedAt(shared, 0);
        if (reject) Settle(r, promise, value, 2);
        else Resolve(r, promise, value);
    }

    /// <summary>The [[Resolve]] algorithm: thenables are adopted through a job; others fulfil.</summary>
    public static void Resolve(Realm r, JsValue promise, JsValue value)
    {
        if (value.Bits == promise.Bits) { Settle(r, promise, r.MakeError(ErrorKind.TypeError, "Chaining cycle detected for promise #<Promise>"), 2); return; }
        if (!Realm.IsObject(value)) { Settle(r, promise, value, 1); return; }
        JsValue then;
        try { then = r.Get(value, "then"); }
        catch (JsThrow e) { Settle(r, promise, e.Value, 2); return; }
        if (!Realm.IsCallable(then)) { Settle(r, promise, value, 1); return; }
        r.EnqueueJob(JsValue.Empty, promise, value, then);
    }

    public static void Settle(Realm r, JsValue promise, JsValue value, int state)
    {
        var d = Data(r, promise);
        if (d.State != 0) return;
        d.State = state;
        d.Result = value;
        foreach (var (derived, onF, onR) in d.Reactions) r.EnqueueJob(state == 1 ? onF : onR, derived, value, JsValue.FromInt(state));
        d.Reactions.Clear();
    }

    public static JsValue PromiseResolve(Realm r, JsValue v)
    {
        if (IsPromise(v) && Layout.Proto(v.Ptr).Bits == (ulong)r.PromisePrototype) return v;
        using var hs = new HandleScope(r);
        int hv = hs.Add(v);
        var p = NewPromise(r);
        int hp = hs.Add(p);
        Resolve(r, hs[hp], hs[hv]);
        return hs[hp];
    }

    /// <summary>Registers reactions; <paramref name="derived"/> (a promise or undefined) receives the handler's outcome.</summary>
    public static void PerformThen(Realm r, JsValue promise, JsValue onF, JsValue onR, JsValue derived)
    {
        if (!Realm.IsCallable(onF)) onF = JsValue.Undefined;
        if (!Realm.IsCallable(onR)) onR = JsValue.Undefined;
        var d = Data(r, promise);
        d.Handled = true;
        if (d.State == 0) d.Reactions.Add((derived, onF, onR));
        else r.EnqueueJob(d.State == 1 ? onF : onR, derived, d.Result, JsValue.FromInt(d.State));
    }

    /// <summary>Runs one job: a reaction (handler, derived, argument, state) or, with an empty handler, a thenable adoption (promise, thenable, then).</summary>
    public static void RunJob(Realm r, JsValue handler, JsValue a, JsValue b, JsValue c)
    {
        using var hs = new HandleScope(r);
        if (handler.IsEmpty)
        {
            int hp = hs.Add(a);
            var (res, rej) = ResolvingFunctions(r, a);
            int hrj = hs.Add(rej);
            try { r.Interp.Call(c, b, [res, rej]); }
            catch (JsThrow e) { r.Interp.Call(hs[hrj], JsValue.Undefined, [e.Value]); }
            return;
        }
        int hd = hs.Add(a);
        JsValue result;
        bool rejected = false;
        if (handler.IsUndefined) { result = b; rejected = c.Int32 == 2; }
        else
        {
            try { result = r.Interp.Call(handler, JsValue.Undefined, [b]); }
            catch (JsThrow e) { result = e.Value; rejected = true; }
        }
        if (!IsPromise(hs[hd])) return;
        if (rejected) Settle(r, hs[hd], result, 2); else Resolve(r, hs[hd], result);
    }

    // Combinator state lives in heap arrays (never in C# closures): shared = [values, resolve, reject, remaining, kind];
    // each element's handlers carry [shared, index].
    static int combFulfilled, combRejected;

    static void CombinatorDone(Realm r, nint shared)
    {
        int left = Layout.FixedAt(shared, 3).Int32 - 1;
        Layout.FixedAt(shared, 3) = JsValue.FromInt(left);
        if (left != 0) return;
        int kind = Layout.FixedAt(shared, 4).Int32;
        if (kind == 2)
        {
            var err = r.MakeError(ErrorKind.AggregateError, "All promises were rejected");
            r.DefineData(err.Ptr, r.KErrors, Layout.FixedAt(shared, 0), PropFlags.Hidden);
            r.Interp.Call(Layout.FixedAt(shared, 2), JsValue.Undefined, [err]);
        }
        else r.Interp.Call(Layout.FixedAt(shared, 1), JsValue.Undefined, [Layout.FixedAt(shared, 0)]);
    }

    static void SetupCombinatorNatives(Realm r)
    {
        combFulfilled = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) =>
        {
            nint d = Layout.Internal(a.Callee.Ptr, 1).Ptr;
            nint shared = Layout.FixedAt(d, 0).Ptr;
            uint i = (uint)Layout.FixedAt(d, 1).Int32;
            int kind = Layout.FixedAt(shared, 4).Int32;
            if (kind == 2) { r.Interp.Call(Layout.FixedAt(shared, 1), JsValue.Undefined, [a[0]]); return JsValue.Undefined; }
            var item = kind == 1 ? SettledRecord(r, "fulfilled", "value", a[0]) : a[0];
            r.PutElement(Layout.FixedAt(shared, 0).Ptr, i, item);
            CombinatorDone(r, shared);
            return JsValue.Undefined;
        });
        combRejected = r.Natives.Count;
        r.NewNative("", 1, (Realm r, in CallArgs a) =>
        {
            nint d = Layout.Internal(a.Callee.Ptr, 1).Ptr;
            nint shared = Layout.FixedAt(d, 0).Ptr;
            uint i = (uint)Layout.FixedAt(d, 1).Int32;
            int kind = Layout.FixedAt(shared, 4).Int32;
            if (kind == 0) { r.Interp.Call(Layout.FixedAt(shared, 2), JsValue.Undefined, [a[0]]); return JsValue.Undefined; }
            var item = kind == 1 ? SettledRecord(r, "rejected", "reason", a[0]) : a[0];
            r.PutElement(Layout.FixedAt(shared, 0).Ptr, i, item);
            CombinatorDone(r, shared);
            return JsValue.Undefined;
        });
    }

    static JsValue Combinator(Realm r, JsValue iterable, int kind)
    {
        using var hs = new HandleScope(r);
        int hp = hs.Add(NewPromise(r));
        int hv = hs.Add(JsValue.FromPtr(r.NewArray()));
        var (res, rej) = ResolvingFunctions(r, hs[hp]);
        int hres = hs.Add(res), hrej = hs.Add(rej);
        nint shared = r.NewFixedArray(5);
        Layout.FixedAt(shared, 0) = hs[hv];
        Layout.FixedAt(shared, 1) = hs[hres];
        Layout.FixedAt(shared, 2) = hs[hrej];
        Layout.FixedAt(shared, 3) = JsValue.FromInt(1);
        Layout.FixedAt(shared, 4) = JsValue.FromInt(kind);
        int hsh = hs.Add(JsValue.FromPtr(shared));
        int index = 0;
        try
        {
            ObjectBuiltins.IterateValues(r, iterable, v =>
            {
                using var inner = new HandleScope(r);
                int hvv = inner.Add(v);
                nint sh = hs[hsh].Ptr;
                r.PutElement(Layout.FixedAt(sh, 0).Ptr, (uint)index, JsValue.Undefined);
                Layout.FixedAt(sh, 3) = JsValue.FromInt(Layout.FixedAt(sh, 3).Int32 + 1);
                nint d = r.NewFixedArray(2);
                Layout.FixedAt(d, 0) = hs[hsh];
                Layout.FixedAt(d, 1) = JsValue.FromInt(index++);
                int hd = inner.Add(JsValue.FromPtr(d));
                var f1 = JsValue.FromPtr(r.NewNativeShared(combFulfilled, "", 1, inner[hd]));
                int h1 = inner.Add(f1);
                var f2 = JsValue.FromPtr(r.NewNativeShared(combRejected, "", 1, inner[hd]));
                int h2 = inner.Add(f2);
                var pr = PromiseResolve(r, inner[hvv]);
                PerformThen(r, pr, inner[h1], inner[h2], JsValue.Undefined);
                return true;
            });
        }
        catch (JsThrow e) { r.Interp.Call(hs[hrej], JsValue.Undefined, [e.Value]); return hs[hp]; }
        CombinatorDone(r, hs[hsh].Ptr);
        return hs[hp];
    }

    static JsValue SettledRecord(Realm r, string status, string key, JsValue v)
    {
        nint o = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        r.DefineData(o, "status", r.Str(status), PropFlags.Default);
        r.DefineData(o, key, v, PropFlags.Default);
        return JsValue.FromPtr(o);
    }

    // ------------------------------------------------------------------ async functions

    public static JsValue StartAsync(Realm r, JsValue f, FunctionTemplate t, JsValue thisv, JsValue* argv, int argc)
    {
        using var hs = new HandleScope(r);
        int hg = hs.Add(Generators.Create(r, f, t, thisv, argv, argc));
        int hp = hs.Add(NewPromise(r));
        AsyncStep(r, hs[hg], hs[hp], JsValue.Undefined, 0);
        return hs[hp];
    }

    static void AsyncStep(Realm r, JsValue gen, JsValue promise, JsValue value, int mode)
    {
        using var hs = new HandleScope(r);
        int hg = hs.Add(gen), hp = hs.Add(promise);
        JsValue result;
        try { result = Generators.Resume(r, gen, value, mode); }
        catch (JsThrow e) { Settle(r, hs[hp], e.Value, 2); return; }
        int hres = hs.Add(result);
        bool done = Realm.ToBoolean(r.Get(result, r.KDone));
        var v = r.Get(hs[hres], r.KValue);
        if (done) { Resolve(r, hs[hp], v); return; }
        var awaited = PromiseResolve(r, v);
        int ha = hs.Add(awaited);
        nint d0 = r.NewFixedArray(3);
        Layout.FixedAt(d0, 0) = hs[hg]; Layout.FixedAt(d0, 1) = hs[hp]; Layout.FixedAt(d0, 2) = JsValue.FromInt(0);
        int hd0 = hs.Add(JsValue.FromPtr(d0));
        nint d1 = r.NewFixedArray(3);
        Layout.FixedAt(d1, 0) = hs[hg]; Layout.FixedAt(d1, 1) = hs[hp]; Layout.FixedAt(d1, 2) = JsValue.FromInt(1);
        int hd1 = hs.Add(JsValue.FromPtr(d1));
        var onF = JsValue.FromPtr(r.NewNativeShared(asyncStepNative, "", 1, hs[hd0]));
        int hf = hs.Add(onF);
        var onR = JsValue.FromPtr(r.NewNativeShared(asyncStepNative, "", 1, hs[hd1]));
        PerformThen(r, hs[ha], hs[hf], onR, JsValue.Undefined);
    }
}
