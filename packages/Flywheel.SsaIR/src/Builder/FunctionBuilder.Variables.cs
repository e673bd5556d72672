namespace Flywheel.SsaIR.Builder;

/// <summary>A frontend variable that <see cref="FunctionBuilder"/> turns into SSA values. Prints as <c>var2</c>.</summary>
/// <param name="Index">Declaration order.</param>
public readonly record struct Variable(int Index)
{
    /// <summary>A diagnostic name, e.g. <c>var2</c>.</summary>
    public override string ToString() => "var" + Index;
}

// SSA construction after Braun et al., "Simple and Efficient Construction of Static Single
// Assignment Form" (CC 2013), with block parameters in place of phis. A block is sealed once all
// its predecessors are known; reads in unsealed blocks get a provisional parameter that is wired up
// at sealing time. Redundant parameters (all arguments equal) are left for the optimizer.
public sealed partial class FunctionBuilder
{
    readonly List<IrType> variableTypes = [];
    readonly Dictionary<(Variable, BlockId), ValueId> definitions = [];
    readonly Dictionary<BlockId, List<BlockId>> predecessors = [];
    readonly HashSet<BlockId> sealedBlocks = [];
    readonly Dictionary<BlockId, List<(Variable Variable, ValueId Param)>> incomplete = [];

    /// <summary>Declares a variable of <paramref name="type"/>; define it before use on every path.</summary>
    public Variable DeclareVariable(IrType type)
    {
        variableTypes.Add(type);
        return new Variable(variableTypes.Count - 1);
    }

    /// <summary>Assigns <paramref name="value"/> to <paramref name="variable"/> at the current block.</summary>
    public void DefineVariable(Variable variable, ValueId value)
    {
        if (function.TypeOf(value) != variableTypes[variable.Index]) throw new ArgumentException($"{variable} has type {variableTypes[variable.Index].Name()}", nameof(value));
        definitions[(variable, CurrentBlock)] = value;
    }

    /// <summary>The value <paramref name="variable"/> holds at the current point of the current block.</summary>
    public ValueId UseVariable(Variable variable) => Read(variable, CurrentBlock);

    /// <summary>Declares that every predecessor of <paramref name="block"/> has been emitted.</summary>
    public void SealBlock(BlockId block)
    {
        if (!sealedBlocks.Add(block)) return;
        if (incomplete.Remove(block, out var pending))
        {
            foreach (var (variable, _) in pending) AddArguments(variable, block);
        }
    }

    ValueId Read(Variable variable, BlockId block)
    {
        if (definitions.TryGetValue((variable, block), out var value)) return value;
        var type = variableTypes[variable.Index];
        var preds = predecessors.GetValueOrDefault(block) ?? [];
        if (!sealedBlocks.Contains(block))
        {
            value = function.AddBlockParam(block, type);
            if (!incomplete.TryGetValue(block, out var list)) incomplete[block] = list = [];
            list.Add((variable, value));
        }
        else if (preds.Count == 1)
        {
            value = Read(variable, preds[0]);
        }
        else if (preds.Count == 0)
        {
            throw new InvalidOperationException($"{variable} is used in {block} before any definition reaches it");
        }
        else
        {
            // Define first so a loop that reads the variable back finds this parameter.
            value = function.AddBlockParam(block, type);
            definitions[(variable, block)] = value;
            AddArguments(variable, block);
        }
        definitions[(variable, block)] = value;
        return value;
    }

    void AddArguments(Variable variable, BlockId block)
    {
        foreach (var pred in predecessors.GetValueOrDefault(block) ?? [])
        {
            var argument = Read(variable, pred);
            var terminator = function.Terminator(pred)!;
            var targets = terminator.Targets;
            for (int i = 0; i < targets.Length; i++)
            {
                if (targets[i].Block == block) targets[i] = targets[i] with { Args = [.. targets[i].Args, argument] };
            }
        }
    }
}
