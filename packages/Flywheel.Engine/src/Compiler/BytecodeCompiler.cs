#pragma warning disable CS0618 // RegExpParseMode: see RegExpBuiltins
using Acornima;
using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

/// <summary>
/// Compiles an Acornima AST to register+accumulator bytecode. Expressions leave their value in the
/// accumulator; temporaries are registers allocated in stack order per statement. Bindings live in
/// registers unless a nested function may capture them (<see cref="ScopeAnalysis"/>), in which case
/// their scope gets a heap context. Functions with a direct <c>eval</c> keep every binding in contexts,
/// and the eval code is compiled against the call site's scope chain (<see cref="CompileEval"/>).
/// </summary>
internal sealed partial class BytecodeCompiler
{
    readonly Realm realm;
    readonly ScopeAnalysis analysis;
    readonly string source;
    readonly string file;
    FunctionState fn = null!;
    Scope scope = null!;

    BytecodeCompiler(Realm realm, ScopeAnalysis analysis, string source, string file)
    {
        this.realm = realm;
        this.analysis = analysis;
        this.source = source;
        this.file = file;
    }

    static readonly ParserOptions Options = new()
    {
        EcmaVersion = EcmaVersion.Latest,
        AllowReturnOutsideFunction = false,
        RegExpParseMode = RegExpParseMode.Skip,
        Tolerant = false,
    };

    /// <summary>Parses and compiles a script; syntax errors become a JavaScript SyntaxError.</summary>
    public static FunctionTemplate CompileScript(Realm realm, string source, string file) =>
        ParseAndCompile(realm, source, file, Options, strict: false, (c, script) => c.CompileTopLevel(script));

    /// <summary>
    /// Parses <paramref name="source"/> and compiles it with <paramref name="compile"/>; parser and
    /// compiler errors become a JavaScript SyntaxError with file, line and column, and compiler
    /// limits a RangeError.
    /// </summary>
    static FunctionTemplate ParseAndCompile(Realm realm, string source, string file, ParserOptions options, bool strict,
        Func<BytecodeCompiler, Script, FunctionTemplate> compile)
    {
        Script script;
        try
        {
            script = new Parser(options).ParseScript(source, file, strict);
        }
        catch (ParseErrorException e)
        {
            throw new JsThrow(realm.MakeSyntaxError(e.Description, file, e.LineNumber, e.Column + 1));
        }
        // Acornima reports a few malformed inputs with these instead of a ParseErrorException.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException or OverflowException)
        {
            throw new JsThrow(realm.MakeSyntaxError("Invalid or unexpected token", file, 1, 1));
        }
        var c = new BytecodeCompiler(realm, ScopeAnalysis.Run(script), source, file);
        try
        {
            return compile(c, script);
        }
        catch (CompileError e)
        {
            throw new JsThrow(realm.MakeSyntaxError(e.Message, file, e.Line, e.Column));
        }
        catch (CompileLimitException e)
        {
            throw new JsThrow(realm.MakeError(ErrorKind.RangeError, e.Message));
        }
    }

    sealed class CompileError(string message, int line, int column) : Exception(message)
    {
        public readonly int Line = line, Column = column;
    }

    Exception Error(Node n, string message) => new CompileError(message, n.Location.Start.Line, n.Location.Start.Column + 1);

