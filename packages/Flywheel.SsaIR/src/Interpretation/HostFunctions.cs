namespace Flywheel.SsaIR.Interpretation;

/// <summary>A host helper callable with <c>call_host</c>: takes canonical argument bits, returns canonical result bits (ignored for void calls).</summary>
public delegate long HostFunction(ReadOnlySpan<long> args, InterpreterMemory memory);

/// <summary>The embedder's helpers by name, for the interpreter.</summary>
public sealed class HostFunctions
{
    readonly Dictionary<string, HostFunction> functions = [];

    /// <summary>Registers (or replaces) a helper.</summary>
    public HostFunctions Register(string name, HostFunction function)
    {
        functions[name] = function;
        return this;
    }

    /// <summary>Finds a helper.</summary>
    public bool TryGet(string name, out HostFunction function) => functions.TryGetValue(name, out function!);
}

/// <summary>Limits and environment of an <see cref="Interpreter"/>.</summary>
public sealed class InterpreterOptions
{
    /// <summary>Instructions that may execute before the run ends as <see cref="OutcomeKind.OutOfFuel"/>.</summary>
    public long Fuel { get; init; } = 1_000_000;

    /// <summary>Bytes of memory (heap plus stack slots).</summary>
    public int MemorySize { get; init; } = 1 << 20;

    /// <summary>Nested calls allowed before a <see cref="TrapCode.StackOverflow"/> trap.</summary>
    public int MaxCallDepth { get; init; } = 64;

    /// <summary>The helpers <c>call_host</c> can reach.</summary>
    public HostFunctions Host { get; init; } = new();

    /// <summary>Called with every value an instruction or block parameter receives (function, value, canonical bits); for analyses' soundness tests and tracing. Slows execution.</summary>
    public Action<Function, ValueId, long>? Trace { get; init; }

    /// <summary>Whether to keep a log of host calls (name and arguments) in <see cref="Interpreter.HostCallLog"/>, which differential tests compare.</summary>
    public bool RecordHostCalls { get; init; }
}
