namespace Flywheel.Engine.Tests;

/// <summary>
/// The baseline tier's inline data paths (globals, prototype-chain loads, add-property stores,
/// typed-array elements): each program prints what node prints under the interpreter, the baseline
/// tier and the baseline tier under GC stress, and the instruction it exercises ran in machine code
/// (few exits), so a fast path that is wrong or never taken fails here. The programs change what
/// the code cached after it cached it.
/// </summary>
public class BaselineDataPathTests
{
    internal static (string Output, IReadOnlyDictionary<string, long> Exits) Run(TieringMode mode, bool gcStress, params string[] scripts)
    {
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Jit.Mode = mode;
        options.Debug.GcStress = gcStress;
        options.Limits.TimeLimit = TimeSpan.FromSeconds(60);
        using var engine = new JsEngine(options);
        foreach (var script in scripts)
        {
            try { engine.Execute(script, "test.js"); }
            catch (JavaScriptException e) { output.Write($"<uncaught {e.Name}: {e.ErrorMessage}>\n"); }
        }
        return (output.ToString(), engine.GetStatistics().BaselineExits);
    }

    /// <summary>Asserts every tier prints <paramref name="expected"/> and baseline code exits before <paramref name="opcode"/> at most <paramref name="maxExits"/> times.</summary>
    internal static void AssertAllTiers(string expected, string opcode, long maxExits, params string[] scripts)
    {
        Assert.Equal(expected, Run(TieringMode.Interpreter, false, scripts).Output);
        var (output, exits) = Run(TieringMode.Baseline, false, scripts);
        Assert.Equal(expected, output);
        long n = exits.GetValueOrDefault(opcode);
        Assert.True(n <= maxExits, $"{n} exits before {opcode} (at most {maxExits} expected)");
        Assert.Equal(expected, Run(TieringMode.Baseline, true, scripts).Output);
    }

    [Fact]
    public void GlobalLoadsAndStoresFollowRedefinitionDeletionAndAccessors()
    {
        const string script = """
            var v = 1; let lex = 10; const k = 5;
            function read() { return v + lex + k; }
            function write(x) { v = x; lex = x * 2; }
            let sum = 0;
            for (let i = 0; i < 2000; i++) { write(i); sum += read(); }
            console.log(sum, v, lex);
            h = 1;
            function rh() { try { return h; } catch (e) { return e.name; } }
            function wh(x) { h = x; }
            function whStrict(x) { "use strict"; try { h = x; return "ok"; } catch (e) { return e.name; } }
            let seen = [];
            for (let i = 0; i < 300; i++) { wh(i); seen[0] = rh(); }
            seen.push(rh());
            delete globalThis.h;
            seen.push(rh(), whStrict(4), rh());
            wh(2);
            seen.push(rh());
            Object.defineProperty(globalThis, "h", { get() { return "getter"; }, set(x) { seen.push("set " + x); }, configurable: true });
            seen.push(rh());
            wh(3);
            Object.defineProperty(globalThis, "h", { value: 7, writable: false, configurable: true });
            wh(8);
            seen.push(rh(), whStrict(9), rh());
            console.log(seen.join(","));
            """;
        AssertAllTiers("6007000 1999 3998\n299,299,ReferenceError,ReferenceError,ReferenceError,2,getter,set 3,7,TypeError,7\n", "LdaGlobal", 50, script);
    }

    [Fact]
    public void GlobalLexicalBindingsShadowCachedGlobalsAndKeepTheirDeadZone()
    {
        const string first = """
            q = 1;
            function rq() { return q; }
            function wq(x) { q = x; }
            let s = 0;
            for (let i = 0; i < 500; i++) { wq(i); s += rq(); }
            function rz() { try { return z; } catch (e) { return e.name; } }
            function wz(x) { try { z = x; return "ok"; } catch (e) { return e.name; } }
            let early = [];
            for (let i = 0; i < 50; i++) early[0] = rz() + wz(i);
            console.log(s, early[0]);
            """;
        const string second = """
            let out = [];
            function rw() { try { return w; } catch (e) { return e.name; } }
            function ww(x) { try { w = x; return "ok"; } catch (e) { return e.name; } }
            for (let i = 0; i < 50; i++) out[0] = rw() + ww(i);
            let w = 1;
            for (let i = 0; i < 50; i++) out[1] = rw() + ww(i);
            out.push(rw());
            let q = { n: 2 };
            let z = 3;
            for (let i = 0; i < 100; i++) { out[2] = rq().n; out[3] = rz(); }
            out.push(wz(4), rz(), globalThis.q);
            wq({ n: 5 });
            out.push(rq().n, globalThis.q);
            console.log(out.join(","));
            """;
        // Reads in the dead zone exit (100), and so do rq's and rz's after the shadowing (200): their
        // sites hold the stale global-object entry first and the lexical one second, and the
        // interpreter's and the code's hit tests read entry 0 only.
        AssertAllTiers("124750 48ok\nReferenceErrorReferenceError,48ok,2,3,ok,4,499,5,499\n", "LdaGlobal", 320, first, second);
    }