    FunctionTemplate CompileTopLevel(Script script)
    {
        fn = new FunctionState(null, script) { IsStrict = script.Strict };
        fn.Captured = analysis.CapturedIn(script);
        scope = new Scope(null, fn, true) { IsScriptTop = true };
        fn.FunctionScope = scope;
        var t = fn.Template;
        t.Name = "";
        t.Flags = FunctionFlags.Script | (script.Strict ? FunctionFlags.Strict : 0);
        // Hoisting: var and function names become global object properties; lexicals go to the global lexical table.
        var vars = new List<string>();
        ScopeAnalysis.CollectVars(script, vars);
        foreach (var s in script.Body)
            if (ScopeAnalysis.DeclaredFunction(s) is { } fd) vars.Add(fd.Id!.Name);
        if (!script.Strict)
        {
            var lexical = new List<string>();
            foreach (var s in script.Body) DeclareLexicalNames(s, lexical);
            var blockFns = new List<string>();
            foreach (var s in script.Body) CollectBlockFunctions(s, blockFns, false);
            foreach (var n in blockFns) if (!lexical.Contains(n)) { fn.AnnexBNames.Add(n); vars.Add(n); }
        }
        foreach (var name in vars.Distinct())
        {
            scope.Declare(name, VarKind.Var, false);
            fn.B.Emit(Opcode.DeclareGlobalVar, fn.Constant(Atom(name)));
        }
        DeclareLexicals(script.Body, scope);
        InitScopeBindings(scope);
        HoistFunctions(script.Body);
        int result = fn.Temp();
        fn.B.Emit(Opcode.LdaUndefined);
        fn.B.Emit(Opcode.Star, result);
        completionReg = result;
        foreach (var s in script.Body) VisitStatement(s);
        fn.B.Emit(Opcode.Ldar, result);
        fn.B.Emit(Opcode.Return);
        return Finish(script, fn);
    }

    /// <summary>Register receiving the value of expression statements at top level (for Evaluate and the REPL).</summary>
    int completionReg = -1;

    FunctionTemplate Finish(Node node, FunctionState f)
    {
        var t = f.Template;
        t.SetCode(f.B.ToArray());
        t.Constants = [.. f.Constants];
        t.Children = [.. f.Children];
        t.Handlers = [.. f.Handlers];
        t.EvalScopes = [.. f.EvalScopes];
        t.Positions = f.B.Positions;
        t.FeedbackSlots = f.B.FeedbackSlots;
        t.RegisterCount = Math.Max(f.MaxReg, t.ParamRegs);
        t.SourceFile = file;
        t.Line = node.Location.Start.Line;
        t.Column = node.Location.Start.Column + 1;
        var textNode = f == fn ? node : node;
        t.SourceText = node.Start >= 0 && node.End <= source.Length ? source[node.Start..node.End] : "";
        if (f.SourceNode != null) t.SourceText = f.SourceNode.Start >= 0 && f.SourceNode.End <= source.Length ? source[f.SourceNode.Start..f.SourceNode.End] : t.SourceText;
        if (f.SourceStart >= 0 && f.SourceStart <= node.End && node.End <= source.Length) t.SourceText = source[f.SourceStart..node.End];
        lock (realm.Templates)
        {
            realm.Profiling.Register(t); // assigns t.Index
            realm.Templates.Add(t);
        }
        return t;
    }

    JsValue Atom(string s) => JsValue.FromPtr(realm.Intern(s));
    int NameIdx(string s) => fn.Constant(Atom(s));
    int StrIdx(string s) => fn.Constant(realm.Str(s));

    void Pos(Node n) => fn.B.AddPosition(n.Location.Start.Line, n.Location.Start.Column + 1);

    // ------------------------------------------------------------------ declarations

    /// <summary>Declares the let/const/class and (block-level) function bindings of a statement list in <paramref name="s"/>.</summary>
    void DeclareLexicals(in NodeList<Statement> body, Scope s, bool functionsAreLexical = false)
    {
        foreach (var st in body) DeclareLexical(st, s, functionsAreLexical);
    }

    static void DeclareLexicalNames(Node st, List<string> into)
    {
        if (st is VariableDeclaration vd && vd.Kind != VariableDeclarationKind.Var) foreach (var d in vd.Declarations) ScopeAnalysis.CollectPatternNames(d.Id, into);
        else if (st is ClassDeclaration { Id: not null } cd) into.Add(cd.Id.Name);
    }

    void DeclareLexical(Node st, Scope s, bool functionsAreLexical)
    {
        var captured = s.Fn.Captured;
        switch (st)
        {
            case VariableDeclaration vd when vd.Kind != VariableDeclarationKind.Var:
                var names = new List<string>();
                foreach (var d in vd.Declarations) ScopeAnalysis.CollectPatternNames(d.Id, names);
                foreach (var n in names) s.Declare(n, vd.Kind == VariableDeclarationKind.Const ? VarKind.Const : VarKind.Let, captured.Contains(n));
                break;
            case ClassDeclaration cd when cd.Id != null:
                s.Declare(cd.Id.Name, VarKind.Class, captured.Contains(cd.Id.Name));
                break;
            case Statement stmt when functionsAreLexical && ScopeAnalysis.DeclaredFunction(stmt) is { } fd:
                s.Declare(fd.Id!.Name, VarKind.Let, captured.Contains(fd.Id!.Name));
                break;
        }
    }

