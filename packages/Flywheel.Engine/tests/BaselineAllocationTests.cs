namespace Flywheel.Engine.Tests;

/// <summary>
/// Allocation in baseline code (BaselineCompiler.Allocation): contexts pushed and cloned per loop
/// iteration, empty object and array literals inline; closures, literal properties and growing
/// literal elements through the allocation stub. Each program prints what node prints under the
/// interpreter, the baseline tier and the baseline tier under GC stress (where inline allocation
/// stops before every collection it would make due), and the allocating instructions ran in
/// machine code rather than through the interpreter (few slow paths), so an inline path that is
/// wrong or never taken fails here.
/// </summary>
public class BaselineAllocationTests
{
    /// <summary>
    /// Asserts every tier prints <paramref name="expected"/> and that baseline code handed each of
    /// <paramref name="opcodes"/> to the interpreter at most <paramref name="maxSlowPaths"/> times.
    /// </summary>
    static EngineStatistics AssertAllTiersAllocatingInline(string expected, string script, long maxSlowPaths, params string[] opcodes)
    {
        Assert.Equal(expected, TierComparison.Run(script, TieringMode.Interpreter).Output);
        var (output, statistics) = TierComparison.Run(script, TieringMode.Baseline);
        Assert.Equal(expected, output);
        foreach (var opcode in opcodes)
        {
            long n = statistics.BaselineSlowPaths.GetValueOrDefault(opcode) + statistics.BaselineExits.GetValueOrDefault(opcode);
            Assert.True(n <= maxSlowPaths, $"{n} slow paths and exits of {opcode} (at most {maxSlowPaths} expected)");
        }
        Assert.Equal(expected, TierComparison.Run(script, TieringMode.Baseline, gcStress: true).Output);
        return statistics;
    }

    [Fact]
    public void ContextsAndEmptyLiteralsAllocateInline()
    {
        const string script = """
            // Per-iteration bindings: closures capture each iteration's copy (CloneContext), nested loops,
            // a context with many slots, and contexts pushed per call (PushContext).
            const fs = [];
            for (let i = 0; i < 3000; i++) { let j = i * 2; fs.push(() => i + j); }
            let s = 0; for (const f of fs) s += f();
            const big = [];
            for (let i = 0; i < 400; i++) {
              let a = i, b = a + 1, c = b + 1, d = c + 1, e = d + 1, f = e + 1, g = f + 1, h = g + 1, k = h + 1, l = k + 1,
                  m = l + 1, n = m + 1, o = n + 1, p = o + 1, q = p + 1, r = q + 1, t = r + 1, u = t + 1, v = u + 1, w = v + 1;
              big.push(() => a + b + c + d + e + f + g + h + k + l + m + n + o + p + q + r + t + u + v + w);
            }
            let bs = 0; for (const f of big) bs += f();
            function counter(start) { let n = start; return { inc() { return ++n; }, get() { return n; } }; }
            const cs = []; for (let i = 0; i < 2000; i++) { const c = counter(i); c.inc(); cs.push(c); }
            let cn = 0; for (const c of cs) cn += c.get();
            const grid = [];
            for (let x = 0; x < 40; x++) for (let y = 0; y < 40; y++) grid.push(() => x * 100 + y);
            let gs = 0; for (const f of grid) gs += f();
            let late = [];
            for (let i = 0; i < 5; i++) { let v = i; late.push(() => v); v += 10; }
            console.log(s, bs, cn, gs, late.map(f => f()).join(","));
            // Empty object and array literals, filled later: identity, prototypes, lengths, holes, keys.
            const objs = [], arrs = [];
            for (let i = 0; i < 3000; i++) {
              const o = {}; o.i = i; if (i % 3 === 0) o["k" + (i % 7)] = i;
              const a = []; a[i % 5] = i; if (i % 2) a.push(i);
              objs.push(o); arrs.push(a);
            }
            let os = 0, ks = 0, al = 0, holes = 0;
            for (const o of objs) { os += o.i; ks += Object.keys(o).length; }
            for (const a of arrs) { al += a.length; for (let j = 0; j < a.length; j++) if (!(j in a)) holes++; }
            console.log(os, ks, al, holes, Object.getPrototypeOf(objs[5]) === Object.prototype, Array.isArray(arrs[3]),
              objs[0] !== objs[1], arrs[0] !== arrs[1], JSON.stringify(objs[9]), JSON.stringify(arrs[7]), [].length, String([]), String({}));
            const frozen = []; for (let i = 0; i < 100; i++) { const o = Object.freeze({}); const a = Object.freeze([]); frozen.push(Object.isFrozen(o) && Object.isFrozen(a) && Object.isExtensible({}) && Object.isExtensible([])); }
            console.log(frozen.every(x => x));
            """;
        const string expected = "13495500 1672000 2001000 3151200 10,11,12,13,14\n" +
            "4498500 4000 10500 6000 true true true true {\"i\":9,\"k2\":9} [null,null,7,7] 0  [object Object]\ntrue\n";
        // Each allocation site runs a few times in the interpreter before its function is compiled,
        // and a new chunk or a collection made due takes the slow path.
        AssertAllTiersAllocatingInline(expected, script, 100, "CloneContext", "PushContext", "CreateObject", "CreateArray");
    }