    const string TypedArrayPrelude = """
        const fmt = v => Object.is(v, -0) ? "-0" : typeof v === "number" ? String(v) : typeof v + ":" + String(v);
        const kinds = [Float64Array, Int32Array, Uint8Array, Float32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8ClampedArray];
        function put(a, i, v) { a[i] = v; }
        function get(a, i) { return a[i]; }
        """;

    [Fact]
    public void TypedArrayElementsConvertAndBoundsCheckAsTheInterpreterDoes()
    {
        const string script = TypedArrayPrelude + """
            const values = [0, -0, 1, -1, 255, 256, -129, 65535, 2147483647, -2147483648, 4294967295, 0.5, -2.75, 1e10, -1e10, NaN, Infinity, -Infinity, 3.4e38, 1e-45, "7", null, undefined, true];
            const lines = [];
            for (const K of kinds) {
              const a = new K(8);
              let row = [];
              for (let round = 0; round < 2; round++) row = values.map(v => { put(a, 1, v); return fmt(get(a, 1)); });
              for (const k of [8, 9, -0, "2", 2147483648]) { put(a, k, 5); row.push(fmt(get(a, k))); }
              let s = 0;
              for (let n = 0; n < 200; n++) {
                for (let i = 0; i < 8; i++) put(a, i, i * 3 - 4 + n);
                for (let i = 0; i < 8; i++) s += get(a, i);
              }
              row.push(s, Object.keys(a).length);
              lines.push(K.name + " " + row.join(" "));
            }
            const buffer = new ArrayBuffer(32);
            const view = new Float64Array(buffer, 8, 2), bytes = new Uint8Array(buffer), ints = new Int32Array(buffer, 4, 3);
            for (let i = 0; i < 32; i++) put(bytes, i, i);
            lines.push([get(view, 0), get(view, 1), get(ints, 0), get(ints, 2), get(view, 2), get(ints, 3)].map(fmt).join(" "));
            put(view, 1, 1.5); put(ints, 0, -1);
            lines.push(Array.from(bytes).join(","));
            console.log(lines.join("\n"));
            """;
        const string expected = """
            Float64Array 0 -0 1 -1 255 256 -129 65535 2147483647 -2147483648 4294967295 0.5 -2.75 10000000000 -10000000000 NaN Infinity -Infinity 3.4e+38 1e-45 7 0 NaN 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 169600 8
            Int32Array 0 0 1 -1 255 256 -129 65535 2147483647 -2147483648 -1 0 -2 1410065408 -1410065408 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 169600 8
            Uint8Array 0 0 1 255 255 0 127 255 255 0 255 0 254 0 0 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 170880 8
            Float32Array 0 -0 1 -1 255 256 -129 65535 2147483648 -2147483648 4294967296 0.5 -2.75 10000000000 -10000000000 NaN Infinity -Infinity 3.3999999521443642e+38 1.401298464324817e-45 7 0 NaN 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 169600 8
            Uint32Array 0 0 1 4294967295 255 256 4294967167 65535 2147483647 2147483648 4294967295 0 4294967294 1410065408 2884901888 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 21475006080 8
            Int16Array 0 0 1 -1 255 256 -129 -1 -1 0 -1 0 -2 -7168 7168 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 169600 8
            Uint16Array 0 0 1 65535 255 256 65407 65535 65535 0 65535 0 65534 58368 7168 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 497280 8
            Int8Array 0 0 1 -1 -1 0 127 -1 -1 0 -1 0 -2 0 0 0 0 0 0 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 8832 8
            Uint8ClampedArray 0 0 1 0 255 255 0 255 255 0 255 0 0 255 0 0 255 0 255 0 7 0 0 1 undefined:undefined undefined:undefined 5 5 undefined:undefined 169611 8
            3.6919162048650923e-236 1.846323925681849e-197 117835012 252579084 undefined:undefined undefined:undefined
            0,1,2,3,255,255,255,255,8,9,10,11,12,13,14,15,0,0,0,0,0,0,248,63,24,25,26,27,28,29,30,31
            """;
        AssertAllTiers(expected + "\n", "GetKeyed", 200, script);
        AssertAllTiers(expected + "\n", "SetKeyed", 400, script);
    }

