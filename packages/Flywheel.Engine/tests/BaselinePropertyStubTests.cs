namespace Flywheel.Engine.Tests;

/// <summary>
/// The runtime stubs baseline code calls when a property access misses its inline path (megamorphic
/// sites, new shapes, stale prototype records, adds that grow the slots, holes and growing dense
/// elements, keyed accesses to other objects): every program prints what node prints under the
/// interpreter, the baseline tier and the baseline tier under GC stress, and the accesses the
/// stubs can make (data properties) do not exit, while getters, setters and failing stores still do.
/// </summary>
public class BaselinePropertyStubTests
{
    [Fact]
    public void MegamorphicSitesLoadStoreAndAddWithoutExiting()
    {
        const string script = """
            // Sites that see more shapes than the cache holds: loads of own, inherited and missing
            // properties and stores that overwrite and add, with a getter and a setter showing up late.
            const protoA = { inherited: "pa" }, protoB = { inherited: "pb" };
            function make(i) {
              switch (i % 7) {
                case 0: return { v: i, a: 1 };
                case 1: return { b: 2, v: i };
                case 2: return { c: 3, d: 4, v: i };
                case 3: { const o = Object.create(protoA); o.v = i; return o; }
                case 4: { const o = Object.create(protoB); o.e = 5; o.v = i; return o; }
                case 5: return [i];
                default: return { f: 6, g: 7, h: 8, v: i, w: 0 };
              }
            }
            function readV(o) { return o.v; }
            function readInherited(o) { return o.inherited; }
            function writeV(o, x) { o.v = x; }
            function addFresh(o, x) { o.fresh = x; }
            const objs = [];
            for (let i = 0; i < 700; i++) objs.push(make(i));
            let sum = 0, names = "";
            for (let round = 0; round < 3; round++) {
              for (const o of objs) {
                writeV(o, (o.v | 0) + 1);
                sum += readV(o);
                const inh = readInherited(o);
                if (inh !== undefined && names.length < 40) names += inh;
              }
            }
            for (const o of objs) addFresh(o, sum & 7);
            let fresh = 0;
            for (const o of objs) fresh += o.fresh;
            Object.defineProperty(protoA, "v", { get() { return "getter"; }, configurable: true });
            const late = Object.create(protoA);
            const lateRead = readV(late);
            Object.defineProperty(protoB, "fresh", { set(x) { this.seen = x; }, configurable: true });
            const viaSetter = Object.create(protoB);
            addFresh(viaSetter, 42);
            console.log(sum, names, fresh, lateRead, viaSetter.seen, Object.keys(viaSetter).join(","));
            """;
        const string expected = "632700 papbpapbpapbpapbpapbpapbpapbpapbpapbpapb 2800 getter 42 seen\n";
        // 6,300 loads, 2,100 stores and 700 adds at megamorphic sites; only the getter and the setter exit.
        BaselineDataPathTests.AssertAllTiers(expected, "GetNamed", 5, script);
        BaselineDataPathTests.AssertAllTiers(expected, "SetNamed", 5, script);
    }

