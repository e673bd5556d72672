namespace Flywheel.Engine.Builtins;

/// <summary>
/// WeakRef and FinalizationRegistry. Both keep their referents in managed data the collector
/// treats as weak (<see cref="IWeakHolder"/>): after marking, a dead WeakRef target is cleared and
/// a FinalizationRegistry cell whose target died is removed and its held value queued for the
/// cleanup callback, which runs as a job of the event loop after the collection (never inside it).
/// As the spec's KeepDuringJob requires, creating a WeakRef or dereferencing one keeps the target
/// alive until the current job (script, API call or job) ends (<see cref="Realm.KeptAlive"/>).
/// </summary>
internal static class WeakRefBuiltins
{
    /// <summary>CanBeHeldWeakly: an object, or a symbol not in the global registry (<c>Symbol.for</c>).</summary>
    public static bool CanBeHeldWeakly(JsValue v) =>
        Realm.IsObject(v) || (Realm.IsSymbol(v) && (Layout.Flags(v.Ptr) & CellFlags.NotExtensible) == 0);

    public static void Setup(Realm r)
    {
        SetupWeakRef(r);
        SetupFinalizationRegistry(r);
    }

    static void SetupWeakRef(Realm r)
    {
        nint proto = r.WeakRefPrototype;
        Def.Constructor(r, "WeakRef", 1, (Realm r, in CallArgs a) =>
        {
            if (!a.IsConstruct) throw Def.TypeError(r, "Constructor WeakRef requires 'new'");
            var target = a[0];
            if (!CanBeHeldWeakly(target)) throw Def.TypeError(r, "WeakRef: invalid target");
            var protoValue = Def.ProtoFrom(r, a.NewTarget, r.WeakRefPrototype);
            r.KeepDuringJob(target);
            return JsValue.FromPtr(r.NewObjectWithExternal(protoValue, ObjClass.WeakRef, new WeakRefData(target)));
        }, proto);
        Def.Method(r, proto, "deref", 0, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a.This) || Layout.Class(a.This.Ptr) != ObjClass.WeakRef)
                throw Def.TypeError(r, "Method WeakRef.prototype.deref called on incompatible receiver " + r.Interp.Describe(a.This));
            var target = r.External<WeakRefData>(a.This.Ptr).Target;
            if (!target.IsUndefined) r.KeepDuringJob(target);
            return target;
        });
        Def.ToStringTag(r, proto, "WeakRef");
    }

    static void SetupFinalizationRegistry(Realm r)
    {
        nint proto = r.FinalizationRegistryPrototype;
        Def.Constructor(r, "FinalizationRegistry", 1, (Realm r, in CallArgs a) =>
        {
            if (!a.IsConstruct) throw Def.TypeError(r, "Constructor FinalizationRegistry requires 'new'");
            if (!Realm.IsCallable(a[0])) throw Def.TypeError(r, "FinalizationRegistry: cleanup must be callable");
            var protoValue = Def.ProtoFrom(r, a.NewTarget, r.FinalizationRegistryPrototype);
            return JsValue.FromPtr(r.NewObjectWithExternal(protoValue, ObjClass.FinalizationRegistry, new FinalizationRegistryData(a[0])));
        }, proto);
        Def.Method(r, proto, "register", 2, (Realm r, in CallArgs a) =>
        {
            var data = Registry(r, a.This, "register");
            var target = a[0];
            var held = a[1];
            var token = a[2];
            if (!CanBeHeldWeakly(target)) throw Def.TypeError(r, "FinalizationRegistry.prototype.register: invalid target");
            if (target.Bits == held.Bits) throw Def.TypeError(r, "FinalizationRegistry.prototype.register: target and holdings must not be same");
            if (!token.IsUndefined && !CanBeHeldWeakly(token)) throw InvalidToken(r, token);
            data.Register(target, held, token.IsUndefined ? JsValue.Empty : token);
            return JsValue.Undefined;
        });
        Def.Method(r, proto, "unregister", 1, (Realm r, in CallArgs a) =>
        {
            var data = Registry(r, a.This, "unregister");
            if (!CanBeHeldWeakly(a[0])) throw InvalidToken(r, a[0]);
            return JsValue.FromBool(data.Unregister(a[0]));
        });
        Def.ToStringTag(r, proto, "FinalizationRegistry");
    }

    static FinalizationRegistryData Registry(Realm r, JsValue v, string method)
    {
        if (!Realm.IsObject(v) || Layout.Class(v.Ptr) != ObjClass.FinalizationRegistry)
            throw Def.TypeError(r, $"Method FinalizationRegistry.prototype.{method} called on incompatible receiver {r.Interp.Describe(v)}");
        return r.External<FinalizationRegistryData>(v.Ptr);
    }

    static JsThrow InvalidToken(Realm r, JsValue token) =>
        Def.TypeError(r, $"Invalid unregisterToken ('{(Realm.IsSymbol(token) ? r.KeyToClr(PropKey.FromCell(token.Ptr)) : r.ToClrString(token))}')");
}

/// <summary>The target of a WeakRef: not marked through the WeakRef, cleared when the collector finds it dead.</summary>
internal sealed class WeakRefData(JsValue target) : ITraceable, IWeakHolder
{
    /// <summary>The referent, or undefined once it has been collected.</summary>
    public JsValue Target { get; private set; } = target;

    public void Trace(Collector gc) => gc.AddWeak(this);

    public void ClearDead(Collector gc)
    {
        if (!Collector.IsLive(Target)) Target = JsValue.Undefined;
    }
}

/// <summary>
/// The cells of a FinalizationRegistry: (target, held value, unregister token). The cleanup
/// callback and held values are strong; targets and tokens are weak. A cell whose target dies is
/// removed by the collector and its held value queued for the cleanup callback.
/// </summary>
internal sealed class FinalizationRegistryData(JsValue cleanup) : ITraceable, IWeakHolder
{
    record struct Cell(JsValue Target, JsValue Held, JsValue Token);

    readonly List<Cell> cells = [];
    readonly JsValue cleanup = cleanup;

    /// <summary>Registered cells whose target is still alive.</summary>
    public int Count => cells.Count;

    public void Register(JsValue target, JsValue held, JsValue token) => cells.Add(new Cell(target, held, token));

    /// <summary>Removes every cell registered with <paramref name="token"/>; true if there was one.</summary>
    public bool Unregister(JsValue token) => cells.RemoveAll(c => c.Token.Bits == token.Bits) > 0;

    public void Trace(Collector gc)
    {
        gc.Mark(cleanup);
        foreach (var c in cells) gc.Mark(c.Held);
        gc.AddWeak(this);
    }

    public void ClearDead(Collector gc)
    {
        int w = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (!Collector.IsLive(c.Target)) { gc.EnqueueCleanup(cleanup, c.Held); continue; }
            // A dead token can never be passed to unregister again: forget it so its address can be reused.
            if (!c.Token.IsEmpty && !Collector.IsLive(c.Token)) c = c with { Token = JsValue.Empty };
            cells[w++] = c;
        }
        cells.RemoveRange(w, cells.Count - w);
    }
}
