namespace Flywheel.SsaIR.Testing.Generation;

/// <summary>Size limits of generated functions.</summary>
public sealed class GeneratorOptions
{
    /// <summary>Roughly how many instructions the main function gets.</summary>
    public int InstructionBudget { get; init; } = 60;

    /// <summary>How deeply ifs, loops and switches nest.</summary>
    public int MaxNesting { get; init; } = 3;

    /// <summary>Leaf helper functions generated next to <c>%main</c> (callable with <c>call</c> and <c>call_indirect</c>).</summary>
    public int Helpers { get; init; } = 2;

    /// <summary>Whether guards and checked arithmetic (deopt points) may appear.</summary>
    public bool Deopts { get; init; } = true;

    /// <summary>Whether floating-point values may appear.</summary>
    public bool Floats { get; init; } = true;
}