    [Fact]
    public void GettersAppearingAfterTheSiteWentMonomorphicAndPrototypeChangesInLoops()
    {
        const string script = """
            // A load site that went monomorphic (own slot, prototype slot) and then sees a getter appear:
            // on the prototype, on the object itself, on Object.prototype for a missing property.
            class Point { constructor(x) { this.x = x; } }
            Point.prototype.scale = 2;
            function rx(p) { return p.x; }
            function rs(p) { return p.scale; }
            function rm(p) { return p.missing; }
            const out = [];
            let s = 0;
            const pts = [];
            for (let i = 0; i < 50; i++) pts.push(new Point(i));
            for (let i = 0; i < 3000; i++) {
              const p = pts[i % 50];
              if (i === 1000) Object.defineProperty(Point.prototype, "scale", { get() { return this.x * 3; }, configurable: true });
              if (i === 1500) Object.defineProperty(pts[7], "x", { get() { return -1; }, configurable: true });
              if (i === 2000) Object.defineProperty(Object.prototype, "missing", { get() { return 1; }, configurable: true });
              if (i === 2500) { delete Object.prototype.missing; delete Point.prototype.scale; }
              const m = rm(p);
              s += rx(p) + (rs(p) ?? 0) + (m === undefined ? 0 : m);
            }
            out.push(s);
            // Prototype changes inside a hot loop: swapped prototypes, a shadowing own property, deleted again.
            const base = { kind: "base", f() { return 1; } }, other = { kind: "other", f() { return 2; } };
            const obj = Object.create(base);
            let kinds = "", fs = 0;
            function rk(o) { return o.kind; }
            function callF(o) { return o.f(); }
            for (let i = 0; i < 1200; i++) {
              if (i === 300) Object.setPrototypeOf(obj, other);
              if (i === 600) obj.kind = "own";
              if (i === 800) delete obj.kind;
              if (i === 900) other.kind = "changed";
              if (i === 1000) Object.setPrototypeOf(other, { kind: "grand" });
              if (i === 1100) delete other.kind;
              if (i % 100 === 0) kinds += rk(obj) + ",";
              fs += callF(obj);
            }
            out.push(kinds, fs);
            console.log(out.join(" | "));
            """;
        const string expected = "185530 | base,base,base,other,other,other,own,own,other,changed,changed,grand, | 2100\n";
        // 2,030 getter calls exit; the other 7,000 loads (own, inherited, missing, after each
        // prototype change) run in machine code or the miss stub.
        BaselineDataPathTests.AssertAllTiers(expected, "GetNamed", 2100, script);
    }

    [Fact]
    public void CachedGettersAndSettersFollowRedefinitionRemovalAndThrows()
    {
        const string script = """
            // Inherited getters and setters that the inline caches remember, redefined, removed, turned into
            // data properties and made to throw while the sites are hot.
            class A { constructor(v) { this._v = v; } get v() { return this._v * 10; } set v(x) { this._v = x; } }
            class B extends A { }
            function rv(o) { return o.v; }
            function wv(o, x) { o.v = x; }
            function wvStrict(o, x) { "use strict"; try { o.v = x; return "ok"; } catch (e) { return e.name; } }
            const objs = [];
            for (let i = 0; i < 20; i++) objs.push(i % 2 ? new A(i) : new B(i));
            const log = [];
            let s = 0;
            for (let i = 0; i < 1000; i++) {
              const o = objs[i % 20];
              if (i === 300) Object.defineProperty(A.prototype, "v", { get() { return -this._v; }, set(x) { this._v = x * 2; }, configurable: true });
              if (i === 500) { Object.defineProperty(A.prototype, "v", { get() { return 1; }, set: undefined, configurable: true }); log.push(wvStrict(o, 1)); }
              if (i === 700) Object.defineProperty(A.prototype, "v", { value: 7, writable: true, configurable: true });
              if (i === 800) delete A.prototype.v;
              wv(o, i);
              s += rv(o);
            }
            log.push(s, Object.keys(objs[1]).join(","), Object.keys(objs[2]).join(","));
            class C { constructor(n) { this.n = n; } get checked() { if (this.n % 7 === 0) throw new Error("bad " + this.n); return this.n; } }
            const cs = [];
            for (let i = 1; i <= 30; i++) cs.push(new C(i));
            let total = 0, errors = "";
            for (let round = 0; round < 20; round++) for (const c of cs) { try { total += c.checked; } catch (e) { if (round === 0) errors += e.message + ";"; } }
            log.push(total, errors);
            console.log(log.join(" | "));
            """;
        const string expected = "TypeError | 543750 | _v,v | _v,v | 7900 | bad 7;bad 14;bad 21;bad 28;\n";
        // Each getter and setter call exits once (700 + 600 loads, 500 setter calls, 200 stores that
        // found no setter and one strict store that threw); nothing else does, so a cached accessor entry
        // that went stale or a data property that replaced it is not mistaken for one.
        BaselineDataPathTests.AssertAllTiers(expected, "GetNamed", 1300, script);
        BaselineDataPathTests.AssertAllTiers(expected, "SetNamed", 701, script);
    }