    [Fact]
    public void TypedArrayKeysThatAreNotIndicesGoToTheInterpreter()
    {
        // Negative, fractional and NaN keys of typed arrays: the code must leave them to the
        // interpreter, whatever it does with them (today it treats them as ordinary properties,
        // which node does not; see the report in BaselineDataPathTests' history).
        const string script = TypedArrayPrelude + """
            const out = [];
            for (const K of kinds) {
              const a = new K(4);
              for (let r = 0; r < 20; r++) for (const k of [-1, 1.5, NaN, -2147483648, "1.5", "-0", 3, 4]) { put(a, k, r); out.push(fmt(get(a, k))); }
              out.push(Object.keys(a).join("/"));
            }
            console.log(out.join(" "));
            """;
        Assert.Equal(Run(TieringMode.Interpreter, false, script).Output, Run(TieringMode.Baseline, false, script).Output);
        Assert.Equal(Run(TieringMode.Interpreter, false, script).Output, Run(TieringMode.Baseline, true, script).Output);
    }

    [Fact]
    public void Float64LoadsCanonicalizeNaNPayloads()
    {
        // A NaN whose bits, offset as a boxed double, would read as `true` (0xFFFE_0000_0000_0007
        // + 2^49): loads must canonicalize it, as JsValue.FromNumber does. What a store of that NaN
        // writes is implementation-defined (node keeps the payload, Flywheel writes its canonical NaN).
        const string script = TypedArrayPrelude + """
            const b = new ArrayBuffer(16), f = new Float64Array(b), u = new Uint32Array(b), by = new Uint8Array(b);
            const out = [];
            for (let r = 0; r < 50; r++) {
              put(u, 0, 7); put(u, 1, -131072);
              const v = get(f, 0);
              out[0] = typeof v + " " + v + " " + (v !== v) + " " + Object.is(v, NaN) + " " + (v === true);
              put(f, 1, v);
              put(u, 0, 0); put(u, 1, -524288);
              out[1] = String(get(f, 0)) + " " + typeof get(f, 0);
            }
            const bytes = [];
            for (let i = 8; i < 16; i++) bytes.push(get(by, i));
            out.push(bytes.join(","));
            console.log(out.join("\n"));
            """;
        AssertAllTiers("number NaN true true false\nNaN number\n0,0,0,0,0,0,248,127\n", "GetKeyed", 10, script);
    }

    [Fact]
    public void PrototypeChainLoadsFollowPrototypeMutations()
    {
        const string script = """
            class A { constructor(x) { this.x = x; this.y = x + 1; } m() { return this.x; } }
            function getP(o) { return o.p; }
            function callM(o) { return o.m(); }
            A.prototype.p = 1;
            const a = new A(1), out = [];
            let s = 0;
            for (let i = 0; i < 500; i++) s += getP(a) + callM(a);
            out.push(s);
            A.prototype.p = 2;
            out.push(getP(a));
            Object.defineProperty(A.prototype, "p", { get() { return "getter " + this.x; }, configurable: true });
            out.push(getP(a));
            delete A.prototype.p;
            out.push(getP(a));
            Object.prototype.p = "from Object.prototype";
            out.push(getP(a));
            delete Object.prototype.p;
            for (let i = 0; i < 100; i++) getP(a);
            Object.setPrototypeOf(a, { p: "other prototype", m() { return "other m"; } });
            out.push(getP(a), callM(a));
            a.p = "own";
            out.push(getP(a), getP(new A(5)));
            A.prototype.m = function () { return "replaced"; };
            out.push(callM(new A(6)));
            console.log(out.join(" | "));
            """;
        AssertAllTiers("1000 | 2 | getter 1 |  | from Object.prototype | other prototype | other m | own |  | replaced\n", "GetNamed", 10, script);
    }