    [Fact]
    public void ClosuresLiteralPropertiesAndGrowingElementsRunWithoutTheInterpreter()
    {
        const string script = """
            // Object literals: many properties (the slots grow), duplicate keys, computed keys, __proto__,
            // getters and setters, spread, numeric keys, shorthand methods; array literals with holes,
            // spread and many elements (the elements grow); closures of every kind.
            const recs = [];
            for (let i = 0; i < 2000; i++) {
              const k = "c" + (i % 4);
              const o = { a: i, b: i * 2, c: "s" + i, d: null, e: undefined, f: 1.5, g: true, h: i % 3, a2: 1, b2: 2, [k]: i, 7: "seven", dup: 1, dup: 2,
                get twice() { return this.a * 2; }, set twice(v) { this.a = v / 2; }, m() { return this.b; } };
              const p = { __proto__: o, own: i };
              const q = { ...p, extra: [i, , i + 1] };
              recs.push([o, p, q]);
            }
            let sum = 0, keys = "", protoOk = true;
            for (const [o, p, q] of recs) {
              sum += o.twice + o.m() + (o[o.c.length > 3 ? "c0" : "h"] ?? 5) + (o.c0 ?? 0) + p.own + p.a + q.own + q.extra.length + (1 in q.extra ? 100 : 0);
              if (Object.getPrototypeOf(p) !== o) protoOk = false;
            }
            const last = recs[recs.length - 1];
            keys = Object.keys(last[0]).join(",") + "|" + Object.keys(last[2]).join(",");
            last[0].twice = 10;
            console.log(sum, protoOk, keys, last[0].a, JSON.stringify(last[2]));
            const arrs = [];
            for (let i = 0; i < 1500; i++) {
              const a = [i, i + 1, , i + 3, ...[i, i], 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25];
              arrs.push(a);
            }
            let total = 0, holes = 0;
            for (const a of arrs) { total += a.length + a[0] + a[a.length - 1]; if (!(2 in a)) holes++; }
            console.log(total, holes, arrs[3].slice(0, 7).join(","));
            const fns = [];
            for (let i = 0; i < 1000; i++) {
              const arrow = x => x + i;
              function named(y) { return y * i; }
              const gen = function* () { yield i; };
              class K { constructor() { this.v = i; } get w() { return this.v + 1; } }
              const asyncF = async () => i;
              fns.push([arrow, named, gen, K, asyncF]);
            }
            let fs = 0, names = new Set();
            for (const [arrow, named, gen, K, asyncF] of fns) {
              fs += arrow(1) + named(2) + gen().next().value + new K().w;
              names.add(arrow.name + named.name + gen.name + K.name + asyncF.name + named.length + typeof named.prototype + typeof arrow.prototype);
            }
            console.log(fs, [...names].join(";"), fns[0][1] !== fns[1][1], fns[5][1].prototype.constructor === fns[5][1]);
            """;
        const string expected = "15003024 true 7,a,b,c,d,e,f,g,h,a2,b2,c3,dup,twice,m|own,extra 5 {\"own\":1999,\"extra\":[1999,null,2000]}\n" +
            "1209750 1500 3,4,,6,3,3,0\n2499500 arrownamedgenKasyncF1objectundefined true true\n";
        // The allocation stub makes closures, literal properties and grown elements in machine code.
        AssertAllTiersAllocatingInline(expected, script, 100, "CreateClosure", "DefineNamed", "ArrayPush", "CreateObject", "CreateArray", "PushContext", "PopContext");
    }

