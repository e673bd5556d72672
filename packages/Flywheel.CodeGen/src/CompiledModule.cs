using Flywheel.MachineCode;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen;

/// <summary>
/// Machine code for every function of a module in one blob, with what the embedder needs to run
/// and deoptimize it: entry offsets, an entry stub per function, stack maps and deopt sites.
/// </summary>
public sealed class CompiledModule
{
    readonly Lazy<string> listing;

    internal CompiledModule(CodeBlob blob, IReadOnlyList<CompiledFunction> functions, IReadOnlyList<DeoptSite> deoptSites, Func<string> formatListing)
    {
        Blob = blob;
        Functions = functions;
        DeoptSites = deoptSites;
        listing = new Lazy<string>(formatListing);
    }

    /// <summary>The code, ready for <see cref="ExecutableMemory.Install(CodeBlob)"/>.</summary>
    public CodeBlob Blob { get; }

    /// <summary>The compiled functions in module order.</summary>
    public IReadOnlyList<CompiledFunction> Functions { get; }

    /// <summary>Every deopt site of the module; the deopt entry receives an index into this list.</summary>
    public IReadOnlyList<DeoptSite> DeoptSites { get; }

    /// <summary>An annotated disassembly of the whole module (formatted on first use).</summary>
    public string Listing => listing.Value;

    /// <summary>The function named <paramref name="name"/>.</summary>
    public CompiledFunction this[string name] => Functions.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"no function %{name}");

    /// <summary>Installs the code in <paramref name="heap"/>.</summary>
    public InstalledModule Install(ExecutableMemory heap) => new(this, heap.Install(Blob));
}

/// <summary>One function's place in a <see cref="CompiledModule"/>.</summary>
public sealed class CompiledFunction
{
    internal CompiledFunction(string name, IReadOnlyList<IrType> parameters, IrType returnType, int codeOffset, int codeLength, int entryStubOffset,
        IReadOnlyList<Safepoint> safepoints, int spillSlots, int instructionCount)
    {
        Name = name;
        ParameterTypes = parameters;
        ReturnType = returnType;
        CodeOffset = codeOffset;
        CodeLength = codeLength;
        EntryStubOffset = entryStubOffset;
        Safepoints = safepoints;
        SpillSlots = spillSlots;
        InstructionCount = instructionCount;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Parameter types.</summary>
    public IReadOnlyList<IrType> ParameterTypes { get; }

    /// <summary>The return type, or <see cref="IrType.None"/>.</summary>
    public IrType ReturnType { get; }

    /// <summary>Where the function starts in the blob; it follows the host calling convention.</summary>
    public int CodeOffset { get; }

    /// <summary>Bytes of the function body, out-of-line exits included.</summary>
    public int CodeLength { get; }

    /// <summary>
    /// Where the function's entry stub starts: <c>void(ulong* args, ulong* result)</c> loads one
    /// 64-bit word per parameter, calls the function and stores the result's canonical bits,
    /// so an embedder can call any signature through one function-pointer type.
    /// </summary>
    public int EntryStubOffset { get; }

    /// <summary>Calls and deopt points with the locations of live tagged values, in code order.</summary>
    public IReadOnlyList<Safepoint> Safepoints { get; }

    /// <summary>8-byte spill slots the register allocator needed.</summary>
    public int SpillSlots { get; }

    /// <summary>IR instructions compiled.</summary>
    public int InstructionCount { get; }
}