    [Fact]
    public void AddPropertyStoresRespectCapacityExtensibilityAndPrototypeSetters()
    {
        // The fifth property of each P and the first of each Object.create(proto) need more slots
        // than the receiver has: those 800 adds grow the slots in the miss stub, the other 2,300 run
        // inline; only the stores to the non-extensible object and the setter and read-only ones exit.
        const string script = """
            function P(x) { this.x = x; this.y = x * 2; this.z = x * 3; this.w = x * 4; this.v = x * 5; }
            function addQ(o, q) { o.q = q; }
            function addQStrict(o, q) { "use strict"; try { o.q = q; return "ok"; } catch (e) { return e.name; } }
            const ps = [], log = [];
            for (let i = 0; i < 500; i++) ps.push(new P(i));
            let s = 0;
            for (const p of ps) s += p.x + p.y + p.z + p.w + p.v;
            log.push(s, Object.keys(ps[3]).join(""));
            for (let i = 0; i < 300; i++) addQ({ a: 1 }, i);
            const sealed = { a: 1 };
            Object.preventExtensions(sealed);
            addQ(sealed, 1);
            log.push(addQStrict(sealed, 2), "q" in sealed);
            const proto = { a: 1 };
            const child = Object.create(proto);
            for (let i = 0; i < 300; i++) addQ(Object.create(proto), i);
            addQ(proto, 0);
            addQ(child, 5);
            log.push(child.q, proto.q, Object.keys(child).join(""));
            Object.defineProperty(P.prototype, "y", { set(v) { log.push("setter " + v); }, get() { return "proto y"; }, configurable: true });
            const p7 = new P(7);
            log.push(p7.y, Object.keys(p7).join(""));
            Object.defineProperty(P.prototype, "z", { value: "read-only", writable: false, configurable: true });
            const p8 = new P(8);
            log.push(p8.z, Object.keys(p8).join(""));
            console.log(log.join(" | "));
            """;
        AssertAllTiers("1871250 | xyzwv | TypeError | false | 5 | 0 | q | setter 14 | proto y | xzwv | setter 16 | read-only | xwv\n", "SetNamed", 10, script);
    }

    [Fact]
    public void PolymorphicSitesHitEveryCachedShapeAndGoMegamorphic()
    {
        // The first loop's 3,200 loads and 400 stores see four shapes (hits in machine code); the
        // last loop's five shapes make the sites megamorphic, whose 1,200 accesses the miss stub makes.
        const string script = """
            class A { constructor() { this.a = 1; this.v = "A"; } who() { return "A"; } }
            class B { constructor() { this.b = 1; this.v = "B"; } who() { return "B"; } }
            const makers = [() => new A(), () => new B(), () => ({ v: "lit", who() { return "lit"; } }), () => ({ x: 0, v: "lit2", who: () => "lit2" })];
            function rd(o) { return o.v + o.who(); }
            function wr(o, x) { o.v = x; }
            const out = [];
            let s = "";
            for (let i = 0; i < 400; i++) { const o = makers[i % 4](); s = rd(o); wr(o, i); s += rd(o); }
            out.push(s);
            B.prototype.who = function () { return "B2"; };
            out.push(rd(new B()), rd(new A()));
            Object.setPrototypeOf(A.prototype, { who() { return "never"; } });
            out.push(rd(new A()));
            delete A.prototype.who;
            out.push(rd(new A()));
            for (let i = 0; i < 400; i++) { const o = i % 5 === 4 ? { y: 1, v: "five", who() { return "5"; } } : makers[i % 4](); wr(o, i); s = rd(o); }
            out.push(s);
            console.log(out.join(" | "));
            """;
        AssertAllTiers("lit2lit2399lit2 | BB2 | AA | AA | Anever | 3995\n", "GetNamed", 10, script);
        AssertAllTiers("lit2lit2399lit2 | BB2 | AA | AA | Anever | 3995\n", "SetNamed", 10, script);
    }
}