    [Fact]
    public void LiteralPropertiesTakeTheirTransitionsInline()
    {
        const string script = """
            // Object literals built in machine code: plain properties take their transitions inline, the
            // slots grow past four, duplicates redefine, a literal past the shared-shape limit goes to
            // dictionary mode, and getters, spreads and computed keys end the planned chain.
            function mk(i) { return { x: i, y: i + 1, z: "z", w: [i], v: { inner: i, deep: { d: i } }, u: i & 1 }; }
            function dup(i) { return { a: i, b: 2, a: i * 3, c: 4 }; }
            function wide(i) { return { p0: i + 0, p1: i + 1, p2: i + 2, p3: i + 3, p4: i + 4, p5: i + 5, p6: i + 6, p7: i + 7, p8: i + 8, p9: i + 9, p10: i + 10, p11: i + 11, p12: i + 12, p13: i + 13, p14: i + 14, p15: i + 15, p16: i + 16, p17: i + 17, p18: i + 18, p19: i + 19, p20: i + 20, p21: i + 21, p22: i + 22, p23: i + 23, p24: i + 24, p25: i + 25, p26: i + 26, p27: i + 27, p28: i + 28, p29: i + 29, p30: i + 30, p31: i + 31, p32: i + 32, p33: i + 33, p34: i + 34, p35: i + 35, p36: i + 36, p37: i + 37, p38: i + 38, p39: i + 39, p40: i + 40, p41: i + 41, p42: i + 42, p43: i + 43, p44: i + 44, p45: i + 45, p46: i + 46, p47: i + 47, p48: i + 48, p49: i + 49, p50: i + 50, p51: i + 51, p52: i + 52, p53: i + 53, p54: i + 54, p55: i + 55, p56: i + 56, p57: i + 57, p58: i + 58, p59: i + 59, p60: i + 60, p61: i + 61, p62: i + 62, p63: i + 63, p64: i + 64, p65: i + 65, p66: i + 66, p67: i + 67, p68: i + 68, p69: i + 69 }; }
            function mixed(i) { const k = "k" + (i % 3); return { a: i, get g() { return this.a + 1; }, b: 2, [k]: 3, c: 4, ...{ s: 5 }, d: 6 }; }
            let s = 0, keys = new Set();
            for (let i = 0; i < 3000; i++) {
              const m = mk(i), d = dup(i), w = wide(i), x = mixed(i);
              s += m.x + m.y + m.w[0] + m.v.deep.d + m.u + d.a + d.c + w.p0 + w.p69 + x.g + x.c + x.d + x.s;
              if (i % 1000 === 0) keys.add(Object.keys(m).join("") + "/" + Object.keys(d).join("") + "/" + Object.keys(w).length + "/" + Object.keys(x).join(""));
            }
            const m = mk(7);
            m.extra = 1; delete m.y;
            console.log(s, [...keys].join(" "), JSON.stringify(m), Object.keys(mk(1)).join(","));
            """;
        const string expected = "45256500 xyzwvu/abc/70/agbk0csd xyzwvu/abc/70/agbk1csd xyzwvu/abc/70/agbk2csd " +
            "{\"x\":7,\"z\":\"z\",\"w\":[7],\"v\":{\"inner\":7,\"deep\":{\"d\":7}},\"u\":1,\"extra\":1} x,y,z,w,v,u\n";
        var statistics = AssertAllTiersAllocatingInline(expected, script, 10, "DefineNamed", "CreateObject");
        // 88 DefineNamed per iteration; the stub makes a literal's first property, the ones that grow
        // its slots (at 4, 8, 16, 32, 64), those after a duplicate, a getter, a computed key or a
        // spread, and those past the shared-shape limit: 25 per iteration.
        long stubCalls = statistics.BaselineAllocationStubCalls.GetValueOrDefault("DefineNamed");
        Assert.True(stubCalls <= 25 * 3000 + 100, $"{stubCalls} DefineNamed went to the allocation stub");
    }

    [Fact]
    public void HeapLimitStopsInlineAllocationWithTheHostError()
    {
        var options = new JsEngineOptions();
        options.Jit.Mode = TieringMode.Baseline;
        options.Limits.MaxHeapBytes = 32L << 20;
        using var engine = new JsEngine(options);
        Assert.Throws<JsMemoryLimitException>(() => engine.Execute("const keep = []; for (let i = 0; ; i++) { const o = {}, a = []; keep.push(() => [o, a, i]); }"));
        Assert.Equal(6, engine.Evaluate("2 * 3").AsNumber());
    }
}
