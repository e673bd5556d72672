namespace Flywheel.MachineCode;

/// <summary>
/// Thrown when code cannot be finished as asked: a label is bound twice or never bound, or a
/// fixup's distance does not fit its encoding.
/// </summary>
public sealed class CodeBufferException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the label and offsets involved.</summary>
    public CodeBufferException(string message) : base(message) { }
}
