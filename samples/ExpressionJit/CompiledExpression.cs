using Flywheel.MachineCode;
using Flywheel.X64;

namespace ExpressionJit;

/// <summary>An expression compiled to machine code and installed in a code heap.</summary>
public sealed unsafe class CompiledExpression : IDisposable
{
    private readonly InstalledCode _code;

    internal CompiledExpression(InstalledCode code, CodeBlob blob, bool isInteger)
    {
        _code = code;
        Blob = blob;
        IsInteger = isInteger;
    }

    /// <summary>The finished code with its side tables.</summary>
    public CodeBlob Blob { get; }

    /// <summary>Whether the code computes on 64-bit integers rather than doubles.</summary>
    public bool IsInteger { get; }

    /// <summary>The annotated disassembly of the code, at its installed address.</summary>
    public string Listing => X64Listing.Format(Blob, (ulong)_code.Address);

    /// <summary>Runs a double expression.</summary>
    public double Invoke(double x)
    {
        if (IsInteger) throw new InvalidOperationException("This expression computes on integers.");
        ObjectDisposedException.ThrowIf(_code.IsFreed, this);
        return ((delegate* unmanaged<double, double>)_code.Address)(x);
    }

    /// <summary>Runs an integer expression.</summary>
    public long Invoke(long x)
    {
        if (!IsInteger) throw new InvalidOperationException("This expression computes on doubles.");
        ObjectDisposedException.ThrowIf(_code.IsFreed, this);
        return ((delegate* unmanaged<long, long>)_code.Address)(x);
    }

    /// <summary>Frees the machine code.</summary>
    public void Dispose() => _code.Free();
}
