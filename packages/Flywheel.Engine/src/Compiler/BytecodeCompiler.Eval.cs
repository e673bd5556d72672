#pragma warning disable CS0618 // RegExpParseMode: see RegExpBuiltins
using Acornima;
using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

/// <summary>
/// Direct eval and <c>with</c>: the scope machinery that is only partly static.
/// <para>
/// A function whose code (or nested code) calls eval directly keeps all its bindings in contexts
/// (<see cref="ScopeAnalysis"/>), and each call site records its compile-time <see cref="Scope"/> in
/// the template. The eval code is compiled as a function whose scope chain continues with that
/// scope and whose closure context is the caller's current context, so it reads and writes the
/// caller's bindings with ordinary context-slot instructions.
/// </para>
/// <para>
/// Sloppy eval code declares its vars in the caller's var scope. Names the var scope already binds
/// are simply shared; new ones go into a per-var-scope object held in a context slot
/// (<see cref="Scope.DynamicSlot"/>), and every reference whose resolution passes such a scope, or a
/// <c>with</c> scope, first asks the object at run time (LdaDynamic/StaDynamic).
/// </para>
/// </summary>
internal sealed partial class BytecodeCompiler
{
    /// <summary>Compiles direct eval code whose caller was at <paramref name="callerScope"/> (a <see cref="Scope"/>).</summary>
    public static FunctionTemplate CompileEval(Realm realm, string source, object callerScope, bool strictCaller, string file) =>
        ParseAndCompile(realm, source, file, InFunction((Scope)callerScope) ? EvalInFunctionOptions : Options, strictCaller,
            (c, script) => c.CompileEvalTop(script, (Scope)callerScope, strictCaller || script.Strict));

    static readonly ParserOptions EvalInFunctionOptions = new()
    {
        EcmaVersion = EcmaVersion.Latest,
        AllowReturnOutsideFunction = false,
        AllowNewTargetOutsideFunction = true,
        RegExpParseMode = RegExpParseMode.Skip,
        Tolerant = false,
    };

    /// <summary>Whether eval code at <paramref name="s"/> is inside a non-arrow function (so new.target is allowed).</summary>
    static bool InFunction(Scope s)
    {
        for (Scope? c = s; c != null; c = c.Parent)
            if (c.IsFunctionScope && c.Fn.Node is IFunction and not ArrowFunctionExpression) return true;
        return false;
    }

    /// <summary>An empty global scope: eval code compiled against it is indirect eval.</summary>
    public static object GlobalScopeForEval() => new Scope(null, new FunctionState(null, null!), true) { IsScriptTop = true };