    /// <summary>After a scope's context exists: puts TDZ holes in lexical bindings (registers; context slots start as holes), and undefined in captured vars.</summary>
    void InitScopeBindings(Scope s)
    {
        foreach (var v in s.Vars.Values)
        {
            if (v.Location == VarLocation.Register && v.IsLexical) { fn.B.Emit(Opcode.LdaHole); fn.B.Emit(Opcode.Star, v.Index); fn.Initialized.Remove(v); }
            else if (v.Location == VarLocation.Context && (v.Kind is VarKind.Var or VarKind.Function)) { fn.B.Emit(Opcode.LdaUndefined); fn.B.Emit(Opcode.StaContextSlot, 0, v.Index); }
            else if (v.Location == VarLocation.GlobalLexical) fn.B.Emit(Opcode.DeclareGlobalLexical, NameIdx(v.Name), v.IsConst ? 1 : 0);
        }
    }

    void HoistFunctions(in NodeList<Statement> body, Scope? block = null)
    {
        foreach (var st in body)
            if (ScopeAnalysis.DeclaredFunction(st) is { } fd)
            {
                string name = fd.Id!.Name;
                EmitFunction(fd, name);
                EmitStoreVar(name, fd, init: true);
                // Annex B.3.3: in sloppy code a block-level function is also assigned to a var of the same name.
                if (block != null && !fn.IsStrict && fn.AnnexBNames.Contains(name)) EmitAnnexBStore(name, block, fd);
            }
    }

    void EmitAnnexBStore(string name, Scope block, Node at)
    {
        int depth = 0;
        for (var s = scope; s != null; s = s.Parent)
        {
            if (s != block && s.Vars.TryGetValue(name, out var v) && v.Kind is VarKind.Var or VarKind.Function)
            {
                switch (v.Location)
                {
                    case VarLocation.Register: B.Emit(Opcode.Star, v.Index); break;
                    case VarLocation.Context: B.Emit(Opcode.StaContextSlot, depth, v.Index); break;
                    default: B.Emit(Opcode.StaGlobalSloppy, NameIdx(name), B.NewSlot()); break;
                }
                return;
            }
            if (s.HasContext) depth++;
            if (s.IsFunctionScope) return;
        }
    }

    /// <summary>Names of function declarations nested in blocks (not in nested functions), for Annex B var bindings.</summary>
    static void CollectBlockFunctions(Node? n, ICollection<string> into, bool top)
    {
        switch (n)
        {
            case null: return;
            case FunctionDeclaration fd:
                if (!top && fd.Id != null) into.Add(fd.Id.Name);
                return;
            case IFunction or ClassDeclaration or ClassExpression or Expression: return;
        }
        foreach (var c in n.ChildNodes) CollectBlockFunctions(c, into, top && n is Program or FunctionBody or LabeledStatement);
    }

    /// <summary>Enters a block scope: declares its lexicals, pushes a context if any is captured, initialises TDZ.</summary>
    Scope EnterBlock(in NodeList<Statement> body, bool functionsAreLexical = true)
    {
        var s = new Scope(scope, fn, false);
        DeclareLexicals(body, s, functionsAreLexical);
        PushScope(s);
        return s;
    }

    void PushScope(Scope s)
    {
        scope = s;
        if (s.HasContext) { fn.B.Emit(Opcode.PushContext, s.ContextSlots); fn.ContextDepth++; }
        InitScopeBindings(s);
    }

    void ExitBlock(Scope s)
    {
        if (s.HasContext) { fn.B.Emit(Opcode.PopContext); fn.ContextDepth--; }
        scope = s.Parent!;
    }

    // ------------------------------------------------------------------ variable access

    (Variable? Var, int Depth) Resolve(string name)
    {
        var (v, depth, _) = ResolveDynamic(name);
        return (v, depth);
    }

