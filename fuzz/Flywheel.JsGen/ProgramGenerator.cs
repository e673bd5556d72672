using System.Globalization;

namespace Flywheel.JsGen;

/// <summary>Knobs of <see cref="ProgramGenerator"/>.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Statements at the top level of the main program (before shrinking).</summary>
    public int MainStatements { get; init; } = 18;

    /// <summary>Most function declarations per program.</summary>
    public int MaxFunctions { get; init; } = 4;

    /// <summary>Nesting limit of statements (blocks inside blocks).</summary>
    public int MaxStatementDepth { get; init; } = 3;

    /// <summary>Nesting limit of expressions.</summary>
    public int MaxExpressionDepth { get; init; } = 3;

    /// <summary>
    /// Estimated statement executions a whole program may perform. Loops multiply their body's
    /// cost by their trip count and calls add the callee's cost, so generated programs stay fast
    /// whatever their shape.
    /// </summary>
    public long CostBudget { get; init; } = 20_000;

    /// <summary>Whether printed values may be objects and arrays (console.log's formatting) rather than only primitives and JSON.</summary>
    public bool PrintObjects { get; init; } = true;
}

/// <summary>
/// Generates random JavaScript programs that are well-formed, terminate, and print the same
/// output on every conforming engine: loops have fixed trip counts and loop variables nothing
/// else assigns; recursion carries an explicit depth; calls only go to functions declared
/// earlier (or to the same function with a smaller depth), so a static cost estimate bounds the
/// work; nothing depends on time, randomness, host objects, engine-specific error messages or
/// implementation-approximated math (<c>**</c> only where the power is exact; no sin/exp/log).
/// Exercises mixed-type arithmetic and coercion (-0, NaN, strings, booleans, null/undefined,
/// objects with valueOf/toString and their call order), object shapes (adds in varying orders,
/// deletes), arrays (holes, push/pop, out-of-range indexes, length writes), closures (including
/// per-iteration bindings), bounded recursion, every loop form, switch fall-through,
/// labelled break/continue, try/catch/finally with throws and returns; and longer loops aimed at
/// a JIT's fast paths and their bail-outs: int32 arithmetic across the overflow boundary, shapes
/// that differ between iterations at one property site, element kinds that change, exceptions
/// thrown across calls inside loops.
/// </summary>
public sealed class ProgramGenerator
{
    static readonly string[] Keys = ["a", "b", "c", "d", "x", "y", "0", "1", "2", "10"];
    static readonly string[] Ints = ["0", "1", "-1", "2", "3", "7", "42", "-5", "255", "1000", "2147483647", "-2147483648", "2147483648", "4294967295", "65536", "9007199254740991"];
    static readonly string[] Doubles = ["0.5", "-0", "1.5", "-2.25", "0.1", "0.2", "1e21", "1e-7", "123.456", "-1e300", "5e-324", "Infinity", "-Infinity", "NaN", "(0.1 + 0.2)", "(1 / 3)"];
    static readonly string[] Strings = ["\"\"", "\"0\"", "\"1\"", "\"abc\"", "\" 12 \"", "\"0x1f\"", "\"1e3\"", "\"-0\"", "\"true\"", "\"a,b\"", "\"Infinity\"", "\"  \"", "\"7.50\"", "\"x\""];
    static readonly string[] Binary = ["+", "+", "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "&&", "||", "??", ","];
    static readonly string[] Unary = ["-", "+", "!", "~", "typeof", "void"];
    static readonly string[] MathUnary = ["Math.floor", "Math.ceil", "Math.round", "Math.trunc", "Math.abs", "Math.sign", "Math.sqrt", "Math.fround", "Math.clz32", "Number", "String", "Boolean", "isNaN", "isFinite", "parseInt", "parseFloat", "Number.isInteger"];
    static readonly string[] MathBinary = ["Math.max", "Math.min", "Math.imul", "Object.is"];

    enum VarKind { Value, Object, Array, Closure, ClosureList }

    sealed record Var(string Name, VarKind Kind, bool Assignable);

    sealed record Fn(string Name, long Cost);

    /// <summary>What the code being generated sits inside: a function body or the top level, loops, a switch.</summary>
    sealed class Frame
    {
        public Fn? Function;        // null at top level
        public bool SelfCallUsed;
        public long Cost;           // estimated executions of this body
        public long Multiplier = 1; // product of enclosing loop trip counts
        public int LoopDepth;
        public int SwitchDepth;
        public List<string> Labels = [];
        public List<List<Var>> Scopes = [[]];
        public string? SelfName;
        public bool InClosure;      // closure bodies call nothing
        public int TryDepth;        // inside try blocks: throwing conversions are allowed
    }

    readonly Random rng;
    readonly GeneratorOptions options;
    readonly List<Fn> functions = [];
    readonly List<Var> globals = [];
    Frame frame = new();
    int nextId;
    bool declared; // the last statement declared a variable

    ProgramGenerator(int seed, GeneratorOptions options)
    {
        rng = new Random(seed);
        this.options = options;
    }

    /// <summary>Generates the program for a seed (the same seed always gives the same program).</summary>
    public static Syn Generate(int seed, GeneratorOptions? options = null) => new ProgramGenerator(seed, options ?? new GeneratorOptions()).Program();

    Syn Program()
    {
        var top = new List<Syn>();
        if (Chance(10)) top.Add(Syn.Stmt("\"use strict\";"));
        top.Add(Syn.Stmt("const trace = [];"));
        globals.Add(new Var("trace", VarKind.Array, false));
        frame.Scopes[0] = globals;
        top.Add(ObjectDeclaration());
        top.Add(ArrayDeclaration());
        for (int i = 0, n = rng.Next(1, 4); i < n; i++) top.Add(Declaration(allowConstObjects: true));
        for (int i = 0, n = rng.Next(0, options.MaxFunctions + 1); i < n; i++) top.Add(Function());
        for (int i = 0, n = rng.Next(0, 3); i < n; i++) top.Add(ClosureDeclaration());
        for (int i = 0; i < options.MainStatements; i++)
        {
            declared = false;
            var s = Statement(0);
            // Most top-level statements get their own handler, so one TypeError does not end the
            // program; declarations stay bare so that later statements can use them.
            top.Add(declared || Chance(30) ? s : Syn.Stmt($"try {{$}} catch (e) {{ console.log(\"{Fresh("E")}\", e instanceof Error ? e.name : e); }}", Syn.Block([s])));
        }
        top.Add(Syn.Stmt("console.log(\"trace\", trace.join());"));
        return Syn.Block(top);
    }

    // ---- helpers -------------------------------------------------------------------------

    bool Chance(int percent) => rng.Next(100) < percent;
    T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
    string Fresh(string prefix) => prefix + nextId++;

    IEnumerable<Var> Visible() => frame.Scopes.SelectMany(s => s);
    List<Var> VisibleOf(VarKind kind) => Visible().Where(v => v.Kind == kind).ToList();
    void Declare(Var v) => frame.Scopes[^1].Add(v);

    bool Affordable(long cost) => frame.Cost + frame.Multiplier * cost <= (frame.Function == null ? options.CostBudget : options.CostBudget / 8);
    void Spend(long cost) => frame.Cost += frame.Multiplier * cost;

    string Key() => Pick(Keys);
    string OptionalKey() { var k = Key(); return char.IsDigit(k[0]) ? $"[{k}]" : k; }
    static string Member(string key) => char.IsDigit(key[0]) ? $"[{key}]" : "." + key;

    // ---- expressions ---------------------------------------------------------------------

    Syn Literal()
    {
        switch (rng.Next(12))
        {
            case 0: case 1: case 2: return Syn.Leaf(Pick(Ints));
            case 3: case 4: return Syn.Leaf(Pick(Doubles));
            case 5: case 6: return Syn.Leaf(Pick(Strings));
            case 7: return Syn.Leaf(Chance(50) ? "true" : "false");
            case 8: return Syn.Leaf(Chance(50) ? "null" : "undefined");
            case 9: return Syn.Leaf(rng.Next(-20, 100).ToString(CultureInfo.InvariantCulture));
            case 10: return Syn.Leaf(Pick(["[]", "[3]", "[1, 2]", "[, 1]", "[\"a\"]", "[[]]", "{}"]));
            default: return PrimitiveWrapper();
        }
    }

    /// <summary>An object whose conversion to a primitive runs script code, recorded in <c>trace</c> so the call order shows.</summary>
    Syn PrimitiveWrapper()
    {
        string tag = Fresh("v");
        return rng.Next(5) switch
        {
            0 => Syn.Leaf($"({{ valueOf() {{ trace.push(\"{tag}\"); return {Pick(Ints)}; }} }})"),
            1 => Syn.Leaf($"({{ toString() {{ trace.push(\"{tag}\"); return {Pick(Strings)}; }} }})"),
            2 => Syn.Leaf($"({{ valueOf() {{ return {Pick(Doubles)}; }}, toString() {{ return \"{tag}\"; }} }})"),
            3 => Syn.Leaf($"({{ [Symbol.toPrimitive](hint) {{ trace.push(\"{tag}:\" + hint); return hint === \"number\" ? {Pick(Ints)} : \"{tag}\"; }} }})"),
            // A conversion that throws only where a handler will see it, so programs rarely end early.
            _ when frame.TryDepth > 0 => Syn.Leaf($"({{ valueOf() {{ trace.push(\"{tag}\"); throw new RangeError(\"{tag}\"); }} }})"),
            _ => Syn.Leaf($"({{ valueOf() {{ trace.push(\"{tag}\"); return -0; }} }})"),
        };
    }

    Syn ValueRead()
    {
        var vars = Visible().Where(v => v.Kind is VarKind.Value or VarKind.Object or VarKind.Array && v.Name != "trace").ToList();
        return vars.Count == 0 ? Literal() : Syn.Leaf(Pick(vars).Name);
    }

    Syn Expr(int depth)
    {
        if (depth >= options.MaxExpressionDepth || Chance(25)) return Chance(55) ? ValueRead() : Literal();
        int d = depth + 1;
        switch (rng.Next(22))
        {
            case 0: case 1: case 2: case 3: case 4:
                return Syn.Expr($"($ {Pick(Binary)} $)", Expr(d), Expr(d));
            case 5: case 6:
                return Syn.Expr($"({Pick(Unary)} $)", Expr(d));
            case 7:
                return Syn.Expr("($ ? $ : $)", Expr(d), Expr(d), Expr(d));
            case 8:
                return Syn.Expr($"{Pick(MathUnary)}($)", Expr(d));
            case 9:
                return Syn.Expr($"{Pick(MathBinary)}($, $)", Expr(d), Expr(d));
            case 10:
                return Power();
            case 11: case 12:
                return PropertyRead(d);
            case 13:
                return Syn.FromParts(SynKind.Expr, ["`${", "}-${", "}`"], [Expr(d), Expr(d)]);
            case 14:
                return Call(d) ?? Expr(d);
            case 15:
                return ClosureCall(d) ?? Expr(d);
            case 16:
                return AssignExpr(d) ?? Expr(d);
            case 17:
                return Syn.Expr($"(\"{Key()}\" in $)", ObjectValue());
            case 18:
                return StringOp(d);
            case 19:
                return ArrayRead(d);
            case 20:
                return Syn.Expr("String($)", Expr(d));
            default:
                return Syn.Expr("($ + \"\")", Expr(d));
        }
    }

    /// <summary><c>**</c> only where the result is exact (V8's pow is not correctly rounded; ours is).</summary>
    Syn Power()
    {
        string b = rng.Next(-6, 7).ToString(CultureInfo.InvariantCulture);
        string e = rng.Next(0, 11).ToString(CultureInfo.InvariantCulture);
        return rng.Next(3) switch
        {
            0 => Syn.Leaf($"(({b}) ** {e})"),
            1 => Syn.Expr($"((Math.trunc($) % 8) ** {rng.Next(0, 4)})", Expr(options.MaxExpressionDepth)),
            _ => Syn.Expr($"(($) ** {rng.Next(0, 2)})", Expr(options.MaxExpressionDepth)),
        };
    }

    /// <summary>An object-valued expression: a declared object or array, or a fresh literal.</summary>
    Syn ObjectValue()
    {
        var objs = Visible().Where(v => v.Kind is VarKind.Object or VarKind.Array).ToList();
        if (objs.Count > 0 && Chance(80)) return Syn.Leaf(Pick(objs).Name);
        return Syn.Leaf(Chance(50) ? "{ a: 1, 0: 2 }" : "[4, 5]");
    }

    Syn PropertyRead(int depth)
    {
        var objs = VisibleOf(VarKind.Object);
        if (objs.Count == 0 || Chance(15)) return Syn.Expr($"($){Member(Key())}", Expr(depth));
        var o = Pick(objs).Name;
        return rng.Next(5) switch
        {
            0 => Syn.Leaf($"{o}{Member(Key())}"),
            1 => Syn.Leaf($"{o}?.{OptionalKey()}?.length"),
            2 => Syn.Leaf($"Object.keys({o}).join()"),
            3 => Syn.Leaf($"{o}.hasOwnProperty(\"{Key()}\")"),
            _ => Syn.Expr($"{o}[$]", Expr(depth)),
        };
    }

    Syn ArrayRead(int depth)
    {
        var arrs = VisibleOf(VarKind.Array).Where(a => a.Name != "trace").ToList();
        if (arrs.Count == 0) return Syn.Expr("[1, , 3][$]", Expr(depth));
        var a = Pick(arrs).Name;
        return rng.Next(7) switch
        {
            0 => Syn.Leaf($"{a}.length"),
            1 => Syn.Leaf($"{a}[{rng.Next(-2, 12)}]"),
            2 => Syn.Expr($"{a}.indexOf($)", Expr(depth)),
            3 => Syn.Expr($"{a}.includes($)", Expr(depth)),
            4 => Syn.Leaf($"{a}.join(\"{Pick(new[] { ",", "-", "" })}\")"),
            5 => Syn.Leaf($"{a}.slice({rng.Next(-3, 4)}).length"),
            _ => Syn.Expr($"{a}[$]", Expr(depth)),
        };
    }

    Syn StringOp(int depth) => rng.Next(6) switch
    {
        0 => Syn.Expr("String($).length", Expr(depth)),
        1 => Syn.Expr($"String($).charAt({rng.Next(0, 4)})", Expr(depth)),
        2 => Syn.Expr($"String($).slice({rng.Next(-3, 3)})", Expr(depth)),
        3 => Syn.Expr("String($).indexOf($)", Expr(depth), Expr(depth)),
        4 => Syn.Expr("String($).toUpperCase()", Expr(depth)),
        _ => Syn.Expr($"String($).split(\"{Pick(new[] { ",", "", "1" })}\").length", Expr(depth)),
    };

    Syn? Call(int depth)
    {
        if (frame.InClosure) return null;
        var candidates = functions.Where(f => Affordable(f.Cost)).ToList();
        bool self = frame.Function != null && !frame.SelfCallUsed && frame.Multiplier == 1 && frame.LoopDepth == 0;
        if (self && Chance(40))
        {
            frame.SelfCallUsed = true;
            return Syn.Expr($"(d > 0 ? {frame.SelfName}(d - 1, $, $) : $)", Expr(depth), Expr(depth), Expr(depth));
        }
        if (candidates.Count == 0) return null;
        var f = Pick(candidates);
        Spend(f.Cost);
        return Syn.Expr($"{f.Name}({rng.Next(0, 4)}, $, $)", Expr(depth), Expr(depth));
    }

    Syn? ClosureCall(int depth)
    {
        if (frame.InClosure) return null;
        var cl = VisibleOf(VarKind.Closure);
        if (cl.Count == 0) return null;
        Spend(2);
        return Syn.Expr($"{Pick(cl).Name}($)", Expr(depth));
    }

    Syn? AssignExpr(int depth)
    {
        var vars = Visible().Where(v => v.Assignable).ToList();
        if (vars.Count == 0) return null;
        var v = Pick(vars).Name;
        return rng.Next(5) switch
        {
            0 => Syn.Expr($"({v} = $)", Expr(depth)),
            1 => Syn.Expr($"({v} {Pick(new[] { "+=", "-=", "*=", "|=", "<<=", "??=", "||=", "&&=" })} $)", Expr(depth)),
            2 => Syn.Leaf($"{v}++"),
            3 => Syn.Leaf($"--{v}"),
            _ => Syn.Leaf($"({v} = {v} + 1)"),
        };
    }

    // ---- statements ----------------------------------------------------------------------

    Syn Block(int depth, int min, int max)
    {
        frame.Scopes.Add([]);
        var list = new List<Syn>();
        for (int i = 0, n = rng.Next(min, max + 1); i < n; i++) list.Add(Statement(depth));
        frame.Scopes.RemoveAt(frame.Scopes.Count - 1);
        return Syn.Block(list);
    }

    Syn Print()
    {
        string tag = Fresh("p");
        int n = rng.Next(1, 3);
        var args = new List<Syn>();
        for (int i = 0; i < n; i++)
        {
            var e = Expr(0);
            // Objects print through console.log's formatting, or as JSON; primitives directly.
            args.Add(options.PrintObjects && Chance(85) ? e : Syn.Expr("JSON.stringify($)", e));
        }
        return n == 1
            ? Syn.Stmt($"console.log(\"{tag}\", $);", args[0])
            : Syn.Stmt($"console.log(\"{tag}\", $, $);", args[0], args[1]);
    }

    Syn ObjectDeclaration()
    {
        declared = true;
        string name = Fresh("o");
        var props = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Key()).Distinct().ToList();
        var kids = props.Select(_ => Expr(1)).ToArray();
        string body = string.Join(", ", props.Select(p => p + ": $"));
        var decl = Syn.Stmt($"const {name} = {{ {body} }};", kids);
        Declare(new Var(name, VarKind.Object, false));
        return decl;
    }

