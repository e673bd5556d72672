using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal sealed partial class BytecodeCompiler
{
    /// <summary>Compiles a nested function and leaves a closure for it in the accumulator.</summary>
    void EmitFunction(Node node, string name, FunctionFlags extra = 0, ClassInfo? cls = null)
    {
        var t = CompileFunction(node, name, extra, cls);
        fn.Children.Add(t);
        fn.B.Emit(Opcode.CreateClosure, fn.Children.Count - 1);
    }

    FunctionTemplate CompileFunction(Node node, string name, FunctionFlags extra, ClassInfo? cls)
    {
        // Nested function declarations recurse through hoisting without visiting a statement first.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var savedFn = fn;
        var savedScope = scope;
        int savedCompletion = completionReg;
        completionReg = -1;
        var f = node as IFunction;
        bool isArrow = node is ArrowFunctionExpression;
        var fs = new FunctionState(savedFn, node)
        {
            IsArrow = isArrow,
            IsStrict = savedFn.IsStrict || (f?.Body is FunctionBody fb && fb.Strict) || cls != null,
            IsGenerator = f?.Generator ?? false,
            IsAsync = f?.Async ?? false,
            IsClassCtor = (extra & FunctionFlags.ClassConstructor) != 0,
            IsDerivedCtor = (extra & FunctionFlags.Derived) != 0,
        };
        fs.Captured = analysis.CapturedIn(node);
        fs.SourceNode = sourceTextNode;
        fs.SourceStart = methodStart;
        sourceTextNode = null;
        methodStart = -1;
        if (node is ClassBody cbody)
        {
            fs.Captured = [];
            foreach (var el in cbody.Body) fs.Captured.UnionWith(analysis.CapturedIn(el));
        }
        fn = fs;
        var t = fs.Template;
        t.Name = name;
        t.Flags = extra | (fs.IsStrict ? FunctionFlags.Strict : 0) | (isArrow ? FunctionFlags.Arrow : 0)
            | (fs.IsGenerator ? FunctionFlags.Generator : 0) | (fs.IsAsync ? FunctionFlags.Async : 0);
        if (isArrow || fs.IsGenerator || fs.IsAsync) t.Flags |= FunctionFlags.NotConstructor;

        var fscope = new Scope(savedScope, fs, true);
        fs.FunctionScope = fscope;
        scope = fscope;

        int nparams = f?.Params.Count ?? 0;
        t.ParamRegs = nparams;
        fs.Temps(nparams);
        int length = 0;
        if (f != null)
        {
            foreach (var p in f.Params)
            {
                if (p is AssignmentPattern or RestElement) break;
                length++;
            }
        }
        t.Length = length;
        if (fs.IsGenerator || fs.IsAsync) fs.GeneratorModeReg = fs.Temp();

        // Declarations of the function scope.
        var captured = fs.Captured;
        if (!isArrow && f != null)
        {
            bool usesThis = captured.Contains("this") || captured.Contains("super");
            if (usesThis || fs.IsDerivedCtor) fs.ThisVar = fscope.Declare("this", VarKind.Internal, captured.Contains("this") || captured.Contains("super"));
            if (captured.Contains("new.target")) fs.NewTargetVar = fscope.Declare("new.target", VarKind.Internal, true);
        }
        if (node is ClassBody) fs.ThisVar = fscope.Declare("this", VarKind.Internal, true);
        // With default values or destructuring in the parameter list, parameters are let-like (TDZ
        // until initialised, left to right) and the body's vars live in a scope of their own.
        bool paramExprs = f != null && HasParameterExpressions(f);
        bool simpleParams = f != null && f.Params.All(p => p is Identifier);
        bool usesArguments = f != null && !isArrow && analysis.References(node, "arguments") && !ParamNames(f).Contains("arguments");
        // A sloppy function with simple parameters gets a mapped arguments object that aliases the
        // parameters, which then live in the function context (the object reads and writes the slots).
        bool mappedArguments = usesArguments && !fs.IsStrict && simpleParams && f!.Params.Count > 0;
        Scope varScope = fscope;
        if (f != null)
        {
            int i = 0;
            foreach (var p in f.Params)
            {
                if (p is Identifier id && !paramExprs && !fscope.Vars.ContainsKey(id.Name))
                {
                    if (mappedArguments || captured.Contains(id.Name)) fscope.Declare(id.Name, VarKind.Param, true);
                    else fscope.Vars[id.Name] = new Variable(id.Name, VarKind.Param) { Location = VarLocation.Register, Index = i, Scope = fscope };
                }
                else
                {
                    var names = new List<string>();
                    ScopeAnalysis.CollectPatternNames(p, names);
                    foreach (var n in names) fscope.Declare(n, paramExprs ? VarKind.Let : VarKind.Param, captured.Contains(n)).IsParameter = true;
                }
                i++;
            }
            if (usesArguments && !fscope.Vars.ContainsKey("arguments")) fs.ArgumentsVar = fscope.Declare("arguments", VarKind.Var, captured.Contains("arguments"));
            if (f.Body is FunctionBody body)
            {
                if (paramExprs) { varScope = new Scope(fscope, fs, false) { IsVarScope = true }; fs.HasSeparateVarScope = true; }
                var vars = new List<string>();
                ScopeAnalysis.CollectVars(body, vars);
                foreach (var s in body.Body) if (ScopeAnalysis.DeclaredFunction(s) is { } fd) vars.Add(fd.Id!.Name);
                if (!fs.IsStrict)
                {
                    var lexical = new List<string>();
                    foreach (var s in body.Body) DeclareLexicalNames(s, lexical);
                    var blockFns = new List<string>();
                    foreach (var s in body.Body) CollectBlockFunctions(s, blockFns, false);
                    foreach (var n in blockFns)
                        if (!lexical.Contains(n) && !varScope.Vars.ContainsKey(n) && (paramExprs || !fscope.Vars.ContainsKey(n))) { fs.AnnexBNames.Add(n); vars.Add(n); }
                }
                foreach (var v in vars) varScope.Declare(v, VarKind.Var, captured.Contains(v));
                DeclareLexicals(body.Body, varScope);
            }
            if (!fs.IsStrict && analysis.HasOwnEval(node))
            {
                // Sloppy direct eval may add vars here at run time: they go to an object in this slot.
                var evalVars = varScope.Declare("%evalvars", VarKind.Internal, true);
                varScope.DynamicSlot = evalVars.Index;
                if (varScope != fscope)
                {
                    // eval in a parameter default declares its vars next to the parameters.
                    var paramEvalVars = fscope.Declare("%paramevalvars", VarKind.Internal, true);
                    fscope.DynamicSlot = paramEvalVars.Index;
                }
            }
        }
        // A named function expression can see its own name.
        Scope? nameScope = null;
        if (node is FunctionExpression { Id: not null } fe && !fscope.Vars.ContainsKey(fe.Id.Name))
        {
            nameScope = fscope;
            fscope.Declare(fe.Id.Name, VarKind.Var, captured.Contains(fe.Id.Name)).IsFunctionName = true;
        }

        // Prologue.
        var B = fs.B;
        Pos(node);
        if (fscope.HasContext) B.Emit(Opcode.PushContext, fscope.ContextSlots);
        InitScopeBindings(fscope);
        if (nameScope != null) { B.Emit(Opcode.LdaFunction); EmitStoreVar(((FunctionExpression)node).Id!.Name, node, true); }
        if (fs.ThisVar != null)
        {
            if (fs.IsDerivedCtor) B.Emit(Opcode.LdaHole); else B.Emit(Opcode.LdaReceiver);
            EmitStoreVar("this", node, true);
        }
        if (fs.NewTargetVar != null) { B.Emit(Opcode.LdaNewTarget); EmitStoreVar("new.target", node, true); }
        if (fs.ArgumentsVar != null)
        {
            if (mappedArguments) EmitMappedArguments(f!, fscope);
            else B.Emit(Opcode.CreateArguments);
            EmitStoreVar("arguments", node, true);
        }
        if (f != null)
        {
            int i = 0;
            foreach (var p in f.Params)
            {
                if (p is Identifier id)
                {
                    var v = fscope.Vars[id.Name];
                    if (v.Location != VarLocation.Register || v.Index != i) { B.Emit(Opcode.Ldar, i); EmitStoreVar(id.Name, p, true); }
                }
                else if (p is RestElement re)
                {
                    B.Emit(Opcode.CreateRest, i);
                    BindPattern(re.Argument, BindMode.Init);
                }
                else
                {
                    B.Emit(Opcode.Ldar, i);
                    BindPattern(p, BindMode.Init);
                }
                i++;
            }
        }
        if (varScope != fscope)
        {
            PushScope(varScope);
            // A body var named like a parameter starts with the parameter's value (a separate binding).
            foreach (var v in varScope.Vars.Values)
                if (v.Kind == VarKind.Var && fscope.Vars.TryGetValue(v.Name, out var pv) && pv.Kind is VarKind.Let or VarKind.Param)
                {
                    EmitLoadVariable(pv);
                    EmitStoreVar(v.Name, node, true);
                }
        }
        if (cls != null && !fs.IsDerivedCtor && cls.HasInstanceFields) { EmitThis(node); int r = fs.Temp(); B.Emit(Opcode.Star, r); EmitRuntime(RuntimeId.RunFieldInit, r, 1); Release(r); }

        if (f?.Body is FunctionBody fbody)
        {
            HoistFunctions(fbody.Body);
            foreach (var s in fbody.Body) VisitStatement(s);
            EmitReturnUndefined(node);
        }
        else if (f != null)
        {
            // Concise arrow body.
            VisitExpression((Expression)f.Body);
            B.Emit(Opcode.Return);
        }
        else if (node is ClassBody)
        {
            CompileInitializerBody(node, cls!);
        }

        var result = Finish(node, fs);
        fn = savedFn;
        scope = savedScope;
        completionReg = savedCompletion;
        return result;
    }

    static bool HasParameterExpressions(IFunction f)
    {
        foreach (var p in f.Params) if (p is not Identifier && ContainsExpression(p)) return true;
        return false;
    }

    /// <summary>Whether a binding pattern evaluates code (defaults or computed keys).</summary>
    static bool ContainsExpression(Node? p) => p switch
    {
        null or Identifier => false,
        AssignmentPattern => true,
        RestElement re => ContainsExpression(re.Argument),
        ArrayPattern ap => ap.Elements.Any(ContainsExpression),
        ObjectPattern op => op.Properties.Any(pr => pr is Property pp ? pp.Computed || ContainsExpression(pp.Value) : ContainsExpression(pr)),
        _ => true,
    };

    static HashSet<string> ParamNames(IFunction f)
    {
        var names = new HashSet<string>();
        foreach (var p in f.Params) ScopeAnalysis.CollectPatternNames(p, names);
        return names;
    }

    /// <summary>Creates the mapped arguments object: for each parameter index, the context slot it aliases (-1 when a later duplicate name wins).</summary>
    void EmitMappedArguments(IFunction f, Scope fscope)
    {
        int n = f.Params.Count;
        int first = fn.Temps(n);
        for (int i = 0; i < n; i++)
        {
            string name = ((Identifier)f.Params[i]).Name;
            bool lastOccurrence = true;
            for (int j = i + 1; j < n; j++) if (((Identifier)f.Params[j]).Name == name) lastOccurrence = false;
            var v = fscope.Vars[name];
            B.Emit(Opcode.LdaSmi, lastOccurrence && v.Location == VarLocation.Context ? v.Index : -1);
            B.Emit(Opcode.Star, first + i);
        }
        EmitRuntime(RuntimeId.CreateMappedArguments, first, n);
        Release(first);
    }

    /// <summary>Set just before compiling a class constructor / method so toString shows the right text.</summary>
    Node? sourceTextNode;
    int methodStart = -1;

    /// <summary>Where a method's source text starts: its key (after "static"), including get/set/async/* prefixes.</summary>
    int MethodStart(Node def, Expression key, bool isStatic)
    {
        int start = def.Start;
        if (isStatic)
        {
            int kw = source.IndexOf("static", def.Start, StringComparison.Ordinal);
            if (kw >= 0 && kw < key.Start) { start = kw + 6; while (start < key.Start && char.IsWhiteSpace(source[start])) start++; }
        }
        return start;
    }

    void EmitReturnUndefined(Node at)
    {
        if (fn.IsDerivedCtor) { EmitThis(at); }
        else fn.B.Emit(Opcode.LdaUndefined);
        fn.B.Emit(Opcode.Return);
    }

    void EmitRuntime(RuntimeId id, int firstArg, int argc) => fn.B.Emit(Opcode.CallRuntime, (int)id, firstArg, argc);

    static string PropertyName(Expression key, bool computed) => !computed ? key switch
    {
        Identifier id => id.Name,
        StringLiteral s => s.Value,
        NumericLiteral n => NumberConversion.ToString(n.Value),
        Literal l => l.Raw ?? "",
        _ => "",
    } : key is StringLiteral sl ? sl.Value : key is NumericLiteral nl ? NumberConversion.ToString(nl.Value) : "";
}