    /// <summary>A scope on the way to a binding whose object may hold the name at run time (with, eval vars).</summary>
    readonly record struct DynamicCheck(int Depth, int Slot, bool IsWith);

    /// <summary>Resolves a name statically, listing the run-time objects (innermost first) that are searched before it.</summary>
    (Variable? Var, int Depth, List<DynamicCheck>? Checks) ResolveDynamic(string name)
    {
        int depth = 0;
        List<DynamicCheck>? checks = null;
        bool userName = name.Length > 0 && name[0] != '%' && name[0] != '#' && name != "this" && name != "new.target";
        for (var s = scope; s != null; s = s.Parent)
        {
            if (s.Vars.TryGetValue(name, out var v))
            {
                if (v.Location == VarLocation.Register && v.Scope.Fn != fn)
                {
                    if (fn.IsEval) throw new CompileError($"internal: eval cannot reach '{name}'", 1, 1);
                    throw new InvalidOperationException($"internal: '{name}' resolved to another function's register");
                }
                return (v, depth, checks);
            }
            // `this` and `new.target` belong to the nearest non-arrow function: one that did not
            // need a binding for them (nothing nested captures them) reads its own receiver, never
            // an enclosing function's captured binding. Eval code sees its caller's.
            if (name is "this" or "new.target" && s.IsFunctionScope && !s.Fn.IsArrow && !s.Fn.IsEval) return (null, 0, checks);
            if (userName && s.DynamicSlot >= 0) (checks ??= []).Add(new DynamicCheck(depth, s.DynamicSlot, s.IsWith));
            if (s.HasContext) depth++;
        }
        return (null, 0, checks);
    }

    /// <summary>Emits the run-time lookups of <paramref name="checks"/>; each jumps to the returned label when it finds the name.</summary>
    Label? EmitDynamicLoads(string name, List<DynamicCheck>? checks, int receiverReg = -1)
    {
        if (checks == null) return null;
        var found = new Label();
        foreach (var c in checks)
        {
            int kind = (c.IsWith ? 1 : 0) | (c.IsWith && receiverReg >= 0 ? 2 : 0);
            fn.B.EmitJump(Opcode.LdaDynamic, found, NameIdx(name), c.Depth, c.Slot, kind, receiverReg >= 0 ? receiverReg : 0);
        }
        return found;
    }

    void EmitLoadVar(string name, Node at, bool typeofMode = false, int receiverReg = -1)
    {
        var (v, depth, checks) = ResolveDynamic(name);
        if (checks != null) Pos(at);
        var found = EmitDynamicLoads(name, checks, receiverReg);
        EmitStaticLoad(name, at, typeofMode, v, depth);
        if (found != null) fn.B.Bind(found);
    }

    void EmitStaticLoad(string name, Node at, bool typeofMode, Variable? v, int depth)
    {
        if (v == null)
        {
            if (typeofMode) fn.B.Emit(Opcode.LdaGlobalOrUndefined, NameIdx(name));
            else { Pos(at); fn.B.Emit(Opcode.LdaGlobal, NameIdx(name), fn.B.NewSlot()); }
            return;
        }
        switch (v.Location)
        {
            case VarLocation.Register: fn.B.Emit(Opcode.Ldar, v.Index); break;
            case VarLocation.Context: fn.B.Emit(Opcode.LdaContextSlot, depth, v.Index); break;
            case VarLocation.Global:
            case VarLocation.GlobalLexical:
                if (typeofMode && v.Location == VarLocation.Global) fn.B.Emit(Opcode.LdaGlobalOrUndefined, NameIdx(name));
                else { Pos(at); fn.B.Emit(Opcode.LdaGlobal, NameIdx(name), fn.B.NewSlot()); }
                return;
        }
        if (v.Name == "this") { if (v.Scope.Fn.IsDerivedCtor || v.Scope.Fn != fn) { Pos(at); fn.B.Emit(Opcode.ThrowIfThisHole); } }
        else if (v.IsLexical && !(v.Location == VarLocation.Register && fn.Initialized.Contains(v))) { Pos(at); fn.B.Emit(Opcode.ThrowIfHole, NameIdx(name)); }
    }

