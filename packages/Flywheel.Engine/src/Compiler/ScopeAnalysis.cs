using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

/// <summary>
/// Finds, per function, which names nested functions may capture. It is deliberately conservative:
/// a name counts as captured in function F if any function nested in F mentions it without declaring
/// it at its own function level, whatever block declared it. Over-approximating only moves a variable
/// from a register into a context slot; it never changes meaning. Pseudo-names "this", "arguments",
/// "new.target" record what arrow functions take from their enclosing function.
/// </summary>
internal sealed class ScopeAnalysis
{
    sealed class Info
    {
        public readonly HashSet<string> Referenced = [];
        public readonly HashSet<string> Declared = [];
        public readonly HashSet<string> InnerFree = [];
        public bool IsArrow;
        /// <summary>The function's own code (not a nested function's) calls eval directly.</summary>
        public bool OwnEval;
        /// <summary>The function or a function nested in it calls eval directly.</summary>
        public bool ContainsEval;
    }

    readonly Dictionary<Node, Info> infos = new(ReferenceEqualityComparer.Instance);

    public static ScopeAnalysis Run(Node root)
    {
        var a = new ScopeAnalysis();
        a.AnalyzeFunction(root, false);
        return a;
    }

    /// <summary>Names that functions nested in <paramref name="fn"/> may capture from it.</summary>
    public HashSet<string> CapturedIn(Node fn) => infos.TryGetValue(fn, out var i) ? i.InnerFree : [];

    /// <summary>Whether the function's own code contains a direct <c>eval(...)</c> call.</summary>
    public bool HasOwnEval(Node fn) => infos.TryGetValue(fn, out var i) && i.OwnEval;

    /// <summary>Names a function itself references (including its nested functions' free names).</summary>
    public bool References(Node fn, string name) => infos.TryGetValue(fn, out var i) && i.Referenced.Contains(name);

    Info AnalyzeFunction(Node fn, bool isArrow)
    {
        var info = new Info { IsArrow = isArrow };
        infos[fn] = info;
        if (fn is IFunction f)
        {
            foreach (var p in f.Params) { CollectPatternNames(p, info.Declared); Walk(p, info); }
            if (f.Body is FunctionBody body) { CollectVarScoped(body, info.Declared, true); Walk(body, info); }
            else Walk(f.Body, info);
            if (!isArrow) { info.Declared.Add("this"); info.Declared.Add("arguments"); info.Declared.Add("new.target"); }
        }
        else if (fn is Program prog)
        {
            foreach (var s in prog.Body) Walk(s, info);
        }
        else
        {
            // Class field initializers and static blocks run as methods with their own `this`.
            if (fn is PropertyDefinition pd) Walk(pd.Value, info);
            else if (fn is StaticBlock sb) { CollectVarScoped(sb, info.Declared, true); foreach (var st in sb.Body) Walk(st, info); }
            info.Declared.Add("this"); info.Declared.Add("arguments"); info.Declared.Add("new.target");
        }
        if (info.ContainsEval)
        {
            // Direct eval may name any binding in scope: every name the function mentions (its own
            // declarations included) lives in a context, and so do this/arguments/new.target.
            if (fn is IFunction or PropertyDefinition or StaticBlock)
            {
                info.Referenced.Add("this"); info.Referenced.Add("new.target"); info.Referenced.Add("arguments");
            }
            info.InnerFree.UnionWith(info.Referenced);
        }
        return info;
    }

    void Child(Node fn, bool isArrow, Info parent)
    {
        var ci = AnalyzeFunction(fn, isArrow);
        if (ci.ContainsEval) parent.ContainsEval = true;
        foreach (var n in ci.Referenced)
            if (!ci.Declared.Contains(n)) { parent.InnerFree.Add(n); parent.Referenced.Add(n); }
    }

