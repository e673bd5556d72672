using Flywheel.CodeGen.RegAlloc;
using Flywheel.CodeGen.StackMaps;
using Flywheel.SsaIR;
using Flywheel.X64;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

/// <summary>What the functions of one module share while being emitted: labels of every function, the runtime, and the module-wide deopt site list.</summary>
internal sealed class X64ModuleContext(X64CallingConvention convention, CodeGenOptions options, Dictionary<string, Label> functionLabels, int floatScratchA, int floatScratchB)
{
    readonly List<DeoptSite> deoptSites = [];
    List<Safepoint> safepoints = [];

    public X64CallingConvention Convention { get; } = convention;

    public CodeGenOptions Options { get; } = options;

    public RuntimeEntryPoints Runtime => Options.Runtime;

    /// <summary>The XMM register that breaks parallel-move cycles and holds float results bound for spill slots.</summary>
    public int FloatScratchA { get; } = floatScratchA;

    /// <summary>The XMM register for float constants and masks.</summary>
    public int FloatScratchB { get; } = floatScratchB;

    public IReadOnlyList<DeoptSite> DeoptSites => deoptSites;

    public Label FunctionLabel(string name) =>
        functionLabels.TryGetValue(name, out var label) ? label : throw new InvalidOperationException($"no function %{name} in the module");

    public int AddDeoptSite(Function function, SsaIR.FrameState state, SafepointKind kind, int codeOffset, Func<ValueId, Location> locate, Func<int, int> spillOffset)
    {
        var frameState = StackMapBuilder.BuildFrameState(Options.FunctionId(function.Name), state, function, locate, spillOffset);
        var site = new DeoptSite(deoptSites.Count, function.Name, codeOffset, kind, frameState, state.Values.Select(function.TypeOf).ToArray());
        deoptSites.Add(site);
        return site.Index;
    }

    public void AddSafepoint(Safepoint safepoint) => safepoints.Add(safepoint);

    /// <summary>The safepoints recorded since the last call, for one function.</summary>
    public IReadOnlyList<Safepoint> TakeSafepoints()
    {
        var taken = safepoints;
        safepoints = [];
        return taken;
    }
}