    /// <summary>
    /// The register of an identifier an instruction can read in place instead of through the
    /// accumulator and a temporary: a register binding that needs no TDZ check.
    /// </summary>
    bool TryReadInPlace(Expression e, out int reg)
    {
        reg = -1;
        if (e is not Identifier id || id.Name is "this" or "new.target" or "arguments") return false;
        var (v, _) = Resolve(id.Name);
        if (v == null || v.Location != VarLocation.Register || (v.IsLexical && !fn.Initialized.Contains(v))) return false;
        reg = v.Index;
        return true;
    }

    /// <summary>
    /// Whether evaluating <paramref name="n"/> might assign a binding (an assignment, an update or a
    /// direct eval anywhere inside). Register bindings are never captured, so only such code can
    /// change one while <paramref name="n"/> runs: otherwise a register read in place after it sees
    /// the value it had before.
    /// </summary>
    static bool MayAssign(Node n)
    {
        if (n is AssignmentExpression or UpdateExpression or CallExpression { Callee: Identifier { Name: "eval" } }) return true;
        foreach (var c in n.ChildNodes) if (MayAssign(c)) return true;
        return false;
    }

    void EmitStoreVar(string name, Node at, bool init = false)
    {
        var (v, depth, checks) = ResolveDynamic(name);
        if (checks == null) { EmitStaticStore(name, at, init, v, depth); return; }
        Pos(at);
        var done = new Label();
        foreach (var c in checks) fn.B.EmitJump(Opcode.StaDynamic, done, NameIdx(name), c.Depth, c.Slot, c.IsWith ? 1 : 0);
        EmitStaticStore(name, at, init, v, depth);
        fn.B.Bind(done);
    }

    void EmitStaticStore(string name, Node at, bool init, Variable? v, int depth)
    {
        if (v == null)
        {
            Pos(at);
            fn.B.Emit(fn.IsStrict ? Opcode.StaGlobal : Opcode.StaGlobalSloppy, NameIdx(name), fn.B.NewSlot());
            return;
        }
        if (v.IsConst && !init) { Pos(at); fn.B.Emit(Opcode.ThrowConstAssign, NameIdx(name)); return; }
        if (v.IsFunctionName && !init)
        {
            if (fn.IsStrict) { Pos(at); fn.B.Emit(Opcode.ThrowConstAssign, NameIdx(name)); }
            return;
        }
        switch (v.Location)
        {
            case VarLocation.Register:
                fn.B.Emit(Opcode.Star, v.Index);
                // Statements emitted from here on in this block run only after this initialization (no goto in JS).
                if (init && v.IsLexical && !v.Scope.EnteredMidway) fn.Initialized.Add(v);
                break;
            case VarLocation.Context: fn.B.Emit(Opcode.StaContextSlot, depth, v.Index); break;
            case VarLocation.GlobalLexical:
                if (init) fn.B.Emit(Opcode.InitGlobalLexical, NameIdx(name));
                else { Pos(at); fn.B.Emit(Opcode.StaGlobal, NameIdx(name), fn.B.NewSlot()); }
                break;
            case VarLocation.Global:
                Pos(at);
                fn.B.Emit(fn.IsStrict ? Opcode.StaGlobal : Opcode.StaGlobalSloppy, NameIdx(name), fn.B.NewSlot());
                break;
        }
    }

    /// <summary>Loads a specific binding (not necessarily the one its name resolves to from here).</summary>
    void EmitLoadVariable(Variable v)
    {
        if (v.Location == VarLocation.Register) { fn.B.Emit(Opcode.Ldar, v.Index); return; }
        int depth = 0;
        for (var s = scope; s != v.Scope; s = s.Parent!) if (s.HasContext) depth++;
        fn.B.Emit(Opcode.LdaContextSlot, depth, v.Index);
    }

    /// <summary>Loads `this` into the accumulator.</summary>
    void EmitThis(Node at)
    {
        var (v, _) = Resolve("this");
        if (v != null) EmitLoadVar("this", at);
        else if (fn.IsArrow) EmitRuntime(RuntimeId.GlobalThis, 0, 0);
        else fn.B.Emit(Opcode.LdaReceiver);
    }

    int TempMark => fn.NextReg;
    void Release(int mark) => fn.NextReg = mark;
}
