using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal enum VarKind { Var, Let, Const, Function, Param, Class, Internal }

internal enum VarLocation { Register, Context, Global, GlobalLexical }

/// <summary>A binding the compiler resolved: where it lives and whether reads need a TDZ check.</summary>
internal sealed class Variable(string name, VarKind kind)
{
    public readonly string Name = name;
    public readonly VarKind Kind = kind;
    public VarLocation Location;
    public int Index;
    public Scope Scope = null!;
    /// <summary>A parameter (parameters with expressions in the list are let-like, see CompileFunction).</summary>
    public bool IsParameter;
    /// <summary>A named function expression's own name: immutable (assignment is ignored, or a TypeError in strict code).</summary>
    public bool IsFunctionName;
    public bool IsLexical => Kind is VarKind.Let or VarKind.Const or VarKind.Class;
    public bool IsConst => Kind == VarKind.Const;
}

/// <summary>A lexical scope at compile time. Scopes with captured bindings own a runtime context.</summary>
internal sealed class Scope(Scope? parent, FunctionState fn, bool isFunctionScope)
{
    public readonly Scope? Parent = parent;
    public readonly FunctionState Fn = fn;
    public readonly bool IsFunctionScope = isFunctionScope;
    public readonly Dictionary<string, Variable> Vars = [];
    public bool HasContext;
    public int ContextSlots;
    /// <summary>Names of a sloppy-mode script's top level resolve to the global object.</summary>
    public bool IsScriptTop;
    /// <summary>
    /// A switch body: its cases share the scope but jumps enter it mid-way, so code after a
    /// declaration is not dominated by it and loads keep their TDZ checks.
    /// </summary>
    public bool EnteredMidway;
    /// <summary>A function body's var scope kept apart from the parameter scope (parameters with expressions).</summary>
    public bool IsVarScope;
    /// <summary>
    /// Context slot holding an object whose properties are bindings found only at run time: the
    /// object of a <c>with</c> statement (<see cref="IsWith"/>), or the vars that sloppy direct eval
    /// declared in this var scope. -1 when the scope has none.
    /// </summary>
    public int DynamicSlot = -1;
    public bool IsWith;
    /// <summary>True for the scope that receives var declarations: a function's, a separate body scope, or the script top.</summary>
    public bool ReceivesVars => IsVarScope || IsScriptTop || (IsFunctionScope && !Fn.HasSeparateVarScope);

    public Variable Declare(string name, VarKind kind, bool captured)
    {
        if (Vars.TryGetValue(name, out var existing)) return existing;
        var v = new Variable(name, kind) { Scope = this };
        if (IsScriptTop && kind != VarKind.Internal)
        {
            v.Location = kind is VarKind.Var or VarKind.Function ? VarLocation.Global : VarLocation.GlobalLexical;
        }
        else if (captured)
        {
            v.Location = VarLocation.Context;
            v.Index = ContextSlots++;
            HasContext = true;
        }
        else
        {
            v.Location = VarLocation.Register;
            v.Index = Fn.AllocLocal();
        }
        Vars[name] = v;
        return v;
    }
}

/// <summary>Per-function compile state: registers, the builder, constants, children, control scopes.</summary>
internal sealed class FunctionState
{
    public readonly FunctionState? Parent;
    public readonly Node Node;
    public readonly BytecodeBuilder B = new();
    public readonly FunctionTemplate Template = new();
    public readonly List<JsValue> Constants = [];
    readonly Dictionary<ulong, int> constIndex = [];
    public readonly List<FunctionTemplate> Children = [];
    public readonly List<HandlerEntry> Handlers = [];
    /// <summary>Scopes of the direct eval call sites (see <see cref="FunctionTemplate.EvalScopes"/>).</summary>
    public readonly List<object> EvalScopes = [];
    /// <summary>Direct eval code (compiled against its caller's scope chain).</summary>
    public bool IsEval;
    public readonly List<ControlScope> Controls = [];
    public HashSet<string> Captured = [];
    public int NextReg, MaxReg;
    /// <summary>
    /// Register lexical bindings whose initialization dominates the code being emitted (a later
    /// statement of the same block), so loading them needs no TDZ check.
    /// </summary>
    public readonly HashSet<Variable> Initialized = [];
    /// <summary>Contexts pushed inside this function beyond its entry context (for break/continue popping).</summary>
    public int ContextDepth;
    public Scope FunctionScope = null!;
    public bool IsArrow, IsStrict, IsGenerator, IsAsync, IsDerivedCtor, IsClassCtor;
    public int GeneratorModeReg = -1;
    /// <summary>The body's vars live in a scope below the parameters' (see <see cref="Scope.IsVarScope"/>).</summary>
    public bool HasSeparateVarScope;
    public Variable? ThisVar, NewTargetVar, ArgumentsVar;
    /// <summary>Block-level function names that also get a function-scope var (Annex B.3.3, sloppy code only).</summary>
    public readonly HashSet<string> AnnexBNames = [];
    /// <summary>Node whose source text Function.prototype.toString shows (the class for constructors).</summary>
    public Node? SourceNode;
    /// <summary>Start offset of a method's source text (its name), or -1.</summary>
    public int SourceStart = -1;

    public FunctionState(FunctionState? parent, Node node) { Parent = parent; Node = node; }

    public int AllocLocal() { int r = NextReg++; if (NextReg > MaxReg) MaxReg = NextReg; return r; }
    public int Temp() => AllocLocal();
    /// <summary>Allocates n consecutive registers.</summary>
    public int Temps(int n) { int r = NextReg; NextReg += n; if (NextReg > MaxReg) MaxReg = NextReg; return r; }

    public int Constant(JsValue v)
    {
        if (constIndex.TryGetValue(v.Bits, out int i)) return i;
        Constants.Add(v);
        constIndex[v.Bits] = Constants.Count - 1;
        return Constants.Count - 1;
    }
}

internal enum ControlKind { Loop, Switch, Block, Finally, ForOf, Function }

/// <summary>An entry of the break/continue target stack (loops, labelled blocks, try-finally, for-of iterators).</summary>
internal sealed class ControlScope(ControlKind kind)
{
    public readonly ControlKind Kind = kind;
    public readonly List<string> Labels = [];
    public Label? Break, Continue;
    public int ContextDepth, ContinueDepth;
    // Finally routing
    public Label? FinallyEntry;
    public int TokenReg, ValueReg;
    public readonly List<(int Token, Action Command)> Deferred = [];
    // for-of
    public int IteratorReg;
}
