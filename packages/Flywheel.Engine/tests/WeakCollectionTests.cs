using FsCheck;
using FsCheck.Fluent;
using Flywheel.Engine.Builtins;
using Flywheel.Engine.Runtime;

namespace Flywheel.Engine.Tests;

/// <summary>
/// WeakMap/WeakSet are ephemeron tables, WeakRef targets and FinalizationRegistry cells are weak:
/// observed through the heap's byte count and the tables' entry counts after forced collections.
/// </summary>
public class WeakCollectionTests
{
    /// <summary>Bytes of a 100,000-element double array's element buffer: what a collected value frees.</summary>
    const long BigValueBytes = 100_000 * 8;
    const string Big = "new Array(100000).fill(0.5)";

    static long HeapAfterGc(JsEngine e)
    {
        e.CollectGarbage();
        return e.GetStatistics().HeapBytes;
    }

    static CollectionData Table(JsEngine e, string global)
    {
        var v = e.Realm.LoadGlobal(JsValue.FromPtr(e.Realm.Intern(global)), true);
        return e.Realm.External<CollectionData>(v.Ptr);
    }

    [Fact]
    public void DroppedKeyLetsItsValueBeCollected()
    {
        using var e = new JsEngine();
        e.Execute($"var wm = new WeakMap(); var k = {{}}; wm.set(k, {Big}); var other = {{}}; wm.set(other, 'kept');");
        long withKey = HeapAfterGc(e);
        Assert.Equal(2, Table(e, "wm").Count);
        e.Execute("k = null;");
        long withoutKey = HeapAfterGc(e);
        Assert.True(withKey - withoutKey >= BigValueBytes, $"heap went from {withKey} to {withoutKey} bytes");
        Assert.Equal(1, Table(e, "wm").Count);
        Assert.Equal("kept", e.Evaluate("wm.get(other)").AsString());
    }

    [Fact]
    public void ReachableKeyKeepsItsValue()
    {
        using var e = new JsEngine();
        e.Execute($"var wm = new WeakMap(); var k = {{}}; wm.set(k, {{ payload: {Big}, tag: 'v' + 1 }});");
        for (int i = 0; i < 3; i++) e.CollectGarbage();
        Assert.Equal("v1 100000", e.Evaluate("wm.get(k).tag + ' ' + wm.get(k).payload.length").AsString());
        Assert.Equal(0, e.Realm.Gc.EphemeronsCleared);
    }

    [Fact]
    public void ValueReferencingItsOwnKeyDoesNotKeepThePairAlive()
    {
        using var e = new JsEngine();
        e.Execute($"var wm = new WeakMap(); (function () {{ const k = {{}}; wm.set(k, {{ back: k, payload: {Big} }}); }})();");
        long before = e.GetStatistics().HeapBytes;
        long after = HeapAfterGc(e);
        Assert.Equal(0, Table(e, "wm").Count);
        Assert.True(before - after >= BigValueBytes, $"heap went from {before} to {after} bytes");
        Assert.Equal(1, e.Realm.Gc.EphemeronsCleared);
    }

    [Fact]
    public void WeakSetDropsDeadMembers()
    {
        using var e = new JsEngine();
        e.Execute("var ws = new WeakSet(); var a = {}; ws.add(a); (function () { for (let i = 0; i < 10; i++) ws.add({ i }); })(); ws.add(Symbol('local'));");
        e.CollectGarbage();
        Assert.Equal(1, Table(e, "ws").Count);
        Assert.True(e.Evaluate("ws.has(a)").AsBoolean());
    }

    /// <summary>
    /// A chain through 60 WeakMaps built back to front: only the first key is a root; each value holds
    /// the next key and the next map, so the collector needs one fixpoint round per link. Every link
    /// survives while the first key is reachable, and the whole chain goes when it is dropped.
    /// </summary>
    [Fact]
    public void ChainsOfWeakMapsResolveInTheFixpoint()
    {
        using var e = new JsEngine();
        e.Execute($$"""
            var n = 60, maps = [], keys = [];
            for (let i = 0; i < n; i++) { maps.push(new WeakMap()); keys.push({ i }); }
            for (let i = n - 1; i >= 0; i--)
              maps[i].set(keys[i], { nextKey: keys[i + 1], nextMap: maps[i + 1], label: 'link' + i, payload: i == n - 1 ? {{Big}} : null });
            var head = keys[0], headMap = maps[0];
            maps = keys = null;
            function walk() {
              let k = head, m = headMap, count = 0, last;
              while (m && m.has(k)) { const v = m.get(k); last = v.label; count++; k = v.nextKey; m = v.nextMap; }
              return count + ' ' + last;
            }
            """);
        long withHead = HeapAfterGc(e);
        e.CollectGarbage();
        Assert.Equal("60 link59", e.Evaluate("walk()").AsString());
        Assert.Equal(0, e.Realm.Gc.EphemeronsCleared);
        // The same chain with the maps as values of one another and a second map on the side.
        e.Execute("head = null;");
        long without = HeapAfterGc(e);
        Assert.True(withHead - without >= BigValueBytes, $"heap went from {withHead} to {without} bytes");
        Assert.Equal(0, Table(e, "headMap").Count);
    }

