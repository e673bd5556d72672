namespace Flywheel.Engine.Tests;

/// <summary>
/// Built-in globals created on first lookup (Realm.LazyGlobals) behave exactly as if they had been
/// created with the engine: through every kind of lookup, in reflection and in inline caches.
/// </summary>
public class LazyGlobalsTests
{
    static string[] AllGlobalNames()
    {
        using var e = new JsEngine();
        return e.Evaluate("Object.getOwnPropertyNames(globalThis).join()").AsString().Split(',');
    }

    [Fact]
    public void AFreshEngineDefersSomeGroupsAndListingTheGlobalsCreatesThemAll()
    {
        using var e = new JsEngine();
        Assert.True(e.Realm.PendingLazyGlobalGroups > 0);
        var names = e.Evaluate("Reflect.ownKeys(globalThis).length").AsNumber();
        Assert.Equal(0, e.Realm.PendingLazyGlobalGroups);
        foreach (var g in new[] { "Math", "JSON", "Reflect", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Date", "ArrayBuffer", "Float64Array", "Uint8ClampedArray" })
            Assert.Contains(g, AllGlobalNames());
        Assert.True(names > 50);
    }

    [Fact]
    public void EveryGlobalResolvesInAFreshEngineThroughEveryKindOfLookup()
    {
        string[] names = AllGlobalNames();
        string expected;
        using (var reference = new JsEngine())
        {
            reference.Execute("Object.getOwnPropertyNames(globalThis)"); // everything created
            expected = string.Join("\n", names.Select(n => reference.Evaluate(Describe(n, "globalThis")).AsString()));
        }
        // Each lookup form in its own fresh engine, so it is the first touch of the name.
        foreach (var form in new Func<string, string>[]
        {
            n => $"typeof {n}",
            n => $"typeof globalThis.{n}",
            n => $"typeof globalThis['{n}']",
            n => $"'{n}' in globalThis ? typeof {n} : 'missing'",
            n => $"Object.prototype.hasOwnProperty.call(globalThis, '{n}') ? typeof {n} : 'missing'",
            n => $"typeof Object.getOwnPropertyDescriptor(globalThis, '{n}').value",
            n => $"typeof Object.create(globalThis).{n}",
            n => $"typeof Reflect.get(globalThis, '{n}')",
            n => $"(function () {{ 'use strict'; return typeof {n}; }})()",
        })
        {
            foreach (var n in names)
            {
                using var fresh = new JsEngine();
                string viaForm = fresh.Evaluate(form(n)).AsString();
                using var reference = new JsEngine();
                reference.Execute("Object.getOwnPropertyNames(globalThis)");
                Assert.Equal(reference.Evaluate(form(n)).AsString(), viaForm);
            }
        }
        using var last = new JsEngine();
        Assert.Equal(expected, string.Join("\n", names.Select(n => last.Evaluate(Describe(n, "globalThis")).AsString())));
    }

    static string Describe(string name, string g) =>
        $"(() => {{ const d = Object.getOwnPropertyDescriptor({g}, '{name}'); return '{name} ' + typeof d.value + ' ' + d.writable + d.enumerable + d.configurable + ' ' + (typeof d.value === 'function' ? d.value.name + d.value.length : ''); }})()";

    // Symbol, the errors, RegExp and Promise have instances before their globals are first looked up:
    // the first touch of their prototypes (in a fresh engine each) must see everything the group creates.
    [Theory]
    [InlineData("/b+/.exec('abbc')[0] + /x/gi.flags + 'a-b'.split(/-/).length + 'aXa'.replace(/x/i, 'y')")]
    [InlineData("[...'a1b2'.matchAll(/\\d/g)].length + ' ' + /a/[Symbol.replace]('aa', 'b')")]
    [InlineData("Object.getOwnPropertyNames(Object.getPrototypeOf(/a/)).sort().join()")]
    [InlineData("Reflect.ownKeys(Object.getPrototypeOf(/a/)).length + ' ' + ('test' in Object.getPrototypeOf(/a/))")]
    [InlineData("try { null.x } catch (e) { e.name + ': ' + e.message + ' ' + (e instanceof TypeError) + ' ' + String(e) + ' ' + e.constructor.name }")]
    [InlineData("try { undefinedName } catch (e) { Object.getOwnPropertyNames(Object.getPrototypeOf(e)).sort().join() + ' ' + e }")]
    [InlineData("(() => { try { f(); } catch (e) { return `${e}`; } function f() { return f(); } })()")]
    [InlineData("const s = Object(Symbol.iterator); typeof s + ' ' + s.description + ' ' + s.toString()")]
    [InlineData("Object(Symbol.iterator).description + ' ' + [Symbol.asyncIterator].map(String)")]
    [InlineData("let out = ''; (async () => { out += await 1; })().then(() => { out += 'then'; }); out")]
    [InlineData("(async () => 1)().then.name + ' ' + Object.getOwnPropertyNames(Object.getPrototypeOf((async () => {})())).sort().join()")]
    [InlineData("for (const k in Object.create(/a/)) {} ; String(/x/) + ' ' + Object.prototype.toString.call(/x/)")]
    public void PrototypesOfLazyGroupsAreCompleteAtTheirFirstTouch(string expression)
    {
        string expected;
        using (var reference = new JsEngine())
        {
            reference.Execute("Object.getOwnPropertyNames(globalThis)"); // everything created
            expected = reference.Evaluate(expression).AsString();
        }
        using var fresh = new JsEngine();
        Assert.True(fresh.Realm.PendingLazyGlobalGroups >= 4);
        Assert.Equal(expected, fresh.Evaluate(expression).AsString());
    }

    [Fact]
    public void ScriptsCanShadowReplaceAndDeleteLazyGlobalsBeforeFirstUse()
    {
        using (var e = new JsEngine())
            Assert.Equal("number 5", e.Evaluate("var Date = 5; typeof Date + ' ' + Date").AsString());
        using (var e = new JsEngine())
            Assert.Equal("undefined", e.Evaluate("delete globalThis.Map; typeof Map").AsString());
        using (var e = new JsEngine())
            Assert.Equal("x 1", e.Evaluate("Math = 'x'; Math + ' ' + Object.getOwnPropertyNames(globalThis).filter(n => n === 'Math').length").AsString());
        using (var e = new JsEngine())
            Assert.Equal("7 true", e.Evaluate("Object.defineProperty(globalThis, 'JSON', { value: 7 }); JSON + ' ' + Object.getOwnPropertyDescriptor(globalThis, 'JSON').writable").AsString());
        using (var e = new JsEngine())
            Assert.Equal("3 true", e.Evaluate("let Reflect = 3; Reflect + ' ' + (typeof globalThis.Reflect.ownKeys === 'function')").AsString());
    }

    [Fact]
    public void InlineCachesSeeGlobalsCreatedAfterTheyWereFirstRun()
    {
        var o = new JsEngineOptions();
        o.Jit.Mode = TieringMode.Baseline;
        using var e = new JsEngine(o);
        Assert.Equal("2 object function 3", e.Evaluate("""
            function probe(i) { return i < 2 ? 'x' : typeof Math; }
            let r = ''; for (let i = 0; i < 4; i++) r = probe(i);
            function mapSize() { const m = new Map(); m.set(1, 1).set(2, 2); return m.size; }
            let s = 0; for (let i = 0; i < 3; i++) s = mapSize();
            s + ' ' + r + ' ' + typeof Date + ' ' + new Set([1, 2, 3]).size
            """).AsString());
    }
}
