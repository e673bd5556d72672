namespace Flywheel.SsaIR;

/// <summary>A set of functions that may call each other by name.</summary>
public sealed class Module
{
    readonly List<Function> functions = [];

    /// <summary>Functions in insertion order.</summary>
    public IReadOnlyList<Function> Functions => functions;

    /// <summary>Adds a function; names must be unique.</summary>
    public void Add(Function function)
    {
        if (TryGet(function.Name, out _)) throw new ArgumentException($"function %{function.Name} already exists", nameof(function));
        functions.Add(function);
    }

    /// <summary>Replaces the function of the same name (or adds it).</summary>
    public void Replace(Function function)
    {
        int index = functions.FindIndex(f => f.Name == function.Name);
        if (index < 0) functions.Add(function); else functions[index] = function;
    }

    /// <summary>Finds a function by name.</summary>
    public bool TryGet(string name, out Function function)
    {
        function = functions.Find(f => f.Name == name)!;
        return function is not null;
    }

    /// <summary>A deep copy of every function.</summary>
    public Module Clone()
    {
        var copy = new Module();
        foreach (var f in functions) copy.Add(f.Clone());
        return copy;
    }

    /// <summary>The text form of every function.</summary>
    public override string ToString() => string.Join("\n", functions.Select(Text.IrPrinter.Print));
}
