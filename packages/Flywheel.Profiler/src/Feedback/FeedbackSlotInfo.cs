namespace Flywheel.Profiling;

/// <summary>
/// Declares one feedback slot when a function is compiled to bytecode: its kind and the bytecode
/// offset of the operation that owns it (used for reports and source positions, never on the
/// recording path).
/// </summary>
/// <param name="Kind">What the slot records.</param>
/// <param name="BytecodeOffset">Offset of the owning instruction in the function's bytecode.</param>
public readonly record struct FeedbackSlotInfo(FeedbackSlotKind Kind, int BytecodeOffset);
