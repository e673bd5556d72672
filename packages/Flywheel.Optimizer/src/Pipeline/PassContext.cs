using Flywheel.Optimizer.Analysis;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Analysis;

namespace Flywheel.Optimizer;

/// <summary>
/// What a pass works on: the function, the module it belongs to (for calls), the callee provider
/// (for inlining), and analyses computed on demand. The pass manager drops the analyses after any
/// pass that reports a change; a pass that edits the CFG itself calls <see cref="Invalidate"/>.
/// </summary>
public sealed class PassContext
{
    ControlFlowGraph? cfg;
    DominatorTree? domTree;
    LoopNest? loops;

    /// <summary>Creates a context for <paramref name="function"/>.</summary>
    public PassContext(Function function, Module? module = null, ICalleeProvider? callees = null)
    {
        Function = function;
        Module = module;
        Callees = callees ?? (module is null ? null : new ModuleCalleeProvider(module));
    }

    /// <summary>The function being optimized.</summary>
    public Function Function { get; }

    /// <summary>The module holding it, when known.</summary>
    public Module? Module { get; }

    /// <summary>Where inlining finds callee bodies, when anywhere.</summary>
    public ICalleeProvider? Callees { get; }

    /// <summary>The control-flow graph (cached).</summary>
    public ControlFlowGraph Cfg => cfg ??= new ControlFlowGraph(Function);

    /// <summary>The dominator tree (cached).</summary>
    public DominatorTree DomTree => domTree ??= new DominatorTree(Function, Cfg);

    /// <summary>The loop nest (cached).</summary>
    public LoopNest Loops => loops ??= new LoopNest(Function, DomTree);

    /// <summary>Forgets cached analyses after the function changed.</summary>
    public void Invalidate()
    {
        cfg = null;
        domTree = null;
        loops = null;
    }
}