    FunctionTemplate CompileEvalTop(Script script, Scope callerScope, bool strict)
    {
        fn = new FunctionState(null, script) { IsStrict = strict, IsEval = true };
        fn.Captured = analysis.CapturedIn(script);
        // Strict eval code has its own var scope; sloppy eval code's vars belong to the caller's.
        var evalScope = new Scope(callerScope, fn, strict) { IsVarScope = strict };
        fn.FunctionScope = evalScope;
        var t = fn.Template;
        t.Name = "";
        t.Flags = FunctionFlags.Script | FunctionFlags.NotConstructor | (strict ? FunctionFlags.Strict : 0);
        scope = callerScope;

        var vars = new List<string>();
        ScopeAnalysis.CollectVars(script, vars);
        foreach (var s in script.Body)
            if (ScopeAnalysis.DeclaredFunction(s) is { } fd) vars.Add(fd.Id!.Name);
        if (!strict)
        {
            var lexical = new List<string>();
            foreach (var s in script.Body) DeclareLexicalNames(s, lexical);
            var blockFns = new List<string>();
            foreach (var s in script.Body) CollectBlockFunctions(s, blockFns, false);
            foreach (var n in blockFns) if (!lexical.Contains(n)) { fn.AnnexBNames.Add(n); vars.Add(n); }
        }
        if (strict)
            foreach (var name in vars.Distinct()) evalScope.Declare(name, VarKind.Var, fn.Captured.Contains(name));
        else
            foreach (var name in vars.Distinct()) DeclareEvalVar(name, script);

        DeclareLexicals(script.Body, evalScope);
        PushScope(evalScope);
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

    /// <summary>
    /// A var of sloppy eval code (EvalDeclarationInstantiation): a lexical binding of the same name
    /// between the call and the var scope is a SyntaxError; a name the var scope binds is shared;
    /// otherwise the name is added to the var scope's eval var object (or the global object).
    /// </summary>
    void DeclareEvalVar(string name, Node at)
    {
        int depth = 0;
        for (var s = scope; s != null; s = s.Parent)
        {
            if (s.IsScriptTop)
            {
                // The global object; a global lexical of the same name makes this throw at run time.
                fn.B.Emit(Opcode.DeclareGlobalVar, NameIdx(name));
                return;
            }
            if (s.Vars.TryGetValue(name, out var v))
            {
                if (v.IsLexical && !v.IsParameter) throw Error(at, $"Identifier '{name}' has already been declared");
                if (s.ReceivesVars || v.IsParameter) return;
            }
            if (s.ReceivesVars || s.IsFunctionScope)
            {
                if (s.DynamicSlot < 0) throw Error(at, $"internal: no eval var object for '{name}'");
                int regs = fn.Temps(3);
                fn.B.Emit(Opcode.LdaConstant, NameIdx(name));
                fn.B.Emit(Opcode.Star, regs);
                fn.B.Emit(Opcode.LdaSmi, depth);
                fn.B.Emit(Opcode.Star, regs + 1);
                fn.B.Emit(Opcode.LdaSmi, s.DynamicSlot);
                fn.B.Emit(Opcode.Star, regs + 2);
                EmitRuntime(RuntimeId.DeclareEvalVar, regs, 3);
                Release(regs);
                return;
            }
            if (s.HasContext) depth++;
        }
    }

    /// <summary>eval(...) by name: a direct eval when the callee turns out to be the realm's eval at run time.</summary>
    void EmitDirectEvalCall(CallExpression ce)
    {
        int n = ce.Arguments.Count;
        int block = fn.Temps(3 + n);
        B.Emit(Opcode.LdaUndefined);
        B.Emit(Opcode.Star, block + 1);
        EmitLoadVar("eval", ce.Callee, receiverReg: block + 1);
        B.Emit(Opcode.Star, block);
        fn.EvalScopes.Add(scope);
        B.Emit(Opcode.LdaSmi, fn.EvalScopes.Count - 1);
        B.Emit(Opcode.Star, block + 2);
        for (int i = 0; i < n; i++)
        {
            int m = TempMark;
            VisitExpression(ce.Arguments[i]);
            B.Emit(Opcode.Star, block + 3 + i);
            Release(m);
        }
        Pos(ce);
        EmitRuntime(RuntimeId.DirectEval, block, 3 + n);
    }

    /// <summary>delete name: an eval-declared var or a with object's property may hold it.</summary>
    void EmitDynamicDelete(string name, List<DynamicCheck> checks, Action emitStatic)
    {
        var done = new Label();
        int regs = fn.Temps(4);
        foreach (var c in checks)
        {
            B.Emit(Opcode.LdaConstant, NameIdx(name));
            B.Emit(Opcode.Star, regs);
            B.Emit(Opcode.LdaSmi, c.Depth);
            B.Emit(Opcode.Star, regs + 1);
            B.Emit(Opcode.LdaSmi, c.Slot);
            B.Emit(Opcode.Star, regs + 2);
            B.Emit(c.IsWith ? Opcode.LdaTrue : Opcode.LdaFalse);
            B.Emit(Opcode.Star, regs + 3);
            EmitRuntime(RuntimeId.DeleteDynamic, regs, 4);
            B.EmitJump(Opcode.JumpIfNotUndefined, done);
        }
        emitStatic();
        B.Bind(done);
    }

    /// <summary>with (obj) body: the object lives in a context slot of a scope that every lookup inside passes.</summary>
    void VisitWith(WithStatement ws)
    {
        if (fn.IsStrict) throw Error(ws, "Strict mode code may not include a with statement");
        int obj = fn.Temp();
        VisitExpression(ws.Object);
        B.Emit(Opcode.Star, obj);
        EmitRuntime(RuntimeId.WithObject, obj, 1);
        B.Emit(Opcode.Star, obj);
        var s = new Scope(scope, fn, false) { IsWith = true };
        var slot = s.Declare("%with", VarKind.Internal, true);
        s.DynamicSlot = slot.Index;
        PushScope(s);
        B.Emit(Opcode.Ldar, obj);
        B.Emit(Opcode.StaContextSlot, 0, slot.Index);
        VisitStatement(ws.Body);
        ExitBlock(s);
    }
}