    Syn ArrayDeclaration()
    {
        declared = true;
        string name = Fresh("a");
        var items = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => Chance(15) ? null : Expr(1)).ToList();
        string body = string.Join(", ", items.Select(i => i == null ? "" : "$"));
        if (items.Count > 0 && items[^1] == null) body += ",";
        var decl = Syn.Stmt($"const {name} = [{body}];", items.Where(i => i != null).ToArray()!);
        Declare(new Var(name, VarKind.Array, false));
        return decl;
    }

    Syn Declaration(bool allowConstObjects)
    {
        if (allowConstObjects && Chance(45)) return Chance(55) ? ObjectDeclaration() : ArrayDeclaration();
        declared = true;
        string v = Fresh("x");
        var init = Expr(0);
        Declare(new Var(v, VarKind.Value, true));
        return Syn.Stmt($"{(Chance(30) ? "var" : "let")} {v} = $;", init);
    }

    Syn ClosureDeclaration()
    {
        string name = Fresh("c");
        Syn decl;
        var saved = frame;
        frame = new Frame { InClosure = true, Scopes = [[.. globals.Where(g => g.Kind != VarKind.Closure && g.Kind != VarKind.ClosureList)]] };
        switch (rng.Next(3))
        {
            case 0:
            {
                var init = Expr(1);
                frame.Scopes.Add([new Var("k", VarKind.Value, true), new Var("p", VarKind.Value, false)]);
                var body = Expr(0);
                decl = Syn.Stmt($"const {name} = ((k) => (p) => (k = $))($);", body, init);
                break;
            }
            case 1:
            {
                var init = Expr(1);
                frame.Scopes.Add([new Var("s", VarKind.Value, true), new Var("p", VarKind.Value, false)]);
                var body = Expr(0);
                decl = Syn.Stmt($"const {name} = (function (s) {{ return function (p) {{ s = $; return s; }}; }})($);", body, init);
                break;
            }
            default:
            {
                // One closure per iteration, each capturing its own `i`.
                frame.Scopes.Add([new Var("i", VarKind.Value, false), new Var("p", VarKind.Value, false)]);
                var body = Expr(1);
                string list = Fresh("cl");
                frame = saved;
                Declare(new Var(list, VarKind.ClosureList, false));
                return Syn.Stmt($"const {list} = []; for (let i = 0; i < {rng.Next(1, 4)}; i++) {list}.push((p) => $);", body);
            }
        }
        frame = saved;
        Declare(new Var(name, VarKind.Closure, false));
        return decl;
    }

    Syn Function()
    {
        string name = Fresh("f");
        var saved = frame;
        frame = new Frame { SelfName = name, Scopes = [[.. globals], [new Var("d", VarKind.Value, false), new Var("a", VarKind.Value, true), new Var("b", VarKind.Value, true)]] };
        frame.Function = new Fn(name, 0);
        var body = Block(1, 1, 5);
        var ret = Expr(0);
        // A self-call at depth d runs the body up to d + 1 times (callers pass d <= 3).
        long cost = (frame.Cost + 1) * (frame.SelfCallUsed ? 4 : 1);
        frame = saved;
        functions.Add(new Fn(name, cost));
        return Syn.Stmt($"function {name}(d, a, b) {{$  return $;\n}}", body, ret);
    }

    Syn Statement(int depth)
    {
        Spend(1);
        bool nest = depth < options.MaxStatementDepth;
        int d = depth + 1;
        switch (rng.Next(nest ? 32 : 10))
        {
            case 0: case 1: case 2: return Print();
            case 3: return Declaration(allowConstObjects: true);
            case 4: case 5: return Syn.Stmt("$;", AssignExpr(0) ?? Expr(0));
            case 6: return ObjectMutation();
            case 7: return ArrayMutation();
            case 8: return Escape() ?? Print();
            case 9: return ClosureUse() ?? Print();
            case 10: case 11: return Syn.Stmt("if ($) {$} else {$}", Expr(0), Block(d, 0, 3), Block(d, 0, 2));
            case 12: case 13: return Loop(d);
            case 14: return TryStatement(d);
            case 15: return Switch(d);
            case 16: return ForIn();
            case 17: return Syn.Stmt("if ($) {$}", Expr(0), Block(d, 1, 2));
            case 18: return Throw();
            case 19: return Syn.Stmt("{$}", Block(d, 1, 3));
            case 20: return Labelled(d);
            case 21: case 22: return ArithmeticLoop();
            case 23: return ShapeLoop();
            case 24: return ElementsLoop();
            case 25: return TryLoop();
            case 26: case 27: return Feature();
            default: return Print();
        }
    }

    Syn ObjectMutation()
    {
        var objs = VisibleOf(VarKind.Object);
        if (objs.Count == 0) return Declaration(allowConstObjects: true);
        string o = Pick(objs).Name;
        return rng.Next(6) switch
        {
            0 or 1 => Syn.Stmt($"{o}{Member(Key())} = $;", Expr(0)),
            2 => Syn.Leaf($"delete {o}{Member(Key())};").AsStatement(),
            3 => Syn.Stmt($"{o}[$] = $;", Expr(1), Expr(1)),
            4 => Syn.Leaf($"Object.defineProperty({o}, \"{Key()}\", {{ value: {Pick(Ints)}, enumerable: {(Chance(50) ? "true" : "false")}, writable: true, configurable: true }});").AsStatement(),
            _ => Syn.Leaf($"console.log(\"{Fresh("k")}\", Object.keys({o}), Object.values({o}).length);").AsStatement(),
        };
    }

    Syn ArrayMutation()
    {
        var arrs = VisibleOf(VarKind.Array).Where(a => a.Name != "trace").ToList();
        if (arrs.Count == 0) return Declaration(allowConstObjects: true);
        string a = Pick(arrs).Name;
        return rng.Next(8) switch
        {
            0 => Syn.Stmt($"{a}.push($);", Expr(1)),
            1 => Syn.Leaf($"{a}.pop();").AsStatement(),
            2 => Syn.Stmt($"{a}[{rng.Next(0, 12)}] = $;", Expr(1)),
            3 => Syn.Leaf($"{a}.length = {rng.Next(0, 6)};").AsStatement(),
            4 => Syn.Stmt($"{a}.unshift($);", Expr(1)),
            5 => Syn.Leaf($"{a}.shift();").AsStatement(),
            6 => Syn.Leaf($"{a}.reverse();").AsStatement(),
            _ => Syn.Leaf($"console.log(\"{Fresh("q")}\", {a}.length, {a});").AsStatement(),
        };
    }

    // ---- loops aimed at the JIT's fast paths -----------------------------------------------
    // Each runs long enough for type feedback to settle and then change: int32 arithmetic that
    // crosses the overflow boundary into doubles (and -0), objects whose shapes differ between
    // iterations read through one site, element kinds that change from int to double to anything,
    // exceptions thrown across calls inside loops. Each is a block of its own, so its names do not
    // leak, and ends by printing what it computed.

    static readonly string[] BoundaryInts = ["2147483647", "2147483646", "-2147483648", "-2147483647", "1073741824", "-1073741824", "65535", "65536", "46341", "-46341", "0", "-1", "1", "4294967295", "9007199254740990"];
    static readonly string[] StepOperands = ["1", "-1", "2", "3", "-3", "7", "0.5", "-0", "65536", "46341", "1073741824", "2147483647", "-2147483648", "0.25", "1e-9"];

    int LoopTrips() => Pick(new[] { 3, 7, 16, 33, 64, 100 });

    Syn ArithmeticLoop()
    {
        int trips = LoopTrips();
        if (!Affordable(trips * 2)) return Print();
        Spend(trips * 2);
        string acc = Fresh("n"), i = Fresh("i"), tag = Fresh("p");
        var steps = new List<string>();
        for (int k = 0, n = rng.Next(1, 4); k < n; k++) steps.Add($"{acc} = {ArithmeticStep(acc, i)};");
        // A guard now and then keeps values in a range where int32 and double paths both stay hot.
        if (Chance(40)) steps.Add($"if ({acc} > {Pick(BoundaryInts)} || {acc} < -({Pick(BoundaryInts)})) {acc} = {Pick(BoundaryInts)};");
        if (Chance(25)) steps.Add($"if (({i} & {rng.Next(1, 8)}) === 0) {acc} = {Pick(BoundaryInts)} + {i};");
        string body = string.Join(" ", steps);
        string loop = $"{{ let {acc} = {Pick(BoundaryInts)}; for (let {i} = 0; {i} < {trips}; {i}++) {{ {body} }} console.log(\"{tag}\", {acc}, Object.is({acc}, -0)); }}";
        // Half the time the same loop runs inside a function called twice, with an argument mixing in.
        if (Chance(50))
        {
            string fn = Fresh("g");
            string arg = Pick(StepOperands);
            loop = $"{{ const {fn} = (q) => {{ let {acc} = q; for (let {i} = 0; {i} < {trips}; {i}++) {{ {body} }} return {acc}; }}; console.log(\"{tag}\", {fn}({Pick(BoundaryInts)}), {fn}({arg}), {fn}({Pick(BoundaryInts)} + 0.5)); }}";
        }
        return Syn.Leaf(loop).AsStatement();
    }

    string ArithmeticStep(string acc, string i)
    {
        string k = Pick(StepOperands);
        return rng.Next(16) switch
        {
            0 => $"{acc} + {k}",
            1 => $"{acc} - {k}",
            2 => $"{acc} * {k}",
            3 => $"({acc} * {k}) | 0",
            4 => $"{acc} + {i}",
            5 => $"{acc} - {i} * {k}",
            6 => $"-{acc}",
            7 => $"{acc} % {Pick(new[] { "3", "-7", "2147483647", "0.5", "65536", "-1" })}",
            8 => $"({acc} / {Pick(new[] { "2", "-2", "3", "65536", "0.5" })})",
            9 => $"{acc} << {rng.Next(0, 33)}",
            10 => $"{acc} >> {rng.Next(0, 33)}",
            11 => $"{acc} >>> {rng.Next(0, 3)}",
            12 => $"({i} % 2 ? {acc} + 0.5 : {acc} - 0.5)",
            13 => $"Math.imul({acc}, {k}) + {i}",
            14 => $"({acc} | 0) + ({acc} | 0)",
            _ => $"{acc} * {i} - {acc}",
        };
    }

    Syn ShapeLoop()
    {
        int trips = LoopTrips();
        if (!Affordable(trips * 3)) return Print();
        Spend(trips * 3);
        string list = Fresh("s"), i = Fresh("i"), o = Fresh("o"), read = Fresh("r"), sum = Fresh("t"), tag = Fresh("p");
        var keys = new[] { "a", "b", "c", "d", "x" };
        var adds = new List<string>();
        for (int k = 0, n = rng.Next(2, 6); k < n; k++)
        {
            string key = Pick(keys);
            string value = Pick(new[] { i, $"{i} * 0.5", $"\"s\" + {i}", $"{i} % 3 === 0 ? null : {i}", $"-{i}", "1e10", "true" });
            string cond = Chance(60) ? $"if ({i} % {rng.Next(2, 5)} === {rng.Next(0, 2)}) " : "";
            adds.Add(rng.Next(8) switch
            {
                0 => $"{cond}delete {o}.{key};",
                1 => $"{cond}{o}[\"{key}\" + ({i} % 3)] = {value};",
                _ => $"{cond}{o}.{key} = {value};",
            });
        }
        string proto = Chance(20) ? $"Object.create({{ a: \"proto\", d: 4 }})" : Chance(15) ? $"new (class {{ constructor() {{ this.b = 0; }} }})()" : "{}";
        string readKey = Pick(keys);
        string reader = rng.Next(3) switch
        {
            0 => $"({o}) => {o}.{readKey}",
            1 => $"({o}) => {o}.{readKey} + {o}.{Pick(keys)}",
            _ => $"({o}) => ({o}.{readKey} = ({o}.{readKey} ?? 0) + 1)",
        };
        string last = Chance(50) ? $"{list}[{list}.length - 1]" : $"Object.keys({list}[{rng.Next(0, 3)}]).join()";
        return Syn.Leaf(
            $"{{ const {list} = []; for (let {i} = 0; {i} < {trips}; {i}++) {{ const {o} = {proto}; {string.Join(" ", adds)} {list}.push({o}); }} " +
            $"const {read} = {reader}; let {sum} = 0; for (const {o} of {list}) {sum} = {sum} + {read}({o}); " +
            $"console.log(\"{tag}\", {sum}, {list}.length, {last}); }}").AsStatement();
    }

    Syn ElementsLoop()
    {
        int trips = LoopTrips();
        if (!Affordable(trips * 2)) return Print();
        Spend(trips * 2);
        string arr = Fresh("a"), i = Fresh("i"), tag = Fresh("p"), sum = Fresh("t");
        string value = Pick(new[] { i, $"{i} + 0.5", $"{i} % 5 === 4 ? {i} / 2 : {i}", $"{i} % 7 === 6 ? \"e\" + {i} : {i}", $"{i} * 1073741824", $"-{i}", $"{i} % 4 === 3 ? undefined : {i}" });
        string index = Pick(new[] { i, i, $"{trips} - 1 - {i}", $"{i} * 2", $"{arr}.length" });
        string init = Pick(new[] { "[]", "[0.5]", "[1, 2, 3]", $"new Array({rng.Next(0, 4)})", "[, , 1]" });
        string extra = rng.Next(4) switch
        {
            0 => $"if ({i} === {trips / 2}) {arr}.length = {i};",
            1 => $"if ({i} % 9 === 8) {arr}.pop();",
            2 => $"{arr}[{i} + 1] = {arr}[{i}];",
            _ => "",
        };
        string read = Pick(new[] { $"{arr}[{i}]", $"{arr}[{i}] | 0", $"({arr}[{i}] ?? -1)", $"{arr}[{i} - 1]" });
        return Syn.Leaf(
            $"{{ const {arr} = {init}; for (let {i} = 0; {i} < {trips}; {i}++) {{ {arr}[{index}] = {value}; {extra} }} " +
            $"let {sum} = 0; for (let {i} = 0; {i} < {arr}.length; {i}++) {sum} = {sum} + {read}; " +
            $"console.log(\"{tag}\", {sum}, {arr}.length, {arr}.slice(0, 6), {arr}.indexOf({rng.Next(0, 4)})); }}").AsStatement();
    }

    Syn TryLoop()
    {
        int trips = LoopTrips();
        if (!Affordable(trips * 4)) return Print();
        Spend(trips * 4);
        string thrower = Fresh("th"), outer = Fresh("tw"), count = Fresh("n"), i = Fresh("i"), tag = Fresh("p");
        int m = rng.Next(2, 6), r = rng.Next(0, m);
        string thrown = Pick(new[] { "new RangeError(\"r\")", "v", "{ code: v }", "new Error(\"e\" + v)", "null" });
        string throwerBody = Chance(50)
            ? $"(v) => {{ if (v % {m} === {r}) throw {thrown}; return v * 2; }}"
            : $"(v) => {{ try {{ if (v % {m} === {r}) throw {thrown}; return v; }} finally {{ {count} += 1000; }} }}";
        // An intermediate call: the exception unwinds through a frame that has no handler, or one that rethrows.
        string outerBody = rng.Next(3) switch
        {
            0 => $"(v) => {thrower}(v) + 1",
            1 => $"(v) => {{ try {{ return {thrower}(v); }} catch (e) {{ {count} += 10; throw e; }} }}",
            _ => $"(v) => {{ const w = [{thrower}(v), {thrower}(v + 1)]; return w[0] + w[1]; }}",
        };
        string escape = rng.Next(4) switch
        {
            0 => $"if ({i} === {rng.Next(0, trips)}) break;",
            1 => $"if ({i} % 3 === 1) continue;",
            _ => "",
        };
        string handlerEscape = Chance(30) ? $"if ({i} > {rng.Next(0, trips)}) break;" : "";
        string fin = Chance(60) ? $" finally {{ {count}++; }}" : "";
        string caught = $"{count} += e instanceof Error ? 100 : typeof e === \"object\" && e !== null ? 200 : 300;";
        return Syn.Leaf(
            $"{{ let {count} = 0; const {thrower} = {throwerBody}; const {outer} = {outerBody}; " +
            $"for (let {i} = 0; {i} < {trips}; {i}++) {{ try {{ {count} += {outer}({i}); {escape} }} catch (e) {{ {caught} {handlerEscape} }}{fin} }} " +
            $"console.log(\"{tag}\", {count}); }}").AsStatement();
    }

    // ---- self-contained uses of the wider language ------------------------------------------
    // Classes (constructors, accessors, super calls), array callbacks (native code calling script
    // functions), destructuring, generators, spread and rest, Map/Set, string and number methods
    // with exact results, JSON. Comparators are consistent and sort only primitives, because the
    // order of comparator calls is implementation-defined.

    static readonly string[] Primitives = ["0", "1", "-1", "2", "7", "42", "-5", "0.5", "-0", "1.5", "NaN", "Infinity", "\"\"", "\"a\"", "\"b\"", "\"10\"", "\"9\"", "true", "false", "null", "undefined"];

    string PrimitiveArray(int min = 0, int max = 7) => "[" + string.Join(", ", Enumerable.Range(0, rng.Next(min, max + 1)).Select(_ => Pick(Primitives))) + "]";

    Syn Feature()
    {
        if (!Affordable(40)) return Print();
        Spend(40);
        string tag = Fresh("p");
        Syn E() => Expr(1);
        switch (rng.Next(10))
        {
            case 0:
            {
                string a = Fresh("A"), b = Fresh("B"), i = Fresh("i"), t = Fresh("t");
                int n = LoopTrips();
                string body = Pick(new[] { "this.v * 2", "this.v + \"!\"", "-this.v", "this.v ?? 7" });
                return Syn.Stmt(
                    $"{{ class {a} {{ constructor(v) {{ this.v = v; }} get g() {{ return {body}; }} set g(x) {{ this.v = x; }} m(k) {{ return this.v + k; }} static s(x) {{ return x + 1; }} }} " +
                    $"class {b} extends {a} {{ constructor(v) {{ super(v); this.w = $; }} m(k) {{ return super.m(k) + this.w; }} get g() {{ return super.g; }} }} " +
                    $"let {t} = 0; for (let {i} = 0; {i} < {n}; {i}++) {{ const o = {i} % {rng.Next(2, 4)} ? new {a}({i}) : new {b}($); {t} = {t} + o.m({i}) + o.g; if ({i} % 3 === 0) o.g = {i}; }} " +
                    $"console.log(\"{tag}\", {t}, {a}.s($), new {b}($), {b}.s(1), Object.keys(new {b}(2))); }}", E(), E(), E(), E());
            }
            case 1:
            {
                string arr = Chance(50) ? PrimitiveArray() : (VisibleOf(VarKind.Array).Where(v => v.Name != "trace").Select(v => v.Name + ".slice()").FirstOrDefault() ?? PrimitiveArray());
                string op = rng.Next(8) switch
                {
                    0 => ".map((x, i) => $)",
                    1 => ".filter((x) => $)",
                    2 => ".reduce((s, x) => s + x, $)",
                    3 => ".findIndex((x) => x === $)",
                    4 => ".some((x, i) => i > 1 && $)",
                    5 => ".flatMap((x) => [x, $])",
                    6 => ".every((x) => typeof x === typeof $)",
                    _ => ".find((x) => $)",
                };
                return Syn.Stmt($"console.log(\"{tag}\", {arr}{op});", E());
            }
            case 2:
            {
                string cmp = Pick(new[] { "(x, y) => String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0", "(x, y) => (+x || 0) - (+y || 0)", "(x, y) => (typeof x).length - (typeof y).length", "undefined" });
                return Syn.Leaf($"console.log(\"{tag}\", {PrimitiveArray(0, 9)}.sort({cmp}));").AsStatement();
            }
            case 3:
            {
                string o = ObjectValue().ToString();
                return Syn.Stmt($"{{ const {{ a: da, b: db = $, [\"{Key()}\"]: dc, ...drest }} = {o}; const [dp, , dq = $, ...dr] = {PrimitiveArray(0, 5)}; console.log(\"{tag}\", da, db, dc, drest, dp, dq, dr); }}", E(), E());
            }
            case 4:
            {
                string g = Fresh("gen"), i = Fresh("i");
                return Syn.Stmt(
                    $"{{ function* {g}(n) {{ let acc = 0; for (let {i} = 0; {i} < n; {i}++) {{ const got = yield {i} * 2; if (got !== undefined) acc = acc + got; }} try {{ yield $; }} finally {{ acc = acc + 1; }} return acc; }} " +
                    $"const it = {g}({rng.Next(0, 6)}); const seen = [it.next(), it.next($), it.next(3), it.next()]; console.log(\"{tag}\", [...{g}({rng.Next(0, 5)})], JSON.stringify(seen), it.return(9)); }}", E(), E());
            }
            case 5:
                return Syn.Stmt($"{{ const f = function (a, ...rest) {{ return [arguments.length, a, rest.length, rest.join(\"|\")]; }}; console.log(\"{tag}\", f(...{PrimitiveArray()}, $), f.apply(null, [$, 2]), Math.max(...[$, 3, -1])); }}", E(), E(), E());
            case 6:
            {
                string m = Fresh("m"), st = Fresh("set"), i = Fresh("i");
                return Syn.Stmt(
                    $"{{ const {m} = new Map(); const {st} = new Set(); for (const k of {PrimitiveArray(2, 9)}) {{ {m}.set(k, ({m}.get(k) ?? 0) + 1); {st}.add(typeof k === \"number\" ? k * 2 : k); }} " +
                    $"{m}.delete($); {st}.delete({Pick(Primitives)}); console.log(\"{tag}\", {m}, {st}, {m}.size, [...{st}].join(), {m}.has(NaN), {st}.has(-0)); }}", E());
            }
            case 7:
                return rng.Next(7) switch
                {
                    0 => Syn.Expr($"console.log(\"{tag}\", String($).padStart({rng.Next(0, 8)}, \"*-\"), String($).padEnd({rng.Next(0, 6)}), String($).repeat({rng.Next(0, 4)}))", E(), E(), E()).AsExprStatement(),
                    1 => Syn.Expr($"console.log(\"{tag}\", String($).replace(/[0-9a]/g, \"#\"), String($).replace(\"1\", (m) => m + m), String($).split(/[,.e]/))", E(), E(), E()).AsExprStatement(),
                    2 => Syn.Expr($"console.log(\"{tag}\", Number($).toFixed({rng.Next(0, 8)}), Number($).toPrecision({rng.Next(1, 12)}), Number($).toExponential({rng.Next(0, 6)}))", E(), E(), E()).AsExprStatement(),
                    // parseInt's radix is a power of two or ten: in any other radix a long digit string
                    // may give an implementation-approximated value (V8 accumulates in doubles).
                    3 => Syn.Expr($"console.log(\"{tag}\", ($ | 0).toString({rng.Next(2, 37)}), parseInt(String($), {Pick(new[] { "2", "8", "16", "32", "0", "10" })}), String($).at(-1))", E(), E(), E()).AsExprStatement(),
                    4 => Syn.Expr($"console.log(\"{tag}\", String($).trim().toLowerCase().codePointAt(0), [...String($)].reverse().join(\"\"), String($).lastIndexOf(\"1\"), String($).startsWith(\"-\"))", E(), E(), E(), E()).AsExprStatement(),
                    5 => Syn.Expr($"console.log(\"{tag}\", /(\\d+)(?<frac>\\.\\d*)?/.exec(String($)), String($).match(/[a-z]/gi), String($).search(/\\s/))", E(), E(), E()).AsExprStatement(),
                    _ => Syn.Expr($"console.log(\"{tag}\", Number.parseFloat(String($)), Number($) === Number(String($)), Math.sqrt({rng.Next(0, 5)} * {rng.Next(0, 5)} + 1))", E(), E(), E()).AsExprStatement(),
                };
            case 8:
            {
                string o = ObjectValue().ToString();
                return rng.Next(3) switch
                {
                    0 => Syn.Leaf($"console.log(\"{tag}\", JSON.stringify({o}, null, {rng.Next(0, 4)}), JSON.stringify({o}, [\"{Key()}\", \"{Key()}\"]));").AsStatement(),
                    1 => Syn.Leaf($"console.log(\"{tag}\", JSON.parse(JSON.stringify({o}) ?? \"null\"), JSON.stringify({o}, (k, v) => typeof v === \"number\" ? v + 1 : v));").AsStatement(),
                    _ => Syn.Stmt($"console.log(\"{tag}\", JSON.stringify([$, $, {{ k: $ }}]));", E(), E(), E()),
                };
            }
            default:
            {
                // Accessors: a getter that counts its calls and a setter that validates.
                string o = Fresh("ac");
                return Syn.Stmt(
                    $"{{ let calls = 0; const {o} = {{ _v: $, get v() {{ calls++; return this._v; }}, set v(x) {{ this._v = typeof x === \"number\" ? x : -1; }} }}; " +
                    $"for (let i = 0; i < {LoopTrips()}; i++) {o}.v = {o}.v + i; {o}.v = $; console.log(\"{tag}\", {o}.v, calls, {o}, Object.getOwnPropertyDescriptor({o}, \"v\").set !== undefined); }}", E(), E());
            }
        }
    }

    Syn? Escape()
    {
        var options = new List<Func<Syn>>();
        if (frame.LoopDepth > 0 || frame.SwitchDepth > 0) options.Add(() => Syn.Stmt("if ($) break;", Expr(0)));
        if (frame.LoopDepth > 0) options.Add(() => Syn.Stmt("if ($) continue;", Expr(0)));
        if (frame.Function != null) options.Add(() => Syn.Stmt("if ($) return $;", Expr(0), Expr(0)));
        if (frame.Labels.Count > 0) { var l = Pick(frame.Labels); options.Add(() => Syn.Stmt($"if ($) break {l};", Expr(0))); }
        return options.Count == 0 ? null : Pick(options)();
    }

    Syn? ClosureUse()
    {
        var lists = VisibleOf(VarKind.ClosureList);
        if (lists.Count > 0 && Chance(50))
            return Syn.Leaf($"for (const h of {Pick(lists).Name}) console.log(\"{Fresh("h")}\", h({rng.Next(0, 5)}));").AsStatement();
        var cl = VisibleOf(VarKind.Closure);
        if (cl.Count == 0) return null;
        Spend(2);
        return Syn.Stmt($"console.log(\"{Fresh("c")}\", {Pick(cl).Name}($));", Expr(1));
    }

    Syn Loop(int depth)
    {
        int trips = rng.Next(0, 6);
        string i = Fresh("i");
        frame.Multiplier *= Math.Max(1, trips);
        frame.LoopDepth++;
        frame.Scopes.Add([new Var(i, VarKind.Value, false)]);
        Syn body = Block(depth, 1, 4);
        Syn loop;
        switch (rng.Next(5))
        {
            case 0:
                loop = Syn.Stmt($"for (let {i} = 0; {i} < {trips}; {i}++) {{$}}", body);
                break;
            case 1:
                loop = Syn.Stmt($"for (var {i} = {trips}; {i} > 0; {i}--) {{$}}", body);
                break;
            case 2:
                loop = Syn.Stmt($"let {i} = 0;\nwhile ({i}++ < {trips}) {{$}}", body);
                break;
            case 3:
                loop = Syn.Stmt($"let {i} = 0;\ndo {{$}} while (++{i} < {trips});", body);
                break;
            default:
            {
                // Iterate a copy: the body may push to the array, and iteration must still end.
                var arrs = VisibleOf(VarKind.Array);
                string src = arrs.Count > 0 && Chance(60) ? $"{Pick(arrs).Name}.slice(0, {trips})" : "[" + string.Join(", ", Enumerable.Range(0, trips).Select(_ => Pick(Ints))) + "]";
                loop = Syn.Stmt($"for (const {i} of {src}) {{$}}", body);
                break;
            }
        }
        frame.Scopes.RemoveAt(frame.Scopes.Count - 1);
        frame.LoopDepth--;
        frame.Multiplier /= Math.Max(1, trips);
        return loop;
    }

    /// <summary>for-in whose body only reads: adding properties during enumeration is implementation-defined.</summary>
    Syn ForIn()
    {
        var objs = Visible().Where(v => v.Kind is VarKind.Object or VarKind.Array).ToList();
        if (objs.Count == 0) return Print();
        string o = Pick(objs).Name;
        return Syn.Leaf($"for (const k in {o}) console.log(\"{Fresh("e")}\", k, typeof {o}[k]);").AsStatement();
    }

    Syn TryStatement(int depth)
    {
        frame.TryDepth++;
        var body = Block(depth, 1, 3);
        frame.TryDepth--;
        string tag = Fresh("t");
        // Never print an error's message or stack: their text is engine-specific.
        var handler = Syn.Block([Syn.Leaf($"console.log(\"{tag}\", e instanceof Error ? e.name : e);").AsStatement(), .. Block(depth, 0, 2).Kids]);
        return rng.Next(3) switch
        {
            0 => Syn.Stmt("try {$} catch (e) {$}", body, handler),
            1 => Syn.Stmt("try {$} catch (e) {$} finally {$}", body, handler, Block(depth, 1, 2)),
            _ => Syn.Stmt("try {$} finally {$}", body, Block(depth, 1, 2)),
        };
    }

    Syn Throw()
    {
        // Uncaught throws end the program early; keep most of them where a handler may see them.
        if (frame.TryDepth == 0 && (frame.Function == null || Chance(50))) return Print();
        var what = rng.Next(4) switch
        {
            0 => Syn.Expr("new Error($)", Syn.Leaf(Pick(Strings))),
            1 => Syn.Leaf("new RangeError(\"r\")"),
            2 => Syn.Leaf($"{{ code: {Pick(Ints)} }}"),
            _ => Expr(1),
        };
        return Syn.Stmt("if ($) throw $;", Expr(0), what);
    }

    Syn Switch(int depth)
    {
        var scrutinee = Expr(0);
        frame.SwitchDepth++;
        var cases = new List<Syn>();
        var labels = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Chance(50) ? Pick(Ints) : Pick(Strings)).Distinct().ToList();
        foreach (var l in labels)
            cases.Add(Syn.Stmt($"case {l}: {{$}}{(Chance(60) ? " break;" : "")}", Block(depth, 0, 2)));
        if (Chance(50)) cases.Add(Syn.Stmt("default: {$}", Block(depth, 0, 2)));
        frame.SwitchDepth--;
        return Syn.Stmt("switch ($) {$}", scrutinee, Syn.Block(cases));
    }

    Syn Labelled(int depth)
    {
        string label = Fresh("L");
        frame.Labels.Add(label);
        var body = Loop(depth);
        frame.Labels.RemoveAt(frame.Labels.Count - 1);
        return Syn.Stmt($"{label}: {{$}}", Syn.Block([body]));
    }
}

static class SynStatementExtensions
{
    /// <summary>A leaf written as a complete statement.</summary>
    public static Syn AsStatement(this Syn leaf) => Syn.Stmt(leaf.Parts[0]);

    /// <summary>An expression statement: the expression followed by a semicolon, its children kept (so they still shrink).</summary>
    public static Syn AsExprStatement(this Syn expr) =>
        Syn.FromParts(SynKind.Stmt, [.. expr.Parts.Take(expr.Parts.Count - 1), expr.Parts[^1] + ";"], [.. expr.Kids]);
}
