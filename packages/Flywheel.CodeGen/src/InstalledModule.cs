using Flywheel.MachineCode;

namespace Flywheel.CodeGen;

/// <summary>A <see cref="CompiledModule"/> installed in executable memory.</summary>
public sealed class InstalledModule : IDisposable
{
    internal InstalledModule(CompiledModule module, InstalledCode code)
    {
        Module = module;
        Code = code;
    }

    /// <summary>The compiled module.</summary>
    public CompiledModule Module { get; }

    /// <summary>The installed bytes.</summary>
    public InstalledCode Code { get; }

    /// <summary>The native address of a function (host calling convention).</summary>
    public nint AddressOf(string function) => Code.Address + Module[function].CodeOffset;

    /// <summary>
    /// Calls <paramref name="function"/> through its entry stub with arguments as canonical bits
    /// (floats as their bit patterns) and returns the result's canonical bits (0 for void). The
    /// embedder's runtime must be ready (stack limit set, pending-exit word clear).
    /// </summary>
    public unsafe long Invoke(string function, ReadOnlySpan<long> args)
    {
        var compiled = Module[function];
        if (args.Length != compiled.ParameterTypes.Count) throw new ArgumentException($"%{function} takes {compiled.ParameterTypes.Count} arguments", nameof(args));
        Span<long> buffer = stackalloc long[Math.Max(1, args.Length)];
        args.CopyTo(buffer);
        long result = 0;
        var stub = (delegate* unmanaged<long*, long*, void>)(Code.Address + compiled.EntryStubOffset);
        fixed (long* a = buffer) stub(a, &result);
        return result;
    }

    /// <summary>Frees the code.</summary>
    public void Dispose() => Code.Dispose();
}