    /// <summary>
    /// One WeakMap whose entries form a chain inserted back to front: when the collector visits the
    /// table only the last-inserted key is live, so every other value must wait for its key to be
    /// marked by the value before it.
    /// </summary>
    [Fact]
    public void ChainInsideOneWeakMapResolvesKeysMarkedAfterTheirEntryWasVisited()
    {
        using var e = new JsEngine();
        e.Execute("""
            var wm = new WeakMap(), head;
            (function () {
              const keys = []; for (let i = 0; i < 100; i++) keys.push({ i });
              for (let i = 99; i >= 0; i--) wm.set(keys[i], { next: keys[i + 1], label: 'v' + i + '!' });
              head = keys[0];
            })();
            function walk() { let k = head, n = 0, s = ''; while (k && wm.has(k)) { s = wm.get(k).label; k = wm.get(k).next; n++; } return n + ' ' + s; }
            """);
        e.CollectGarbage();
        e.Execute("let churn = []; for (let i = 0; i < 10000; i++) churn.push('x' + i + 'y'); churn = null;");
        e.CollectGarbage();
        Assert.Equal("100 v99!", e.Evaluate("walk()").AsString());
        Assert.Equal(100, Table(e, "wm").Count);
        e.Execute("head = null;");
        e.CollectGarbage();
        Assert.Equal(0, Table(e, "wm").Count);
    }

    [Fact]
    public void EphemeronKeyReachableOnlyThroughAnotherTablesValue()
    {
        using var e = new JsEngine();
        // b's key k2 is reachable only as a's value for k1; b itself only through a's other value.
        // a's entry for k2 comes first, so the collector meets it before k2 is known to be live.
        e.Execute("var a = new WeakMap(); var k1 = {}; (function () { const k2 = {}; const b = new WeakMap(); b.set(k2, 'deep' + k1); a.set(k2, b); a.set(k1, k2); })();");
        e.CollectGarbage();
        e.CollectGarbage();
        Assert.Equal("deep[object Object]", e.Evaluate("a.get(a.get(k1)).get(a.get(k1))").AsString());
        e.Execute("k1 = null;");
        e.CollectGarbage();
        Assert.Equal(0, Table(e, "a").Count);
    }

    [Fact]
    public void WeakRefIsClearedOnlyAfterItsTargetDies()
    {
        using var e = new JsEngine();
        e.Execute($"var strong = {{ payload: {Big} }}; var w1 = new WeakRef(strong); var w2; (function () {{ w2 = new WeakRef({{ payload: {Big} }}); }})();");
        long before = e.GetStatistics().HeapBytes;
        long after = HeapAfterGc(e);
        Assert.True(before - after >= BigValueBytes, $"heap went from {before} to {after} bytes");
        Assert.Equal("true true", e.Evaluate("(w1.deref() === strong) + ' ' + (w2.deref() === undefined)").AsString());
    }

    [Fact]
    public void WeakRefTargetSurvivesTheJobThatObservedIt()
    {
        var o = new JsEngineOptions();
        o.Debug.GcStress = true; // a collection at every safepoint after an allocation
        using var e = new JsEngine(o);
        Assert.Equal("object object", e.Evaluate("""
            var w = new WeakRef({ x: 1 });
            let junk = []; for (let i = 0; i < 50; i++) junk.push({ i });
            const first = typeof w.deref();
            for (let i = 0; i < 50; i++) junk.push({ i });
            first + ' ' + typeof w.deref()
            """).AsString());
        e.CollectGarbage();
        Assert.Equal("undefined", e.Evaluate("typeof w.deref()").AsString());
    }

    [Fact]
    public void DerefInALoopKeepsOneEntryPerTarget()
    {
        using var e = new JsEngine();
        e.SetValue("keptAlive", (Func<double>)(() => e.Realm.KeptAlive.Count));
        Assert.Equal(2, e.Evaluate("const w = new WeakRef({}), v = new WeakRef({}); for (let i = 0; i < 100000; i++) { w.deref(); v.deref(); } keptAlive()").AsNumber());
        Assert.Empty(e.Realm.KeptAlive);
    }

