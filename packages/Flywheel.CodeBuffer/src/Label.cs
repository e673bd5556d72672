namespace Flywheel.MachineCode;

/// <summary>
/// A position in a <see cref="CodeBuffer"/> that code can refer to before or after it is bound.
/// Labels are created by <see cref="CodeBuffer.CreateLabel"/> and are only meaningful for the buffer
/// that created them.
/// </summary>
/// <param name="Id">The label's index within its buffer.</param>
public readonly record struct Label(int Id)
{
    /// <summary>Formats the label the way listings print it (<c>L3</c>).</summary>
    public override string ToString() => $"L{Id}";
}