    void Walk(Node? n, Info info)
    {
        if (n == null) return;
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (n)
        {
            case Identifier id: info.Referenced.Add(id.Name); return;
            case ThisExpression: info.Referenced.Add("this"); return;
            case Super: info.Referenced.Add("this"); info.Referenced.Add("super"); return;
            case MetaProperty mp: if (mp.Meta.Name == "new") info.Referenced.Add("new.target"); return;
            case ArrowFunctionExpression a: Child(a, true, info); return;
            case FunctionExpression or FunctionDeclaration: Child(n, false, info); return;
            case MemberExpression m:
                Walk(m.Object, info);
                if (m.Computed) Walk(m.Property, info);
                return;
            case Property p:
                if (p.Computed) Walk(p.Key, info);
                Walk(p.Value, info);
                return;
            case MethodDefinition md:
                if (md.Computed) Walk(md.Key, info);
                Child(md.Value, false, info);
                return;
            case PropertyDefinition pd:
                if (pd.Computed) Walk(pd.Key, info);
                if (pd.Value != null) Child(pd, false, info); // initializers run as a nested function
                return;
            case StaticBlock sb: Child(sb, false, info); return;
            case LabeledStatement ls: Walk(ls.Body, info); return;
            case BreakStatement or ContinueStatement: return;
            case CallExpression { Callee: Identifier { Name: "eval" } } call:
                info.Referenced.Add("eval");
                info.OwnEval = info.ContainsEval = true;
                foreach (var c in call.ChildNodes) Walk(c, info);
                return;
        }
        foreach (var c in n.ChildNodes) Walk(c, info);
    }

    /// <summary>Names bound by a binding pattern.</summary>
    public static void CollectPatternNames(Node? p, ICollection<string> into)
    {
        switch (p)
        {
            case Identifier id: into.Add(id.Name); break;
            case AssignmentPattern ap: CollectPatternNames(ap.Left, into); break;
            case RestElement re: CollectPatternNames(re.Argument, into); break;
            case ArrayPattern arr: foreach (var e in arr.Elements) CollectPatternNames(e, into); break;
            case ObjectPattern op:
                foreach (var prop in op.Properties)
                {
                    if (prop is Property pp) CollectPatternNames(pp.Value, into);
                    else CollectPatternNames(prop, into);
                }
                break;
        }
    }

    /// <summary>
    /// The function a statement declares, looking through labels: in sloppy code `l: function f() {}`
    /// (Annex B.3.2) declares f like an unlabelled declaration in the same statement list.
    /// </summary>
    public static FunctionDeclaration? DeclaredFunction(Statement s)
    {
        while (s is LabeledStatement ls) s = ls.Body;
        return s is FunctionDeclaration { Id: not null } fd ? fd : null;
    }

    /// <summary>var-declared names in a function body (not entering nested functions); with <paramref name="topLexical"/> also its top-level lexical and function declarations.</summary>
    public static void CollectVarScoped(Node body, ICollection<string> into, bool topLexical)
    {
        if (topLexical && body is BlockStatement b)
            foreach (var s in b.Body)
            {
                if (s is VariableDeclaration vd && vd.Kind != VariableDeclarationKind.Var) foreach (var d in vd.Declarations) CollectPatternNames(d.Id, into);
                else if (DeclaredFunction(s) is { } fd) into.Add(fd.Id!.Name);
                else if (s is ClassDeclaration cd && cd.Id != null) into.Add(cd.Id.Name);
            }
        CollectVars(body, into);
    }

    public static void CollectVars(Node? n, ICollection<string> into)
    {
        switch (n)
        {
            case null: return;
            case VariableDeclaration { Kind: VariableDeclarationKind.Var } vd:
                foreach (var d in vd.Declarations) CollectPatternNames(d.Id, into);
                return;
            case IFunction or ClassDeclaration or ClassExpression: return;
            case Expression: return;
        }
        foreach (var c in n.ChildNodes) CollectVars(c, into);
    }
}