    [Fact]
    public void FinalizationCallbacksRunAsJobsAfterTheCollection()
    {
        var log = new List<string>();
        using var e = new JsEngine();
        e.SetValue("log", (Action<string>)log.Add);
        e.Execute("""
            var reg = new FinalizationRegistry(held => log('cleanup ' + held));
            var token = {};
            (function () {
              reg.register({}, 'a');
              reg.register({}, 'b', token);
              reg.register({}, 'c', {});
            })();
            var alive = {}; reg.register(alive, 'never');
            log('unregister ' + reg.unregister(token));
            """);
        Assert.Equal(["unregister true"], log);
        e.CollectGarbage();
        Assert.Equal(["unregister true"], log); // queued, not run inside the collection
        e.Execute("log('next script');");
        Assert.Equal(["unregister true", "next script", "cleanup a", "cleanup c"], log);
        e.CollectGarbage();
        e.Execute("");
        Assert.Equal(4, log.Count);
        var reg = e.Realm.LoadGlobal(JsValue.FromPtr(e.Realm.Intern("reg")), true);
        Assert.Equal(1, e.Realm.External<FinalizationRegistryData>(reg.Ptr).Count);
    }

    [Fact]
    public void DeadRegistryRunsNoCallbacks()
    {
        var log = new List<string>();
        using var e = new JsEngine();
        e.SetValue("log", (Action<string>)log.Add);
        e.Execute("(function () { const reg = new FinalizationRegistry(h => log(h)); reg.register({}, 'x'); })();");
        e.CollectGarbage();
        e.Execute("");
        Assert.Empty(log);
    }

    [Fact]
    public void CollectionsStayCorrectUnderGcStress()
    {
        var o = new JsEngineOptions();
        o.Debug.GcStress = true;
        using var e = new JsEngine(o);
        Assert.Equal("ok 200", e.Evaluate("""
            const keys = [], wm = new WeakMap(), ws = new WeakSet();
            for (let i = 0; i < 200; i++) { const k = { i }; keys.push(k); wm.set(k, { v: 'value' + i, k }); ws.add(k); wm.set({ garbage: i }, { g: i }); }
            let ok = true;
            for (let i = 0; i < 200; i++) ok = ok && wm.get(keys[i]).v === 'value' + i && wm.get(keys[i]).k === keys[i] && ws.has(keys[i]);
            (ok ? 'ok ' : 'broken ') + keys.length
            """).AsString());
        e.CollectGarbage();
        Assert.Equal(200, Table(e, "wm").Count);
    }

    public enum Op { Set, Get, Has, Delete, Churn }

    /// <summary>
    /// Random operation sequences on a WeakMap and a Map with the same (always reachable) keys give
    /// the same results, with collections at every safepoint after an allocation (GC stress) and
    /// garbage allocated between operations.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property WeakMapAgreesWithMapOnReachableKeys() =>
        Prop.ForAll(
            Gen.Elements(Op.Set, Op.Get, Op.Has, Op.Delete, Op.Churn).SelectMany(op => Gen.Choose(0, 7).SelectMany(k => Gen.Choose(0, 99).Select(v => (op, k, v))))
                .ArrayOf().ToArbitrary(),
            ops =>
            {
                var sb = new System.Text.StringBuilder("""
                    const ks = []; for (let i = 0; i < 8; i++) ks.push(i % 3 == 2 ? Symbol('k' + i) : { id: i });
                    const wm = new WeakMap(), m = new Map(), out = [];
                    const show = v => v === undefined ? 'u' : typeof v === 'object' ? 'o' + v.n : String(v);

                    """);
                foreach (var (op, k, v) in ops)
                {
                    sb.Append(op switch
                    {
                        Op.Set => $"out.push(String(wm.set(ks[{k}], {{ n: {v} }}) === wm) + (m.set(ks[{k}], {{ n: {v} }}) === m));\n",
                        Op.Get => $"out.push(show(wm.get(ks[{k}])) + '/' + show(m.get(ks[{k}])));\n",
                        Op.Has => $"out.push(wm.has(ks[{k}]) + '/' + m.has(ks[{k}]));\n",
                        Op.Delete => $"out.push(wm.delete(ks[{k}]) + '/' + m.delete(ks[{k}]));\n",
                        _ => $"for (let i = 0; i < {v}; i++) wm.set({{ i }}, {{ g: i }});\n",
                    });
                }
                sb.Append("out.filter(s => { const [a, b] = s.split('/'); return a !== b && !s.startsWith('truetrue'); }).join(';')");
                var o = new JsEngineOptions();
                o.Debug.GcStress = true;
                using var e = new JsEngine(o);
                string mismatches = e.Evaluate(sb.ToString()).AsString();
                e.CollectGarbage();
                string final = e.Evaluate("ks.map(k => show(wm.get(k)) == show(m.get(k))).join()").AsString();
                return (mismatches == "" && !final.Contains("false")).Label($"mismatches: {mismatches}; final: {final}");
            });
}
