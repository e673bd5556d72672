namespace Flywheel.Optimizer;

/// <summary>
/// An optimization pass over one function. Passes decide what they may move, merge or delete from
/// the opcode effects in <see cref="SsaIR.OpcodeInfo"/> alone. Embedders add their own passes by
/// implementing this and registering a factory in a <see cref="PassRegistry"/>.
/// </summary>
public interface IPass
{
    /// <summary>The name used in pipelines and filetests (<c>test optimize NAME</c>), e.g. <c>gvn</c>.</summary>
    string Name { get; }

    /// <summary>Transforms <see cref="PassContext.Function"/>; returns how many changes it made (0 when nothing changed).</summary>
    int Run(PassContext context);
}

/// <summary>Supplies the bodies of functions that calls may inline; the embedder decides what is visible.</summary>
public interface ICalleeProvider
{
    /// <summary>The callee's IR, or null when it must not be inlined (unknown, too big, or the embedder says no). The optimizer copies it, never changes it.</summary>
    SsaIR.Function? GetCallee(string name);
}

/// <summary>Offers every function of a module for inlining.</summary>
public sealed class ModuleCalleeProvider(SsaIR.Module module) : ICalleeProvider
{
    /// <inheritdoc/>
    public SsaIR.Function? GetCallee(string name) => module.TryGet(name, out var f) ? f : null;
}