    [Fact]
    public void AddsThatGrowSlotsAndElementsAndKeyedMisses()
    {
        const string script = """
            // Adds that grow an object's slot storage (the 5th, 9th, 17th property) and arrays' dense
            // elements, and element loads and stores off the dense fast path.
            function grow(o, i) {
              o.p0 = i; o.p1 = i + 1; o.p2 = i + 2; o.p3 = i + 3; o.p4 = i + 4; o.p5 = i + 5; o.p6 = i + 6;
              o.p7 = i + 7; o.p8 = i + 8; o.p9 = i + 9; o.p10 = i + 10; o.p11 = i + 11; o.p12 = i + 12;
              o.p13 = i + 13; o.p14 = i + 14; o.p15 = i + 15; o.p16 = i + 16; o.p17 = i + 17;
            }
            const objs = [];
            for (let i = 0; i < 400; i++) { const o = i % 2 ? {} : { first: i }; grow(o, i); objs.push(o); }
            let s = 0;
            for (const o of objs) s += o.p0 + o.p4 + o.p8 + o.p16 + o.p17;
            const keys = Object.keys(objs[1]).length + Object.keys(objs[2]).length;
            function fill(a, n) { for (let i = 0; i < n; i++) a[i] = i * 2; return a; }
            function append(a, v) { a[a.length] = v; }
            const arrays = [];
            for (let i = 0; i < 200; i++) { const a = fill([], 40 + i % 7); append(a, "end"); arrays.push(a); }
            let lens = 0;
            for (const a of arrays) lens += a.length + a[a.length - 2];
            function byIndex(o, n) { for (let i = 0; i < n; i++) o[i] = i; return o; }
            const plain = byIndex({}, 100);
            let ps = 0;
            function get(o, k) { return o[k]; }
            for (let i = 0; i < 120; i++) ps += get(plain, i) ?? 1000;
            Array.prototype[1] = "proto";
            const holey = [0, , 2];
            let hs = "";
            for (let i = 0; i < 300; i++) if (i % 100 === 0) hs += get(holey, 1) + get(holey, 5);
            delete Array.prototype[1];
            hs += get(holey, 1);
            const frozen = Object.freeze([1, 2, 3]);
            function put(a, i, v) { a[i] = v; }
            function putStrict(a, i, v) { "use strict"; try { a[i] = v; return "ok"; } catch (e) { return e.name; } }
            for (let i = 0; i < 300; i++) put(frozen, i % 5, 9);
            const fr = putStrict(frozen, 4, 9) + frozen.join("");
            let setterHits = 0;
            Object.defineProperty(Array.prototype, "7", { set(v) { setterHits += v; }, configurable: true });
            const short = [];
            for (let i = 0; i < 300; i++) put(short, i % 10, 1);
            delete Array.prototype[7];
            const sym = Symbol("k");
            const bag = {};
            for (let i = 0; i < 300; i++) { put(bag, "k" + (i % 9), i); put(bag, sym, i); }
            let bs = 0;
            for (let i = 0; i < 300; i++) bs += get(bag, "k" + (i % 9)) + get(bag, sym);
            console.log(s, keys, lens, ps, hs, fr, setterHits, short.length, short.join(""), Object.keys(bag).length, bs);
            """;
        const string expected = "417000 37 25582 24950 protoundefinedprotoundefinedprotoundefinedundefined TypeError123 30 10 111111111 9 178209\n";
        // 7,200 adds (400 objects x 18 properties, three of which grow the slots) and the element
        // stores that grow arrays run without exits; the frozen array's 300 stores and the 30 the
        // Array.prototype setter takes exit.
        BaselineDataPathTests.AssertAllTiers(expected, "SetNamed", 5, script);
        BaselineDataPathTests.AssertAllTiers(expected, "SetKeyed", 340, script);
        BaselineDataPathTests.AssertAllTiers(expected, "GetKeyed", 5, script);
    }

    [Theory]
    [InlineData(false, "o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6;")]
    [InlineData(true, "o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6;")]
    [InlineData(false, "")]
    public void TheStatementBudgetStopsAtTheSamePointWhenStubsAllocate(bool gcStress, string adds)
    {
        // Slot-growing adds allocate in the stub and may make a collection due, which lowers the
        // code's budget so the collection runs at the interpreter's next safepoint: the count of
        // safepoints must stay what the interpreter counts. (Without adds this found back-edges
        // whose exit for the profiler's budget lost a safepoint from the count.)
        string source = """
            var made = 0;
            (function () {
              const keep = [];
              for (;;) { const o = {}; ADDS keep[made % 64] = o; made++; }
            })();
            """.Replace("ADDS", adds, StringComparison.Ordinal);
        StatementBudget.AssertTiersStopAtTheSamePoint(source, gcStress);
    }
}
