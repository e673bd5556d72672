namespace Flywheel.MachineCode;

/// <summary>
/// Thrown when installing code would take the code heap past its
/// <see cref="ExecutableMemoryOptions.CodeSpaceLimit"/>, or the operating system refuses more
/// pages. Nothing was installed and the heap stays usable: callers typically fall back to an
/// interpreter or free cold code and retry.
/// </summary>
public sealed class CodeSpaceExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CodeSpaceExhaustedException(string message, long requestedBytes, long limitBytes) : base(message)
    {
        RequestedBytes = requestedBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>The size of the code that could not be installed.</summary>
    public long RequestedBytes { get; }

    /// <summary>The configured code-space limit.</summary>
    public long LimitBytes { get; }
}
